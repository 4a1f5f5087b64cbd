/**
 * Volume, speaking and network quality on the compiled mp-weixin build (#14 items 1 + 6): the
 * building blocks bind `bindaudiovolumenotify`; a native `audiovolumenotify` / `netstatus` fired on
 * the rendered <live-pusher> / <live-player> reaches the room store (the app's Pinia, read through
 * the component's `$pinia`), the page's `room-event`s, and the built-in tiles (speaking ring,
 * quality bars).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildFixture } from '../helpers/build-fixture'
import { announceMember, closeRoomPage, fireMembers, installMpApp, pageFixture, renderPage, settle, storedRoom, type MpEnv, type SimComponent } from './mp-harness'

interface FixturePage {
  events: Array<{ tag: string; code: number; detail: any }>
  room(): { roomKey: string; start(): Promise<void>; stop(): Promise<void> } | null
}

let env: MpEnv
let page: SimComponent | null = null
let current = ''

beforeAll(() => {
  env = installMpApp(buildFixture('mp-app'))
})

afterEach(async () => {
  await closeRoomPage(env, page, current)
  page = null
})

function fixture(name: string): FixturePage {
  return pageFixture<FixturePage>(name)
}

async function open(name: string) {
  current = name
  page = renderPage(env, name)
  await settle(page)
  const fx = fixture(name)
  await fx.room()!.start()
  await settle(page)
  const pusher = page.querySelector('#room >>> #pusher')!
  await fireMembers(page, pusher, 1018)
  for (const userid of ['bob', 'carol']) await announceMember(page, pusher, userid)
  const room = page.querySelector('#room')!
  const store = () => storedRoom(room, fx.room()!.roomKey)
  return { page: page!, fx, pusher, room, store }
}

/** Tiles with the speaking ring on (the root's modifier class shows the static ring). */
const rings = (room: SimComponent) => room.dom.querySelectorAll('[class*="wr-tile--speaking"]').length

describe('compiled build: volume, speaking, quality', () => {
  it('binds bindaudiovolumenotify on live-pusher and live-player', () => {
    const dist = buildFixture('mp-app')
    const wxml = (block: string) => readFileSync(join(dist, `uni_modules/webrtc-room/components/${block}/${block}.wxml`), 'utf8')
    expect(wxml('webrtc-room-pusher')).toMatch(/<live-pusher[^>]*bindaudiovolumenotify=/)
    expect(wxml('webrtc-room-player')).toMatch(/<live-player[^>]*bindaudiovolumenotify=/)
  })

  it('float: a player\'s audiovolumenotify reaches the store, the speaking ring and an active_speaker event', async () => {
    const { page, fx, room, store } = await open('float')
    expect(rings(room)).toBe(0)
    const players = page.querySelectorAll('#room >>> #player')
    expect(players).toHaveLength(2)
    players[1].dispatchEvent('audiovolumenotify', { detail: { volume: 64 } })
    players[0].dispatchEvent('audiovolumenotify', { detail: { volume: 3 } })
    await settle(page)
    expect(store().members.carol).toMatchObject({ volume: 64, speaking: true })
    expect(store().members.carol.streams.main.volume).toBe(64)
    expect(store().members.bob).toMatchObject({ volume: 3, speaking: false })
    expect(store().activeSpeaker).toBe('carol')
    expect(fx.events.filter((e) => e.tag === 'active_speaker').map((e) => e.detail.userID)).toEqual(['carol'])
    expect(rings(room)).toBe(1)
    // Volume itself is no event.
    expect(fx.events.some((e) => e.tag === ('volume' as string))).toBe(false)
  })

  it('float: netstatus gives a member and yourself a quality level and the tile its bars', async () => {
    const { page, fx, pusher, room, store } = await open('float')
    const players = page.querySelectorAll('#room >>> #player')
    players[0].dispatchEvent('netstatus', { detail: { info: { netSpeed: 250, videoBitrate: 600, audioBitrate: 48 } } })
    pusher.dispatchEvent('netstatus', { detail: { info: { netSpeed: 700, videoBitrate: 600, audioBitrate: 48, netJitter: 10 } } })
    await settle(page)
    expect(store().members.bob.quality).toBe(4)
    expect(store().self.quality).toBe(1)
    expect(fx.events.filter((e) => e.tag === 'network_quality').map((e) => [e.detail.userID, e.detail.quality])).toEqual([['bob', 4], ['alice', 1]])
    const html = room.dom.innerHTML
    expect(html).toMatch(/wr-q4/) // bob: 4 = poor
    expect(html).toMatch(/wr-q1/) // you: 1 = good
  })

  it('grid: your own audiovolumenotify rings your tile and makes you the active speaker', async () => {
    const { page, pusher, room, store } = await open('grid')
    pusher.dispatchEvent('audiovolumenotify', { detail: { volume: 80 } })
    await settle(page)
    expect(store().self).toMatchObject({ volume: 80, speaking: true })
    expect(store().activeSpeaker).toBe('alice')
    expect(rings(room)).toBe(1)
  })
})

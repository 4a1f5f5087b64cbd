/**
 * Compiled-output tests of per-member mute and big / small streams (issue 14 items 2 and 4): the real
 * mp-weixin build of tests/fixtures/mp-app under miniprogram-simulate. The compiled
 * `<webrtc-room-player>` binds live-player `mute-audio` / `mute-video` / `src` to data keys; the room's
 * methods (called on the page's ref, as an app does) must reach exactly those keys of the right
 * member's player, and survive the member re-publishing.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join as pathJoin } from 'node:path'
import { buildFixture } from '../helpers/build-fixture'
import type { RoomEvent, StreamPref } from '../../uni_modules/webrtc-room/core/types'
import { installMpApp, pageFixture, renderPage, settle, type MpEnv, type SimComponent } from './mp-harness'

interface PlaybackMethods {
  start(): Promise<void>
  stop(): Promise<void>
  muteMemberAudio(userID: string, mute: boolean): void
  muteMemberVideo(userID: string, mute: boolean): void
  setMemberStream(userID: string, pref: StreamPref): void
}

let env: MpEnv
let page: SimComponent | null = null
/** live-player attribute → the data key the compiled template binds it to. */
let bound: Record<string, string> = {}

beforeAll(() => {
  env = installMpApp(buildFixture('mp-app'))
  const wxml = readFileSync(pathJoin(env.dist, 'uni_modules/webrtc-room/components/webrtc-room-player/webrtc-room-player.wxml'), 'utf8')
  const tag = wxml.match(/<live-player[^>]*>/)?.[0] ?? ''
  bound = Object.fromEntries([...tag.matchAll(/\s([a-z-]+)="\{\{(\w+)\}\}"/g)].map((m) => [m[1], m[2]]))
})

afterEach(async () => {
  if (!page) return
  await fixture().room()?.stop()
  page.detach()
  page = null
  env.contexts.length = 0
})

function fixture(): { events: RoomEvent[]; room(): PlaybackMethods | null } {
  return pageFixture<{ events: RoomEvent[]; room(): PlaybackMethods | null }>('grid')
}

const playURL = (userID: string, type = 'main') => `room://cloud.tencent.com/rtc?userid=${userID}&streamtype=${type}`

async function openGrid() {
  page = renderPage(env, 'grid')
  await settle(page)
  const room = fixture().room()!
  await room.start()
  await settle(page)
  const pusher = page.querySelector('#room >>> #pusher')!
  const fire = async (code: number, userlist: unknown[] = []) => {
    pusher.dispatchEvent('statechange', { detail: { code, message: JSON.stringify({ userlist }) } })
    await settle(page!)
  }
  await fire(1018)
  const publish = async (userid: string, on: boolean) => {
    await fire(1033, [{ userid, streamtype: 'main', hasvideo: on ? 1 : 0, playurl: playURL(userid) }])
    await fire(1034, [{ userid, hasaudio: on ? 1 : 0, playurl: playURL(userid) }])
  }
  const join = async (userid: string) => {
    await fire(1031, [{ userid }])
    await publish(userid, true)
  }
  return { room, fire, join, publish }
}

/** The live-player attributes of a member's (latest) player, read through the compiled bindings. */
function attrs(userID: string): Record<string, unknown> {
  const owners = env.contexts.filter((c) => c.kind === 'player' && (c.owner as { $vm?: { $props?: { userId?: string } } })?.$vm?.$props?.userId === userID)
  const data = (owners.at(-1)?.owner as { data?: Record<string, unknown> } | undefined)?.data ?? {}
  return Object.fromEntries(['src', 'autoplay', 'mute-audio', 'mute-video'].map((a) => [a, data[bound[a]]]))
}

describe('compiled <webrtc-room-player>: per-member mute and small streams', () => {
  it('binds live-player mute-audio and mute-video', () => {
    expect(Object.keys(bound)).toEqual(expect.arrayContaining(['src', 'autoplay', 'mute-audio', 'mute-video']))
  })

  it('the ref methods reach the right player; the choice survives a re-publish', async () => {
    const { room, join, publish } = await openGrid()
    await join('bob')
    await join('carol')
    expect(attrs('bob')).toEqual({ src: playURL('bob'), autoplay: true, 'mute-audio': false, 'mute-video': false })

    room.muteMemberAudio('bob', true)
    room.muteMemberVideo('carol', true)
    await settle(page!)
    expect(attrs('bob')).toMatchObject({ 'mute-audio': true, 'mute-video': false, autoplay: true })
    expect(attrs('carol')).toMatchObject({ 'mute-audio': false, 'mute-video': true })

    room.setMemberStream('bob', 'small')
    await settle(page!)
    expect(attrs('bob').src).toBe(playURL('bob').replace('streamtype=main', 'streamtype=small'))
    expect(attrs('carol').src).toBe(playURL('carol'))

    // bob turns camera and mic off (his stream goes: no URL) and on again: same choices.
    await publish('bob', false)
    expect(attrs('bob')).toMatchObject({ src: '', 'mute-audio': true })
    await publish('bob', true)
    expect(attrs('bob')).toEqual({ src: playURL('bob').replace('streamtype=main', 'streamtype=small'), autoplay: true, 'mute-audio': true, 'mute-video': false })

    room.muteMemberAudio('bob', false)
    room.setMemberStream('bob', 'big')
    await settle(page!)
    expect(attrs('bob')).toMatchObject({ src: playURL('bob'), 'mute-audio': false })
  })

  it('an unknown member or a bad argument is a warning event on the page, not a crash', async () => {
    const { room, join } = await openGrid()
    await join('bob')
    room.muteMemberAudio('ghost', true)
    room.setMemberStream('bob', 'tiny' as StreamPref)
    await settle(page!)
    const warnings = fixture().events.filter((e) => e.tag === 'warning').map((e) => e.code)
    expect(warnings.slice(-2)).toEqual([-90204, -90001])
    expect(attrs('bob')).toMatchObject({ src: playURL('bob'), 'mute-audio': false })
  })
})

/**
 * Compiled-output test of mirror and background policy (tests/fixtures/mp-app pages/media): the
 * page binds `local-mirror`, `remote-mirror` and `background-policy` on `<webrtc-room>`; the test reads
 * what the compiled live-pusher / live-player tags are bound to (the WXML attribute → the owning
 * component's render data), changes the page's props live, and fires app hide / show.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildFixture } from '../helpers/build-fixture'
import { installMpApp, pageFixture, openRoomPage, settle, type MpEnv, type SimComponent } from './mp-harness'

interface MediaFixture {
  events: Array<{ tag: string; code: number; detail: any }>
  room(): { start(): Promise<void>; stop(): Promise<void> } | null
  set(prefs: Record<string, unknown>): void
}

let env: MpEnv
let page: SimComponent | null = null

beforeAll(() => {
  env = installMpApp(buildFixture('mp-app'))
})

afterEach(async () => {
  if (page) {
    await fixture().room()?.stop()
    page.detach()
    page = null
  }
  env.contexts.length = 0
})

function fixture(): MediaFixture {
  return pageFixture<MediaFixture>('media')
}

const TAGS = {
  'live-pusher': 'uni_modules/webrtc-room/components/webrtc-room-pusher/webrtc-room-pusher.wxml',
  'live-player': 'uni_modules/webrtc-room/components/webrtc-room-player/webrtc-room-player.wxml',
} as const

/** The attributes a compiled native tag is bound to now: its WXML `attr="{{key}}"` read from its component's data. */
function bound(tag: keyof typeof TAGS, sim: SimComponent): Record<string, unknown> {
  const wxml = readFileSync(join(env.dist, TAGS[tag]), 'utf8')
  const open = wxml.match(new RegExp(`<${tag}\\b[^>]*>`))![0]
  const host = (sim as unknown as { _exparserNode: { ownerShadowRoot: { __wxHost: { data: Record<string, unknown> } } } })._exparserNode.ownerShadowRoot.__wxHost
  const out: Record<string, unknown> = {}
  for (const [, name, key] of open.matchAll(/([\w-]+)="\{\{(\w+)\}\}"/g)) out[name] = host.data[key]
  return out
}

async function enter() {
  const opened = await openRoomPage(env, 'media', () => fixture().room()!.start())
  page = opened.page
  const { pusher, fire } = opened
  const fx = fixture()
  await fire(1018, 'entered room')
  const playurl = 'room://cloud.tencent.com/rtc?userid=bob'
  await fire(1031, JSON.stringify({ userlist: [{ userid: 'bob' }] }))
  await fire(1033, JSON.stringify({ userlist: [{ userid: 'bob', streamtype: 'main', hasvideo: 1, playurl }] }))
  const player = () => page!.querySelector('#room >>> #player')!
  const set = async (prefs: Record<string, unknown>) => {
    fx.set(prefs)
    await settle(page!)
  }
  const app = async (what: 'hide' | 'show') => {
    ;[...(what === 'hide' ? env.appHide : env.appShow)].forEach((cb) => cb())
    await settle(page!)
  }
  const pusherCalls = () => env.contexts.find((c) => c.kind === 'pusher')!.calls
  return { fx, pusher, player, set, app, pusherCalls }
}

describe('compiled mirror and background-mute attributes', () => {
  it('bound from the props, updated live without re-entering; a bad value warns and falls back', async () => {
    const { fx, pusher, player, set } = await enter()
    expect(bound('live-pusher', pusher)).toMatchObject({ 'local-mirror': 'auto', 'remote-mirror': false, 'background-mute': true })
    expect(bound('live-player', player())).toMatchObject({ 'background-mute': true })

    await set({ localMirror: 'disable', remoteMirror: true, backgroundPolicy: 'keep' })
    expect(bound('live-pusher', pusher)).toMatchObject({ 'local-mirror': 'disable', 'remote-mirror': true, 'background-mute': false })
    expect(bound('live-player', player())).toMatchObject({ 'background-mute': false })
    await set({ localMirror: 'enable', backgroundPolicy: 'mute' })
    expect(bound('live-pusher', pusher)).toMatchObject({ 'local-mirror': 'enable', 'background-mute': true })
    expect(bound('live-player', player())).toMatchObject({ 'background-mute': true })
    // Live: no exit, no second start of the pusher.
    expect(fx.events.filter((e) => e.tag === 'exit_room')).toEqual([])
    expect(env.contexts.find((c) => c.kind === 'pusher')!.calls).toEqual(['start'])

    await set({ localMirror: 'upside-down' })
    expect(bound('live-pusher', pusher)['local-mirror']).toBe('auto')
    expect(fx.events.filter((e) => e.tag === 'warning').at(-1)).toMatchObject({ code: -90001, detail: { prop: 'localMirror' } })
  })

  it("'mute': the pusher's muted attribute is on while hidden, nothing paused; restored on show", async () => {
    const { pusher, set, app, pusherCalls } = await enter()
    await set({ backgroundPolicy: 'mute' })
    await app('hide')
    expect(bound('live-pusher', pusher).muted).toBe(true)
    expect(pusherCalls()).toEqual(['start'])
    await app('show')
    expect(bound('live-pusher', pusher).muted).toBe(false)
  })

  it("'leave': hiding the app leaves the room and says why", async () => {
    const { fx, set, app, pusherCalls } = await enter()
    await set({ backgroundPolicy: 'leave' })
    await app('hide')
    expect(fx.events.filter((e) => e.tag === 'exit_room').at(-1)).toMatchObject({ detail: { reason: 'background' } })
    expect(pusherCalls()).toEqual(['start', 'stop'])
    expect(env.appHide.size + env.appShow.size).toBe(0)
  })
})

// The mini-program build compiles out the H5 engine's screen share and device calls (uni #ifdef H5):
// each exposed method still answers warning -90412 and a typed rejection, and the room stays as it was.
describe('compiled H5-only methods', () => {
  it('startScreenShare / stopScreenShare / getDevices / selectDevice: -90412 warning and rejection', async () => {
    const { fx } = await enter()
    const methods = fx.room() as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>
    const names = ['startScreenShare', 'stopScreenShare', 'getDevices', 'selectDevice']
    for (const name of names) {
      await expect(methods[name]('camera', 'cam-1')).rejects.toMatchObject({ name: 'WebrtcRoomError', code: -90412, detail: { method: name } })
    }
    const warned = fx.events.filter((e) => e.code === -90412)
    expect(warned.map((e) => [e.tag, e.detail.method])).toEqual(names.map((m) => ['warning', m]))
    expect(fx.events.filter((e) => e.tag === 'exit_room' || e.tag === 'error')).toEqual([])
  })
})

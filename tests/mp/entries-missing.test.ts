/**
 * Opt-in entries missing, on the compiled mp-weixin output. The live entry: tests/fixtures/mp-app-im's main.ts
 * imports the IM entry but not '@/uni_modules/webrtc-room/live', and its `pages/live-missing` renders
 * `<webrtc-room scene="live" role="audience">`. The page gets ONE `error` room-event (INVALID_PROP,
 * prop 'scene', naming the import) and the pusher never gets a URL: no silent rtc fallback in which
 * the audience would publish.
 *
 * The same app does not import '@/uni_modules/webrtc-room/member-media' either: on its `float` page with
 * a publishing member, `muteMemberAudio` / `muteMemberVideo` / `setMemberStream` (called on the page's
 * ref, as an app does) are each ONE `warning` room-event (INVALID_STATE, `detail.method`, naming the
 * import), and the member's live-player keeps its big-stream `src` and `mute-audio` / `mute-video` false.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RoomEvent, StreamPref } from '../../uni_modules/webrtc-room/core/types'
import { buildFixture } from '../helpers/build-fixture'
import { installMpApp, pageFixture, renderPage, settle, sleep, type MpEnv, type SimComponent } from './mp-harness'

interface FixturePage {
  events: Array<{ tag: string; code: number; detail: { prop?: string; message?: string } }>
  room(): { roomKey: string; start(): Promise<void>; stop(): Promise<void> } | null
}

let env: MpEnv
let page: SimComponent | undefined
let floatPage: SimComponent | undefined

beforeAll(() => {
  env = installMpApp(buildFixture('mp-app-im'))
}, 300_000)

afterAll(() => {
  page?.detach()
  floatPage?.detach()
})

describe('compiled mp-weixin: scene="live" without the live entry', () => {
  it('one error room-event naming the import; the room does not enter and nothing is pushed', async () => {
    page = renderPage(env, 'live-missing')
    await settle(page)
    const fixture = pageFixture<FixturePage>('live-missing')
    await fixture.room()!.start()
    await settle(page)
    await sleep(20)

    expect(fixture.events.map((e) => [e.tag, e.code])).toEqual([['error', -90001]])
    expect(fixture.events[0].detail).toMatchObject({ prop: 'scene', message: expect.stringContaining("import '@/uni_modules/webrtc-room/live'") })
    // No push URL ever reached the live-pusher and no pusher context was started: nothing published.
    const wxml = readFileSync(join(env.dist, 'uni_modules/webrtc-room/components/webrtc-room-pusher/webrtc-room-pusher.wxml'), 'utf8')
    const urlKey = / url="\{\{(\w+)\}\}"/.exec(wxml)?.[1]
    expect(urlKey).toBeDefined()
    const pushers = env.contexts.filter((c) => c.kind === 'pusher')
    expect(pushers.length).toBeGreaterThan(0) // the pusher is mounted (it holds the camera preview), but never pushes
    for (const ctx of pushers) {
      expect(ctx.calls).not.toContain('start')
      expect((ctx.owner as unknown as { data: Record<string, unknown> }).data[urlKey!] || '').toBe('')
    }
  })
})

interface FloatPage {
  events: RoomEvent[]
  room(): {
    start(): Promise<void>
    stop(): Promise<void>
    muteMemberAudio(userID: string, mute: boolean): void
    muteMemberVideo(userID: string, mute: boolean): void
    setMemberStream(userID: string, pref: StreamPref): void
  } | null
}

const IMPORT_LINE = "import '@/uni_modules/webrtc-room/member-media'"
const PLAY_URL = 'room://cloud.tencent.com/rtc?userid=bob&streamtype=main'

describe('compiled mp-weixin: per-member media choices without the member-media entry', () => {
  it('each call is one warning naming the import; the player keeps playing big and unmuted', async () => {
    const wxml = readFileSync(join(env.dist, 'uni_modules/webrtc-room/components/webrtc-room-player/webrtc-room-player.wxml'), 'utf8')
    const tag = wxml.match(/<live-player[^>]*>/)?.[0] ?? ''
    const bound = Object.fromEntries([...tag.matchAll(/\s([a-z-]+)="\{\{(\w+)\}\}"/g)].map((m) => [m[1], m[2]]))
    expect(Object.keys(bound)).toEqual(expect.arrayContaining(['src', 'mute-audio', 'mute-video']))

    floatPage = renderPage(env, 'float')
    await settle(floatPage)
    const fixture = pageFixture<FloatPage>('float')
    const room = fixture.room()!
    await room.start()
    await settle(floatPage)
    const pusher = floatPage.querySelector('#room >>> #pusher')!
    for (const [code, userlist] of [
      [1018, []],
      [1031, [{ userid: 'bob' }]],
      [1033, [{ userid: 'bob', streamtype: 'main', hasvideo: 1, playurl: PLAY_URL }]],
      [1034, [{ userid: 'bob', hasaudio: 1, playurl: PLAY_URL }]],
    ] as const) {
      pusher.dispatchEvent('statechange', { detail: { code, message: JSON.stringify({ userlist }) } })
      await settle(floatPage)
    }
    const player = () => {
      const data = (env.contexts.filter((c) => c.kind === 'player').at(-1)?.owner as { data?: Record<string, unknown> } | undefined)?.data ?? {}
      return { src: data[bound.src], 'mute-audio': data[bound['mute-audio']], 'mute-video': data[bound['mute-video']] }
    }
    expect(player()).toEqual({ src: PLAY_URL, 'mute-audio': false, 'mute-video': false })

    const before = fixture.events.length
    room.muteMemberAudio('bob', true)
    room.muteMemberVideo('bob', true)
    room.setMemberStream('bob', 'small')
    await settle(floatPage)
    const added = fixture.events.slice(before)
    expect(added.map((e) => [e.tag, e.code, (e.detail as { method?: string }).method])).toEqual([
      ['warning', -90204, 'muteMemberAudio'],
      ['warning', -90204, 'muteMemberVideo'],
      ['warning', -90204, 'setMemberStream'],
    ])
    for (const event of added) expect((event.detail as { message?: string }).message).toContain(IMPORT_LINE)
    expect(player()).toEqual({ src: PLAY_URL, 'mute-audio': false, 'mute-video': false })
    await room.stop()
  })
})

/**
 * The member-media entry missing, on the compiled mp-weixin output: tests/fixtures/mp-app-im's main.ts
 * imports the IM entry but not '@/uni_modules/webrtc-room/member-media'. On its `float` page with a
 * publishing member, `muteMemberAudio` / `muteMemberVideo` / `setMemberStream` (called on the page's
 * ref, as an app does) are each ONE `warning` room-event (INVALID_STATE, `detail.method`, naming the
 * import), and the member's live-player keeps its big-stream `src` and `mute-audio` / `mute-video` false.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RoomEvent, StreamPref } from '../../uni_modules/webrtc-room/core/types'
import { buildFixture } from '../helpers/build-fixture'
import { installMpApp, pageFixture, renderPage, settle, type MpEnv, type SimComponent } from './mp-harness'

interface FixturePage {
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
const playURL = 'room://cloud.tencent.com/rtc?userid=bob&streamtype=main'

let env: MpEnv
let page: SimComponent | undefined

beforeAll(() => {
  env = installMpApp(buildFixture('mp-app-im'))
}, 300_000)

afterAll(() => page?.detach())

describe('compiled mp-weixin: per-member media choices without the member-media entry', () => {
  it('each call is one warning naming the import; the player keeps playing big and unmuted', async () => {
    const wxml = readFileSync(join(env.dist, 'uni_modules/webrtc-room/components/webrtc-room-player/webrtc-room-player.wxml'), 'utf8')
    const tag = wxml.match(/<live-player[^>]*>/)?.[0] ?? ''
    const bound = Object.fromEntries([...tag.matchAll(/\s([a-z-]+)="\{\{(\w+)\}\}"/g)].map((m) => [m[1], m[2]]))
    expect(Object.keys(bound)).toEqual(expect.arrayContaining(['src', 'mute-audio', 'mute-video']))

    page = renderPage(env, 'float')
    await settle(page)
    const fixture = pageFixture<FixturePage>('float')
    const room = fixture.room()!
    await room.start()
    await settle(page)
    const pusher = page.querySelector('#room >>> #pusher')!
    for (const [code, userlist] of [
      [1018, []],
      [1031, [{ userid: 'bob' }]],
      [1033, [{ userid: 'bob', streamtype: 'main', hasvideo: 1, playurl: playURL }]],
      [1034, [{ userid: 'bob', hasaudio: 1, playurl: playURL }]],
    ] as const) {
      pusher.dispatchEvent('statechange', { detail: { code, message: JSON.stringify({ userlist }) } })
      await settle(page)
    }
    const player = () => {
      const data = (env.contexts.filter((c) => c.kind === 'player').at(-1)?.owner as { data?: Record<string, unknown> } | undefined)?.data ?? {}
      return { src: data[bound.src], 'mute-audio': data[bound['mute-audio']], 'mute-video': data[bound['mute-video']] }
    }
    expect(player()).toEqual({ src: playURL, 'mute-audio': false, 'mute-video': false })

    const before = fixture.events.length
    room.muteMemberAudio('bob', true)
    room.muteMemberVideo('bob', true)
    room.setMemberStream('bob', 'small')
    await settle(page)
    const added = fixture.events.slice(before)
    expect(added.map((e) => [e.tag, e.code, (e.detail as { method?: string }).method])).toEqual([
      ['warning', -90204, 'muteMemberAudio'],
      ['warning', -90204, 'muteMemberVideo'],
      ['warning', -90204, 'setMemberStream'],
    ])
    for (const event of added) expect((event.detail as { message?: string }).message).toContain(IMPORT_LINE)
    expect(player()).toEqual({ src: playURL, 'mute-audio': false, 'mute-video': false })
    await room.stop()
  })
})

/**
 * The live entry missing, on the compiled mp-weixin output: tests/fixtures/mp-app-im's main.ts
 * imports the IM entry but not '@/uni_modules/webrtc-room/live', and its `pages/live-missing` renders
 * `<webrtc-room scene="live" role="audience">`. The page gets ONE `error` room-event (INVALID_PROP,
 * prop 'scene', naming the import) and the pusher never gets a URL: no silent rtc fallback in which
 * the audience would publish.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildFixture } from '../helpers/build-fixture'
import { installMpApp, pageFixture, renderPage, settle, sleep, type MpEnv, type SimComponent } from './mp-harness'

interface FixturePage {
  events: Array<{ tag: string; code: number; detail: { prop?: string; message?: string } }>
  room(): { roomKey: string; start(): Promise<void>; stop(): Promise<void> } | null
}

let env: MpEnv
let page: SimComponent | undefined

beforeAll(() => {
  env = installMpApp(buildFixture('mp-app-im'))
}, 300_000)

afterAll(() => page?.detach())

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

/**
 * userSig refresh on the compiled mp-weixin output (tests/fixtures/mp-app, page `sig`): the page's
 * `getUserSig` function prop crosses uni's `u-p` props into the component, a live-pusher -100018
 * fired on the rendered tag reaches it, the room re-enters with the answer, and a refresher that
 * hands back the rejected sig ends in the page receiving one `error` -90200.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildFixture } from '../helpers/build-fixture'
import { installMpApp, pageFixture, openRoomPage, settle, type MpEnv, type SimComponent } from './mp-harness'

interface SigFixture {
  events: Array<{ tag: string; code: number; detail: any }>
  room(): { start(): Promise<void>; stop(): Promise<void> } | null
  sigCalls: Array<Record<string, unknown>>
  nextSig: string
}

let env: MpEnv
let page: SimComponent

beforeAll(() => {
  env = installMpApp(buildFixture('mp-app'))
})

afterAll(async () => {
  await fixture().room()?.stop()
  page?.detach()
})

function fixture(): SigFixture {
  return pageFixture<SigFixture>('sig')
}

describe('compiled mp-weixin: getUserSig', () => {
  it('-100018 on the rendered live-pusher → getUserSig → re-enter; the rejected sig handed back → -90200 on the page', async () => {
    const opened = await openRoomPage(env, 'sig', () => fixture().room()!.start())
    page = opened.page
    const { fire } = opened
    const fx = fixture()
    await fire(1018, 'entered room')
    const starts = () => env.contexts.filter((c) => c.kind === 'pusher').flatMap((c) => c.calls).filter((c) => c === 'start').length
    const startsBefore = starts()

    await fire(-100018, 'userSig expired')
    await settle(page)
    expect(fx.sigCalls).toEqual([{ userID: 'alice', sdkAppID: 1400000001, roomID: '1234', reason: 'expired', source: 'trtc' }])
    expect(fx.events.filter((e) => e.tag === 'reconnecting').map((e) => e.code)).toEqual([-90200])
    await fire(1018, 'entered room')
    expect(fx.events.filter((e) => e.tag === 'enter_room')).toHaveLength(2)
    expect(starts()).toBeGreaterThan(startsBefore)
    expect(fx.events.filter((e) => e.tag === 'error')).toEqual([])

    fx.nextSig = 'eJwNEW-test-only-sig' // the sig just refreshed to: handed back again = a failure
    await fire(-100018, 'userSig expired')
    await settle(page)
    await settle(page)
    expect(fx.events.filter((e) => e.tag === 'error').map((e) => e.code)).toEqual([-90200])
    expect(JSON.stringify(fx.events)).not.toContain('eJwNEW-test-only-sig')
  })
})

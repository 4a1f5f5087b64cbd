/**
 * The demo itself compiled for mp-weixin (the repo root, uni's real compiler) and run under
 * miniprogram-simulate: the enter form's messages, the signature request through `wx.request`, the
 * hand-off to the room page, and the room page driven by native live-pusher codes (status chip,
 * event log, member list). This is what a user imports into WeChat devtools.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDemo } from './helpers/build-demo'
import { compiledRegistry, installMpApp, renderPage, settle, sleep, type MpEnv, type SimComponent } from '../mp/mp-harness'
import { translate, type MessageKey } from '../../pages/shared/i18n'

let env: MpEnv
const storage = new Map<string, unknown>()
const navigations: string[] = []
const requests: Array<{ url: string; method?: string; data: unknown }> = []
let answer: (o: { url: string; data: unknown; success?: (r: unknown) => void; fail?: (e: unknown) => void }) => void

beforeAll(() => {
  env = installMpApp(buildDemo())
  // The app may have replaced the global `wx` with its own object: uni reads that one at call time.
  Object.assign((globalThis as unknown as { wx: object }).wx, {
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    setNavigationBarTitle: (o: { success?: () => void }) => o.success?.(),
    setKeepScreenOn: (o: { success?: () => void }) => o.success?.(),
    navigateTo: (o: { url: string; success?: () => void }) => {
      navigations.push(o.url)
      o.success?.()
    },
    request: (o: { url: string; method?: string; data: unknown; success?: (r: unknown) => void; fail?: (e: unknown) => void }) => {
      requests.push({ url: o.url, method: o.method, data: o.data })
      answer(o)
    },
  })
}, 240_000)

/** The page's text in whichever language it chose (the simulated WeChat reports zh_CN). */
function either(key: MessageKey): string[] {
  return [translate('zh', key), translate('en', key)]
}

async function tap(page: SimComponent, selector: string) {
  page.querySelector(selector)!.dispatchEvent('tap')
  // uni defers tap handlers by a few ms.
  await sleep(20)
  await settle(page)
}

async function type(page: SimComponent, selector: string, value: string) {
  page.querySelector(selector)!.dispatchEvent('input', { detail: { value } })
  await settle(page)
}

const text = (page: SimComponent, selector: string) => page.querySelector(selector)?.dom.textContent?.trim() ?? null

describe('the demo on mp-weixin (compiled, miniprogram-simulate)', () => {
  it('validates the form, gets a signature through wx.request and runs the room page on live-pusher codes', async () => {
    const index = renderPage(env, 'index')
    await settle(index)
    expect(index.querySelector('#enter-room')).toBeTruthy()

    await type(index, '#field-userID', '')
    await tap(index, '#enter-room')
    expect(either('err.userID.empty')).toContain(text(index, '#error-userID'))
    await type(index, '#field-userID', 'mp_alice')
    for (const [roomID, key] of [['0', 'err.roomID.range'], ['4294967295', 'err.roomID.range'], ['abc', 'err.roomID.notNumber']] as const) {
      await type(index, '#field-roomID', roomID)
      await tap(index, '#enter-room')
      expect(either(key)).toContain(text(index, '#error-roomID'))
    }
    expect(requests).toHaveLength(0)

    // The sign service is down: its failure is in the page.
    answer = (o) => o.fail?.({ errMsg: 'request:fail url not in domain list' })
    await type(index, '#field-roomID', '777')
    await type(index, '#field-signBaseURL', 'https://sign.example.com')
    await tap(index, '#enter-room')
    expect(text(index, '#sign-error-detail')).toContain('request:fail url not in domain list')
    expect(navigations).toHaveLength(0)

    answer = (o) => o.success?.({ statusCode: 200, data: { sdkAppID: 1400000001, userID: 'mp_alice', userSig: 'eJy-test-sig', privateMapKey: 'eJy-test-pmk', expireAt: 1_900_000_000 } })
    await tap(index, '#enter-room')
    expect(requests.at(-1)).toEqual({ url: 'https://sign.example.com/api/usersig', method: 'POST', data: { userID: 'mp_alice', roomID: 777, privilege: 255 } })
    expect(navigations).toEqual(['/pages/room/room?roomID=777'])
    index.detach()

    // The room page picks the session up, starts <webrtc-room> and shows what live-pusher reports.
    const room = renderPage(env, 'room')
    await settle(room)
    await sleep(20)
    await settle(room)
    expect(text(room, '.status-bar__room')).toContain('777')
    const pusherCtx = env.contexts.find((c) => c.kind === 'pusher')
    expect(pusherCtx?.calls).toContain('start')
    const pusher = room.querySelector('#room >>> #pusher')!
    const fire = async (code: number, message = '') => {
      pusher.dispatchEvent('statechange', { detail: { code, message } })
      await settle(room)
    }
    await fire(1018, 'entered room')
    expect(either('status.in_room')).toContain(text(room, '#room-status'))
    expect(room.querySelectorAll('#event-log >>> .event__tag').map((tag) => tag.dom.textContent)).toContain('enter_room')

    const playurl = 'room://cloud.tencent.com/rtc?userid=mp_bob'
    await fire(1031, JSON.stringify({ userlist: [{ userid: 'mp_bob' }] }))
    await fire(1033, JSON.stringify({ userlist: [{ userid: 'mp_bob', streamtype: 'main', hasvideo: 1, playurl }] }))
    expect(text(room, '#tab-members .tabs__badge')).toBe('1')
    await tap(room, '#tab-members')
    expect(text(room, '#member-list >>> .member__name')).toBe('mp_bob')
    // The newest event is on top of the log.
    await tap(room, '#tab-events')
    expect(room.querySelector('#event-log >>> .event__tag')!.dom.textContent).toBe('member_update')
    await tap(room, '#toolbar >>> #tool-leave')
    expect(pusherCtx?.calls).toContain('stop')
    room.detach()
  }, 120_000)

  it("runs the '1v3' page: self large, members seated below with captions and loading covers", async () => {
    const index = renderPage(env, 'index')
    await settle(index)
    await type(index, '#field-userID', 'mp_carol')
    await type(index, '#field-roomID', '888')
    await tap(index, '#template-1v3')
    answer = (o) => o.success?.({ statusCode: 200, data: { sdkAppID: 1400000001, userID: 'mp_carol', userSig: 'eJy-test-sig', expireAt: 1_900_000_000 } })
    await tap(index, '#enter-room')
    expect(navigations.at(-1)).toBe('/pages/custom/custom?roomID=888')
    index.detach()

    env.contexts.length = 0
    const custom = renderPage(env, 'custom')
    await settle(custom)
    await sleep(20)
    await settle(custom)
    const dom = () => custom.querySelector('#room')!.dom
    // The pusher building block owns the live-pusher inside the layout slot, and the room started it.
    const pusherCtx = env.contexts.find((c) => c.kind === 'pusher')
    expect(pusherCtx?.calls).toContain('start')
    expect(dom().textContent).toContain('mp_carol')
    expect(dom().querySelectorAll('[class*="onev3__seat"]')).toHaveLength(3)

    const pusher = custom.querySelector('#room >>> #pusher')!
    const fire = async (code: number, message = '') => {
      pusher.dispatchEvent('statechange', { detail: { code, message } })
      await settle(custom)
    }
    await fire(1018, 'entered room')
    expect(either('status.in_room')).toContain(text(custom, '#room-status'))
    for (const userID of ['mp_dan', 'mp_eve']) {
      const playurl = `room://cloud.tencent.com/rtc?userid=${userID}`
      await fire(1031, JSON.stringify({ userlist: [{ userid: userID }] }))
      await fire(1033, JSON.stringify({ userlist: [{ userid: userID, streamtype: 'main', hasvideo: 1, playurl }] }))
    }
    const players = custom.querySelectorAll('#room >>> #player')
    expect(players).toHaveLength(2)
    const captions = Array.from(dom().querySelectorAll('[class*="caption"]')).map((c) => c.textContent?.trim())
    expect(captions).toEqual(expect.arrayContaining(['mp_dan', 'mp_eve']))
    const covers = () => dom().querySelectorAll('[class*="cover__spinner"]').length
    expect(covers()).toBe(2)
    players[0].dispatchEvent('statechange', { detail: { code: 2004, message: 'playing' } })
    await settle(custom)
    expect(covers()).toBe(1)
    // The third seat still waits for someone.
    expect(dom().querySelectorAll('[class*="cover--empty"]')).toHaveLength(1)
    await tap(custom, '#toolbar >>> #tool-leave')
    custom.detach()
  }, 120_000)

  it('runs pages/basic (the readme minimal example): the ref watch starts the room and a pusher event reaches it', async () => {
    env.contexts.length = 0
    const basic = renderPage(env, 'basic')
    await settle(basic)
    await sleep(20)
    await settle(basic)
    const pusherCtx = env.contexts.find((c) => c.kind === 'pusher')
    expect(pusherCtx?.calls).toContain('start')
    // The example gives the tag no id: uni compiles its `ref` to class "r", which finds it.
    const pusher = basic.querySelector('.r >>> #pusher')!
    expect(pusher).toBeTruthy()
    // The example shows nothing but the room: read the room's state from the controller it registered.
    const exposed = basic.querySelector('.r')!.instance.$vm.$.exposed as { roomKey: string }
    const controller = compiledRegistry(env, basic)(exposed.roomKey)
    expect(controller.status).toBe('entering')
    pusher.dispatchEvent('statechange', { detail: { code: 1018, message: 'entered room' } })
    await settle(basic)
    expect(controller.status).toBe('in_room')
    basic.detach()
  }, 60_000)
})

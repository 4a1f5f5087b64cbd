/**
 * The legacy (room-signature) enter flow is the opt-in `legacy` entry. Without it a client that needs
 * the flow gets one clear `error` room-event naming the import — never a silent wait — and no request
 * is made; importing the entry (as main.ts would) makes the same room sign and push the legacy URL.
 * This file must not import the entry statically: vitest isolates modules per file.
 */
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createRoom } from '../../uni_modules/webrtc-room/room-factory'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import type { RoomEvent, RoomOptions } from '../../uni_modules/webrtc-room/core/types'
import type { RoomAction } from '../../uni_modules/webrtc-room/core/actions'
import { reduce } from '../../uni_modules/webrtc-room/core/reducer'
import { createCoreState } from '../../uni_modules/webrtc-room/core/room-state'
import { createFakePlatform, flush, type FakePlatform } from '../helpers/fake-platform'

const BASE: RoomOptions = { sdkAppID: 1400000001, userID: 'me', userSig: 'eJw1jcEKgjAYhV*-_abc', roomID: 1234 }
const OLD_WECHAT = { platform: 'android', version: '7.0.5', SDKVersion: '2.10.0' }

function room(options: Partial<RoomOptions>, platform: FakePlatform) {
  const r = createRoom({ ...BASE, ...options }, platform)
  const events: RoomEvent[] = []
  r.on((e) => events.push(e))
  return { r, errors: () => events.filter((e) => e.tag === 'error') }
}

beforeEach(() => setActivePinia(createPinia()))

/** The members after a legacy enter and a 1020 list of one user, straight through the reducer. */
function legacyListMembers(): string[] {
  let state = createCoreState('r', BASE)
  for (const action of [
    { type: 'start' },
    { type: 'preflight_done', epoch: 1, result: { ok: true, mode: 'legacy', system: null } },
    { type: 'room_sig_done', epoch: 1, ok: true, pushURL: 'room://legacy?usersig=x' },
    { type: 'member_list', users: [{ userID: 'u1' }], skipped: 0, nativeCode: 1020 },
  ] as RoomAction[]) state = reduce(state, action).state
  return state.room.memberOrder
}

describe('legacy entry not imported', () => {
  it('an old client in auto mode: one error naming the missing WeChat version and the import, no request', async () => {
    const platform = createFakePlatform({ system: OLD_WECHAT })
    const { r, errors } = room({}, platform)
    await r.start()
    await flush()
    expect(r.status).toBe('error')
    expect(errors()).toHaveLength(1)
    expect(errors()[0]).toMatchObject({ code: RoomErrorCode.WECHAT_TOO_OLD, detail: { version: '7.0.5' } })
    expect(String((errors()[0].detail as { message: string }).message)).toContain("import '@/uni_modules/webrtc-room/legacy'")
    expect(platform.requests).toHaveLength(0)
    await r.destroy()
  })

  it("enterMode 'legacy': one invalid-prop error naming enterMode and the import", async () => {
    const platform = createFakePlatform()
    const { r, errors } = room({ enterMode: 'legacy' }, platform)
    await r.start()
    await flush()
    expect(errors()).toEqual([expect.objectContaining({ code: RoomErrorCode.INVALID_PROP, detail: expect.objectContaining({ prop: 'enterMode' }) })])
    expect(String((errors()[0].detail as { message: string }).message)).toContain("import '@/uni_modules/webrtc-room/legacy'")
    expect(platform.requests).toHaveLength(0)
    await r.destroy()
  })

  it('a legacy 1020 list changes nothing without the entry (no room is legacy without it)', () => {
    expect(legacyListMembers()).toEqual([])
  })

  it('modern clients are unaffected', async () => {
    const platform = createFakePlatform()
    const { r, errors } = room({}, platform)
    await r.start()
    expect(r.status).toBe('entering')
    expect(r.pushURL).toMatch(/^room:\/\/cloud\.tencent\.com\/rtc\?/)
    expect(errors()).toEqual([])
    await r.destroy()
  })
})

describe('legacy entry imported', () => {
  it('a legacy 1020 list sets the members', async () => {
    await import('../../uni_modules/webrtc-room/legacy')
    expect(legacyListMembers()).toEqual(['u1'])
  })

  it('the same old client signs first, then pushes the legacy URL', async () => {
    await import('../../uni_modules/webrtc-room/legacy')
    const platform = createFakePlatform({ system: OLD_WECHAT })
    platform.respond({ statusCode: 200, data: { RspHead: { ErrorCode: 0 }, RspBody: { roomSig: 'abc' } } })
    const { r, errors } = room({}, platform)
    await r.start()
    await flush()
    expect(platform.requests).toHaveLength(1)
    expect(r.pushURL).toBe(`room://cloud.tencent.com?sdkappid=1400000001&roomid=1234&userid=me&roomsig=${encodeURIComponent('{"roomSig":"abc"}')}`)
    expect(errors()).toEqual([])
    await r.destroy()
  })
  it('a platform without request() signs over uni.request', async () => {
    await import('../../uni_modules/webrtc-room/legacy')
    const request = vi.fn((o: { success: (r: unknown) => void }) => o.success({ statusCode: 200, data: { RspHead: { ErrorCode: 0 }, RspBody: { s: 1 } } }))
    vi.stubGlobal('uni', { request })
    try {
      const platform = createFakePlatform({ system: OLD_WECHAT })
      delete (platform as { request?: unknown }).request
      const { r, errors } = room({}, platform)
      await r.start()
      await flush()
      expect(request).toHaveBeenCalledTimes(1)
      expect(r.pushURL).toContain(`roomsig=${encodeURIComponent('{"s":1}')}`)
      expect(errors()).toEqual([])
      await r.destroy()
    } finally {
      vi.unstubAllGlobals()
    }
  })
})

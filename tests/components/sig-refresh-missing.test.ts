// @vitest-environment jsdom
/**
 * `<webrtc-room :get-user-sig>` in an app that never imports the sig-refresh entry (this file does
 * not): one `warning` -90001 naming the import at start, the room enters, and a live-pusher -100018
 * ends in `error` -90200 without asking getUserSig.
 */
import { afterEach, expect, it } from 'vitest'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { enter, installUni, mountRoom, sleep, type MountedRoom } from './room-harness'

let mounted: MountedRoom | null = null
afterEach(() => {
  mounted?.wrapper.unmount()
  mounted = null
})

it('getUserSig without the entry: one warning naming the import, the room enters, -100018 is -90200', async () => {
  installUni()
  const calls: unknown[] = []
  const r = (mounted = mountRoom({ getUserSig: (request: unknown) => (calls.push(request), Promise.resolve('eJwNEW-test-only-sig')) }))
  await enter(r)
  expect(r.events.filter((e) => e.tag === 'warning')).toMatchObject([
    { code: RoomErrorCode.INVALID_PROP, detail: { prop: 'getUserSig', message: expect.stringContaining("import '@/uni_modules/webrtc-room/sig-refresh'") } },
  ])
  expect(r.events.some((e) => e.tag === 'enter_room')).toBe(true)

  await r.firePusher('statechange', { code: -100018, message: 'userSig expired' })
  await sleep(1)
  expect(r.events.filter((e) => e.tag === 'error').map((e) => e.code)).toEqual([RoomErrorCode.USERSIG_EXPIRED])
  expect(r.events.filter((e) => e.tag === 'reconnecting')).toEqual([])
  expect(calls).toEqual([])
})

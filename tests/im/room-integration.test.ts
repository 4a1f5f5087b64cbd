/**
 * The headless controller (core/room.ts) with the real IM session behind the registry, tim mocked:
 * the app-facing path of issue #6 end to end — start with enableIM, im-events, the four methods
 * with succ/fail callbacks and Promises, stop releasing tim.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRoom } from '../../uni_modules/webrtc-room/room-factory'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { registerIM, unregisterIM } from '../../uni_modules/webrtc-room/core/im-registry'
import type { ImEvent, RoomOptions } from '../../uni_modules/webrtc-room/core/types'
import { createTimImFactory } from '../../uni_modules/webrtc-room/im'
import { useImStore } from '../../uni_modules/webrtc-room/stores/im'
import { createFakePlatform, flush, until } from '../helpers/fake-platform'
import { TYPES, createTimMock, incoming, type FakeTim } from '../helpers/tim-mock'

// The entry module imports 'tim-wx-sdk'; these tests hand it the mock explicitly.
vi.mock('tim-wx-sdk', async () => ({ default: (await import('../helpers/tim-mock')).createTimMock().sdk }))

const BASE: RoomOptions = { sdkAppID: 1400000001, userID: 'me', userSig: 'eJyrVkrOz0ktUrJSSs7PLcgvSy1SSMsvykvMyVECAHIjCEk_', roomID: 1234, enableIM: true }


beforeEach(() => setActivePinia(createPinia()))
afterEach(() => unregisterIM())

describe('createRoom + the tim IM session', () => {
  it('enters, logs in, joins, sends with callbacks, receives, and releases tim on stop', async () => {
    const mock = createTimMock()
    mock.server.addGroup('1234')
    registerIM(createTimImFactory(mock.sdk))
    const platform = createFakePlatform()
    const room = createRoom({ ...BASE, userName: 'Me' }, platform)
    const imEvents: ImEvent[] = []
    room.onIM((e) => imEvents.push(e))
    room.attachPusher({ start() {}, stop() {}, pause() {}, resume() {}, switchCamera() {} })
    await room.start()
    platform.advance(0)
    room.onPusherStateChange({ code: 1018, message: 'enter room success' })
    await until(() => imEvents.some((e) => e.tag === 'join_group_event'))
    await flush()
    expect(imEvents.map((e) => [e.tag, e.code])).toEqual([['login_event', 0], ['join_group_event', 0]])
    const tim = mock.sdk.create({ SDKAppID: 1400000001 }) as FakeTim
    expect(tim.calls).toContain('updateMyProfile:Me')

    const succ: unknown[] = []
    const sent = await room.sendGroupTextMsg('hello', (m) => succ.push(m))
    expect(sent).toMatchObject({ text: 'hello', status: 'sent' })
    expect(succ).toEqual([sent])

    const failed: Array<[number, string]> = []
    await expect(room.sendC2CTextMsg('', 'x', undefined, (code, message) => failed.push([code, message]))).rejects.toMatchObject({ code: RoomErrorCode.IM_INVALID_RECEIVER })
    await expect(room.sendGroupCustomMsg({ data: 5 as unknown as string }, undefined, (code, message) => failed.push([code, message]))).rejects.toMatchObject({ code: RoomErrorCode.IM_INVALID_DATA })
    expect(failed.map(([code]) => code)).toEqual([RoomErrorCode.IM_INVALID_RECEIVER, RoomErrorCode.IM_INVALID_DATA])

    tim.receive([incoming({ from: 'bob', to: 'me', conversationType: TYPES.CONV_C2C, text: 'psst' })])
    expect(imEvents.at(-1)).toMatchObject({ tag: 'msg_notify', code: 0 })
    expect(useImStore().unread(room.key, 'C2Cbob')).toBe(1)

    await room.stop()
    await until(() => tim.destroyed)
    expect(tim.listenerCount()).toBe(0)
    expect(useImStore().room(room.key)).toMatchObject({ login: 'logged_out', joinedGroup: null })
  })

  it('enableIM false: every send fails with IM_DISABLED and no tim instance is created', async () => {
    const mock = createTimMock()
    registerIM(createTimImFactory(mock.sdk))
    const room = createRoom({ ...BASE, enableIM: false }, createFakePlatform())
    const codes: number[] = []
    const fail = (code: number) => codes.push(code)
    await Promise.allSettled([
      room.sendC2CTextMsg('bob', 'x', undefined, fail),
      room.sendC2CCustomMsg('bob', { data: 'x' }, undefined, fail),
      room.sendGroupTextMsg('x', undefined, fail),
      room.sendGroupCustomMsg({ data: 'x' }, undefined, fail),
    ])
    expect(codes).toEqual(Array(4).fill(RoomErrorCode.IM_DISABLED))
    expect(mock.created).toHaveLength(0)
    await room.destroy()
  })
})

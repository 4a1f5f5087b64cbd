/**
 * userSig refresh (issue 14 item 8) through the controller's public seams: a rejected signature
 * (mp-weixin -100018, H5 enterRoom extraCode -100018, legacy room-signature 70001, IM login 70001,
 * IM kicked out `userSigExpired`) asks `getUserSig` and re-enters / logs in again, keeping the room's
 * state; every failure path ends in one -90200 and nothing keeps running.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
// The legacy room-signature flow is an opt-in entry: installed here as an app's main.ts would.
import '../../uni_modules/webrtc-room/legacy'
// So is the userSig refresh (its absence: sig-refresh-missing.test.ts).
import '../../uni_modules/webrtc-room/sig-refresh'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { registerIM, unregisterIM } from '../../uni_modules/webrtc-room/core/im-registry'
import { SIG_REFRESH_LIMIT, SIG_REFRESH_TIMEOUT_MS, sigReason } from '../../uni_modules/webrtc-room/core/sig-refresh'
import type { GetUserSig } from '../../uni_modules/webrtc-room/core/types'
import { createTimImFactory } from '../../uni_modules/webrtc-room/im'
import { useImStore } from '../../uni_modules/webrtc-room/stores/im'
import { useRoomStore } from '../../uni_modules/webrtc-room/stores/room'
import { createFakePlatform, flush, until } from '../helpers/fake-platform'
import { OLD_SIG, refresher, started } from '../helpers/sig-room'
import { createTimMock, incoming, TYPES, type FakeTim } from '../helpers/tim-mock'
import { createH5Room, settle, startAndEnter } from '../h5/helpers/h5-room'
import { rtcError } from '../h5/helpers/fake-trtc'

vi.mock('tim-wx-sdk', async () => ({ default: (await import('../helpers/tim-mock')).createTimMock().sdk }))

const E = RoomErrorCode
const OLD = OLD_SIG
const NEW = 'eJwNEWSIGxxREFRESHEDxx-zz_'
const NEW2 = 'eJwNEWSIGxxSECONDxxxxx-yy_'
const list = (users: Array<Record<string, unknown>>) => JSON.stringify({ userlist: users })

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => unregisterIM())

describe('TRTC side (mp-weixin live-pusher -100018)', () => {
  it('asks getUserSig, re-enters with the new sig and keeps the user\'s choices; the sig never shows', async () => {
    const sig = refresher({ userSig: NEW, privateMapKey: 'pmkNEW' })
    const logs: unknown[] = []
    const platform = createFakePlatform()
    platform.log = (...args) => logs.push(args)
    const { room, events, tagged } = await started({ getUserSig: sig.fn, debug: true, roomID: 'team-a' }, platform)
    room.update({ muted: true })
    expect(room.pushURL).toContain(`usersig=${OLD}`)

    room.onPusherStateChange({ code: -100018, message: 'userSig expired' })
    expect(room.status).toBe('reconnecting')
    expect(room.pushURL).toBe('')
    expect(sig.calls).toEqual([{ userID: 'me', sdkAppID: 1400000001, roomID: 'team-a', reason: 'expired', source: 'trtc' }])
    expect(tagged('reconnecting')).toMatchObject([{ code: E.USERSIG_EXPIRED, detail: { reason: 'usersig', nativeCode: -100018 } }])
    await flush()

    expect(room.status).toBe('entering')
    expect(room.pushURL).toContain(`usersig=${NEW}`)
    expect(room.pushURL).toContain('privatemapkey=pmkNEW')
    room.onPusherStateChange({ code: 1018, message: 'entered' })
    expect(room.status).toBe('in_room')
    expect(room.state.self.muted).toBe(true)
    expect(room.state.pusher?.muted).toBe(true)
    expect(tagged('error')).toEqual([])

    // A later live change must not bring the old signature back (update merges the options).
    room.update({ beauty: 3 })
    expect(room.pushURL).toContain(`usersig=${NEW}`)

    const seen = JSON.stringify([events, logs, useRoomStore().rooms[room.key]])
    expect(seen).not.toContain(NEW)
    expect(seen).not.toContain('pmkNEW')
    await room.destroy()
  })

  it('a plain string answer works too; an invalid-sig message asks with reason "invalid"', async () => {
    const sig = refresher(NEW)
    const { room, tagged } = await started({ getUserSig: sig.fn })
    room.onPusherStateChange({ code: -100018, message: 'check sig failed' })
    await flush()
    expect(sig.calls.map((c) => c.reason)).toEqual(['invalid'])
    expect(tagged('reconnecting')[0].code).toBe(E.USERSIG_MALFORMED)
    room.onPusherStateChange({ code: 1018 })
    expect(room.status).toBe('in_room')
    await room.destroy()
  })

  it('during a reconnect the refreshed room comes back and its members are announced again', async () => {
    const sig = refresher(NEW)
    const { room, platform, tagged } = await started({ getUserSig: sig.fn })
    room.onPusherStateChange({ code: 1018 })
    room.onPusherStateChange({ code: 1031, message: list([{ userid: 'alice' }]) })
    room.onPusherStateChange({ code: 1021, message: 'network changed' })
    platform.advance(1000)
    room.onPusherStateChange({ code: -100018, message: 'userSig expired' })
    await flush()
    room.onPusherStateChange({ code: 1018 })
    room.onPusherStateChange({ code: 1031, message: list([{ userid: 'alice' }]) })
    expect(room.members.map((m) => m.userID)).toEqual(['alice'])
    expect(room.status).toBe('in_room')
    expect(sig.calls).toHaveLength(1)
    expect(tagged('error')).toEqual([])
    await room.destroy()
  })
})

describe('failure paths end in one -90200', () => {
  it('no getUserSig: the rejection is reported as before (-90200 expired, -90201 invalid)', async () => {
    for (const [message, code] of [['userSig expired', E.USERSIG_EXPIRED], ['sig check failed', E.USERSIG_MALFORMED]] as const) {
      const { room, tagged } = await started()
      room.onPusherStateChange({ code: -100018, message })
      expect(room.status).toBe('error')
      expect(tagged('error').map((e) => e.code)).toEqual([code])
      expect(tagged('reconnecting')).toEqual([])
      await room.destroy()
    }
  })

  it('a rejecting getUserSig: asked at most SIG_REFRESH_LIMIT times, then -90200 with its message', async () => {
    const sig = refresher(new Error('sign service down'))
    const { room, platform, tagged } = await started({ getUserSig: sig.fn })
    room.onPusherStateChange({ code: -100018, message: 'userSig expired' })
    await flush()
    expect(sig.calls).toHaveLength(SIG_REFRESH_LIMIT)
    expect(room.status).toBe('error')
    expect(tagged('error')).toMatchObject([{ code: E.USERSIG_EXPIRED, detail: { message: expect.stringContaining('sign service down'), refreshes: SIG_REFRESH_LIMIT } }])
    await room.stop()
    expect(platform.liveTimers()).toBe(0)
  })

  it('the same expired sig handed back: never re-entered with, -90200 after the limit', async () => {
    const sig = refresher(OLD)
    const { room, tagged } = await started({ getUserSig: sig.fn })
    const enters: string[] = []
    room.on((e) => e.tag === 'self_update' && e.code === 14 && enters.push(room.pushURL))
    room.onPusherStateChange({ code: -100018, message: 'userSig expired' })
    await flush()
    expect(sig.calls).toHaveLength(SIG_REFRESH_LIMIT)
    expect(enters).toEqual([])
    expect(tagged('error')).toMatchObject([{ code: E.USERSIG_EXPIRED, detail: { message: expect.stringContaining('userSig just refused') } }])
    await room.destroy()
  })

  it('a fresh sig rejected again and again: no loop, -90200 once the limit is reached', async () => {
    const sig = refresher(NEW, NEW2, 'eJwTHIRDxxxxxxxx_')
    const { room, tagged } = await started({ getUserSig: sig.fn })
    for (let i = 0; i < 4; i++) {
      room.onPusherStateChange({ code: -100018, message: 'userSig expired' })
      await flush()
    }
    expect(sig.calls).toHaveLength(SIG_REFRESH_LIMIT)
    expect(tagged('error').map((e) => e.code)).toEqual([E.USERSIG_EXPIRED])
    expect(tagged('error')[0].detail).toMatchObject({ message: expect.stringContaining('refused again') })
    expect(room.status).toBe('error')
    await room.destroy()
  })

  it('garbage answers (no string, spaces, a bad privateMapKey) are failures, never a re-enter', async () => {
    for (const answer of [undefined, 42, { userSig: 'not a sig' }, { token: NEW }, { userSig: NEW, privateMapKey: 7 }]) {
      const sig = refresher(answer)
      const { room, tagged } = await started({ getUserSig: sig.fn })
      room.onPusherStateChange({ code: -100018, message: 'userSig expired' })
      await flush()
      expect(tagged('error').map((e) => e.code)).toEqual([E.USERSIG_EXPIRED])
      await room.destroy()
    }
  })

  it('a getUserSig that never answers times out', async () => {
    const sig = refresher(new Promise(() => {}))
    const { room, platform, tagged } = await started({ getUserSig: sig.fn })
    room.onPusherStateChange({ code: -100018, message: 'userSig expired' })
    platform.advance(SIG_REFRESH_TIMEOUT_MS)
    await flush()
    platform.advance(SIG_REFRESH_TIMEOUT_MS)
    await flush()
    expect(tagged('error')).toMatchObject([{ code: E.USERSIG_EXPIRED, detail: { message: expect.stringContaining('no answer in') } }])
    expect(platform.liveTimers()).toBe(0)
    await room.destroy()
  })

  it('stop() while getUserSig is in flight: its late answer changes nothing, no timer is left', async () => {
    let answer!: (sig: string) => void
    const sig = refresher(new Promise<string>((resolve) => (answer = resolve)))
    const { room, platform, events } = await started({ getUserSig: sig.fn })
    room.onPusherStateChange({ code: -100018, message: 'userSig expired' })
    await room.stop()
    expect(platform.liveTimers()).toBe(0)
    const after = events.length
    answer(NEW)
    await flush()
    expect(events.length).toBe(after)
    expect(room.status).toBe('exited')
    expect(room.pushURL).toBe('')
    // A new start asks again for itself (the stopped request is not reused).
    await room.start()
    platform.advance(0)
    room.onPusherStateChange({ code: -100018, message: 'userSig expired' })
    expect(sig.calls).toHaveLength(2)
    await room.destroy()
  })

  it('a non-function getUserSig is an invalid prop', async () => {
    const { room, tagged } = await started({ getUserSig: 'https://sign' as unknown as GetUserSig })
    expect(tagged('error')).toMatchObject([{ code: E.INVALID_PROP, detail: { prop: 'getUserSig' } }])
    await room.destroy()
  })
})

describe('legacy room signature', () => {
  it('70001 from the room-signature request asks getUserSig and signs again with the new sig', async () => {
    const platform = createFakePlatform()
    platform.respond({ statusCode: 200, data: { ErrorCode: 70001, ErrorInfo: 'sig expired' } }, { statusCode: 200, data: { RspHead: { ErrorCode: 0 }, RspBody: { s: 1 } } })
    const sig = refresher(NEW)
    const { room, tagged } = await started({ getUserSig: sig.fn, enterMode: 'legacy' }, platform)
    await flush()
    platform.advance(0)
    await flush()
    expect(sig.calls.map((c) => c.reason)).toEqual(['expired'])
    expect(platform.requests.map((r) => new URL(r.url).searchParams.get('usersig'))).toEqual([OLD, NEW])
    expect(room.pushURL).toContain('roomsig=')
    expect(tagged('error')).toEqual([])
    await room.destroy()
  })

  it('sigReason: the TLS codes that refuse a userSig, nothing else', () => {
    expect(sigReason(70001)).toBe('expired')
    expect(sigReason(70003)).toBe('invalid')
    expect([undefined, 0, 70020, -100018, '70001'].map(sigReason)).toEqual([undefined, undefined, undefined, undefined, undefined])
  })
})

describe('H5 (trtc-sdk-v5 fake): enterRoom rejected with extraCode -100018', () => {
  it('re-enters with the new userSig', async () => {
    const sig = refresher(NEW)
    const h5 = createH5Room({ getUserSig: sig.fn })
    let first = true
    h5.sdk.prepare = (client) => {
      if (first) client.behaviour.set('enterRoom', rtcError(5400, -100018, 'userSig check failed: userSig expired'))
      first = false
    }
    await startAndEnter(h5)
    await settle(10)
    expect(sig.calls).toMatchObject([{ reason: 'expired', source: 'trtc' }])
    const userSigs = h5.sdk.clients.flatMap((c) => c.callsOf('enterRoom').map(([config]) => (config as { userSig: string }).userSig))
    expect(userSigs).toEqual([OLD_H5, NEW])
    expect(h5.room.status).toBe('in_room')
    expect(h5.tagged('error')).toEqual([])
    await h5.room.destroy()
  })

  it('without getUserSig: -90200 as before', async () => {
    const h5 = createH5Room()
    h5.sdk.prepare = (client) => client.behaviour.set('enterRoom', rtcError(5400, -100018, 'userSig expired'))
    await startAndEnter(h5)
    expect(h5.tagged('error').map((e) => e.code)).toEqual([E.USERSIG_EXPIRED])
    await h5.room.destroy()
  })
})
const OLD_H5 = 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1OKS1VIK8QNQ-'

describe('IM side (tim mock)', () => {
  /** `refuseAll`: every tim instance (a failed login destroys it; the next is new) refuses every login with 70001. */
  function im(refuseAll = false) {
    const mock = createTimMock()
    mock.server.addGroup('1234')
    const create = mock.sdk.create
    mock.sdk.create = (o: { SDKAppID: number }) => {
      const tim = create(o) as FakeTim
      if (refuseAll) {
        const login = tim.login.bind(tim)
        tim.login = (options) => {
          tim.failLogin(70001, 'userSig expired')
          return login(options)
        }
      }
      return tim
    }
    registerIM(createTimImFactory(mock.sdk))
    const tim = () => mock.sdk.create({ SDKAppID: 1400000001 }) as FakeTim
    /** Logins over every instance so far. */
    const logins = () => mock.created.reduce((n, t) => n + t.calls.filter((c) => c.startsWith('login')).length, 0)
    return { mock, tim, logins }
  }

  it('login 70001: asks getUserSig (source im), logs in again; the room is untouched', async () => {
    const { tim } = im()
    tim().failLogin(70001, 'userSig expired')
    const sig = refresher(NEW)
    const { room, imEvents, tagged } = await started({ enableIM: true, getUserSig: sig.fn })
    room.onPusherStateChange({ code: 1018 })
    await until(() => imEvents.some((e) => e.tag === 'join_group_event'))
    expect(sig.calls).toMatchObject([{ reason: 'expired', source: 'im' }])
    expect(imEvents.map((e) => [e.tag, e.code])).toEqual([['login_event', 70001], ['login_event', 0], ['join_group_event', 0]])
    expect(room.status).toBe('in_room')
    expect(tagged('warning')).toEqual([])
    expect(tagged('reconnecting')).toEqual([])
    // The TRTC side uses the refreshed sig from now on (a later reconnect).
    room.onPusherStateChange({ code: 1021 })
    expect(room.pushURL).toBe('')
    await room.destroy()
  })

  it('kicked out userSigExpired: logs in again; members and IM messages are kept', async () => {
    const { tim } = im()
    const sig = refresher(NEW)
    const { room, imEvents, tagged } = await started({ enableIM: true, getUserSig: sig.fn })
    room.onPusherStateChange({ code: 1018 })
    room.onPusherStateChange({ code: 1031, message: list([{ userid: 'alice' }]) })
    await until(() => imEvents.some((e) => e.tag === 'join_group_event'))
    tim().receive([incoming({ from: 'bob', to: '1234', conversationType: TYPES.CONV_GROUP, text: 'hi all' })])
    tim().receive([incoming({ from: 'bob', to: 'me', conversationType: TYPES.CONV_C2C, text: 'psst' })])
    const messagesBefore = JSON.stringify(useImStore().room(room.key)?.conversations)

    tim().kickOut('userSigExpired')
    await until(() => imEvents.filter((e) => e.tag === 'join_group_event').length === 2)
    expect(sig.calls).toMatchObject([{ reason: 'expired', source: 'im' }])
    expect(imEvents.some((e) => e.tag === 'kicked_out')).toBe(true)
    expect(room.members.map((m) => m.userID)).toEqual(['alice'])
    expect(room.status).toBe('in_room')
    expect(JSON.stringify(useImStore().room(room.key)?.conversations)).toBe(messagesBefore)
    expect(useImStore().room(room.key)).toMatchObject({ login: 'logged_in', joinedGroup: '1234' })
    expect(await room.sendGroupTextMsg('back')).toMatchObject({ text: 'back' })
    expect(tagged('warning')).toEqual([])
    expect(JSON.stringify([imEvents, useImStore().room(room.key)])).not.toContain(NEW)
    await room.destroy()
  })

  it('TRTC and IM rejecting together share one getUserSig call', async () => {
    const { tim } = im()
    tim().failLogin(70001, 'userSig expired')
    let answer!: (sig: string) => void
    const sig = refresher(new Promise<string>((resolve) => (answer = resolve)))
    const { room, imEvents } = await started({ enableIM: true, getUserSig: sig.fn })
    await until(() => imEvents.some((e) => e.tag === 'login_event'))
    room.onPusherStateChange({ code: -100018, message: 'userSig expired' })
    expect(sig.calls.map((c) => c.source)).toEqual(['im'])
    answer(NEW)
    await until(() => imEvents.some((e) => e.tag === 'join_group_event'))
    expect(room.pushURL).toContain(`usersig=${NEW}`)
    expect(sig.calls).toHaveLength(1)
    await room.destroy()
  })

  it('no getUserSig: login 70001 and the userSigExpired kick are -90200 (im-event error + room warning)', async () => {
    const { tim, logins } = im()
    tim().failLogin(70001, 'userSig expired')
    const { room, imEvents, tagged } = await started({ enableIM: true })
    await until(() => imEvents.some((e) => e.tag === 'error'))
    expect(imEvents.filter((e) => e.tag === 'error')).toMatchObject([{ code: E.USERSIG_EXPIRED, detail: { message: expect.stringContaining('getUserSig') } }])
    expect(tagged('warning').map((e) => e.code)).toEqual([E.USERSIG_EXPIRED])
    expect(logins()).toBe(1)
    await room.stop()

    await room.start()
    await until(() => imEvents.filter((e) => e.tag === 'join_group_event').length === 1)
    tim().kickOut('userSigExpired')
    await until(() => imEvents.filter((e) => e.tag === 'error').length === 2)
    expect(imEvents.filter((e) => e.tag === 'error').map((e) => e.code)).toEqual([E.USERSIG_EXPIRED, E.USERSIG_EXPIRED])
    await room.destroy()
  })

  it('a refreshed sig the IM login refuses again: bounded, then -90200', async () => {
    const { logins } = im(true)
    const sig = refresher(NEW, NEW2, 'eJwTHIRDxxxxxxxx_')
    const { room, imEvents } = await started({ enableIM: true, getUserSig: sig.fn })
    await until(() => imEvents.some((e) => e.tag === 'error'))
    await flush()
    expect(sig.calls).toHaveLength(SIG_REFRESH_LIMIT)
    expect(logins()).toBe(SIG_REFRESH_LIMIT + 1)
    expect(imEvents.filter((e) => e.tag === 'error').map((e) => e.code)).toEqual([E.USERSIG_EXPIRED])
    await room.destroy()
  })

  it('stop() while the IM refresh is in flight: no login afterwards', async () => {
    const { tim, logins } = im()
    tim().failLogin(70001, 'userSig expired')
    let answer!: (sig: string) => void
    const sig = refresher(new Promise<string>((resolve) => (answer = resolve)))
    const { room, imEvents } = await started({ enableIM: true, getUserSig: sig.fn })
    await until(() => sig.calls.length === 1)
    await room.stop()
    answer(NEW)
    await flush()
    await new Promise((r) => setTimeout(r, 10))
    expect(logins()).toBe(1)
    expect(imEvents.filter((e) => e.tag === 'error')).toEqual([])
    await room.destroy()
  })
})

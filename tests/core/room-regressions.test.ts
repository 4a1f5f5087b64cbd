/**
 * Bugs found while reshaping the plugin (issue 13), each through the controller's public seams:
 * native details in, room events / store / engine calls out.
 */
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { createRoom } from '../../uni_modules/webrtc-room/room-factory'
// The legacy flow is an opt-in entry: these tests drive it, so they install it (as an app's main.ts would).
import '../../uni_modules/webrtc-room/legacy'
import { RoomErrorCode, WebrtcRoomError } from '../../uni_modules/webrtc-room/core/error-codes'
import { RoomStatusCode } from '../../uni_modules/webrtc-room/core/status-codes'
import { registerIM, unregisterIM } from '../../uni_modules/webrtc-room/core/im-registry'
import type { RoomEvent, RoomOptions } from '../../uni_modules/webrtc-room/core/types'
import { useRoomStore } from '../../uni_modules/webrtc-room/stores/room'
import { useMediaCodesStore } from '../../uni_modules/webrtc-room/stores/media-codes'
import { createFakePlatform, flush } from '../helpers/fake-platform'

const SIG = 'eJyrVkrOz0ktUrJSSs7PLcgvSy1SSMsvykvMyVECAHIjCEk_'
const BASE: RoomOptions = { sdkAppID: 1400000001, userID: 'me', userSig: SIG, roomID: 1234, autoplay: true }
const list = (users: Array<Record<string, unknown>>) => JSON.stringify({ userlist: users })
const PROTO_NAMES = ['toString', 'constructor', 'valueOf', '__proto__', 'hasOwnProperty', 'isPrototypeOf']

function fakePusher() {
  const calls: string[] = []
  return { calls, start: () => calls.push('start'), stop: () => calls.push('stop'), pause: () => calls.push('pause'), resume: () => calls.push('resume'), switchCamera: () => calls.push('switchCamera') }
}

async function enter(options: Partial<RoomOptions> = {}, platform = createFakePlatform()) {
  const logs: unknown[] = []
  platform.log = (...args) => logs.push(args)
  const room = createRoom({ ...BASE, ...options }, platform)
  const events: RoomEvent[] = []
  room.on((e) => events.push(e))
  room.attachPusher(fakePusher())
  await room.start()
  platform.advance(0)
  room.onPusherStateChange({ code: 1018, message: 'entered' })
  return { room, platform, events, logs }
}

beforeEach(() => setActivePinia(createPinia()))

describe('userIDs named like Object.prototype members', () => {
  it('join, stream and leave; the other users of the same notification keep their updates', async () => {
    const { room, events } = await enter()
    const ids = [...PROTO_NAMES, 'bob']
    room.onPusherStateChange({ code: 1031, message: list(ids.map((userid) => ({ userid }))) })
    room.onPusherStateChange({ code: 1033, message: list(ids.map((userid) => ({ userid, streamtype: 'main', hasvideo: 1, playurl: `room://x/${userid}` }))) })
    room.onPusherStateChange({ code: 1034, message: list(ids.map((userid) => ({ userid, hasaudio: 1 }))) })

    expect(room.members.map((m) => m.userID)).toEqual(ids)
    for (const member of room.members) expect(member.streams.main).toMatchObject({ key: `${member.userID}_main`, hasVideo: true, hasAudio: true })
    const store = useRoomStore()
    expect(store.members(room.key).map((m) => [m.userID, !!m.streams.main?.hasVideo])).toEqual(ids.map((id) => [id, true]))
    expect(Object.getPrototypeOf(room.state)).toBe(Object.prototype) // the room itself is untouched
    expect(events.filter((e) => e.tag === 'member_join').map((e) => (e.detail as { userID: string }).userID)).toEqual(ids)

    room.onPusherStateChange({ code: 1032, message: list([{ userid: 'toString' }, { userid: '__proto__' }]) })
    expect(room.members.map((m) => m.userID)).toEqual(['constructor', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'bob'])
    expect(store.members(room.key).map((m) => m.userID)).toEqual(['constructor', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'bob'])
    await room.destroy()
  })

  it('1033 / 1034 for an unannounced prototype name is ignored, not a crash of the whole notification', async () => {
    const { room } = await enter()
    room.onPusherStateChange({ code: 1031, message: list([{ userid: 'bob' }]) })
    room.onPusherStateChange({ code: 1033, message: list([{ userid: 'toString', hasvideo: 1 }, { userid: 'bob', hasvideo: 1 }]) })
    expect(room.members.map((m) => [m.userID, m.streams.main?.hasVideo])).toEqual([['bob', true]])
    await room.destroy()
  })
})

describe('1020 member lists', () => {
  it('modern rooms ignore 1020 for membership: a malformed list empties nothing', async () => {
    const { room, events } = await enter()
    room.onPusherStateChange({ code: 1031, message: list([{ userid: 'alice' }, { userid: 'bob' }]) })
    room.onPusherStateChange({ code: 1020, message: '{"userlist":[{"userid":123}]}' })
    room.onPusherStateChange({ code: 1020, message: list([{ userid: 'carol' }]) })
    expect(room.members.map((m) => m.userID)).toEqual(['alice', 'bob'])
    expect(events.some((e) => e.tag === 'member_leave')).toBe(false)
    await room.destroy()
  })

  it('legacy rooms keep the full-list rule but skip malformed entries', async () => {
    const platform = createFakePlatform()
    platform.respond({ statusCode: 200, data: { RspHead: { ErrorCode: 0 }, RspBody: { roomSig: 'abc', ts: 1 } } })
    const { room, events } = await (async () => {
      const room = createRoom({ ...BASE, enterMode: 'legacy' }, platform)
      const events: RoomEvent[] = []
      room.on((e) => events.push(e))
      room.attachPusher(fakePusher())
      await room.start()
      await flush()
      platform.advance(0)
      return { room, events }
    })()
    room.onPusherStateChange({ code: 1020, message: list([{ userid: 'alice' }, { userid: 'bob' }]) })
    expect(room.status).toBe('in_room')
    room.onPusherStateChange({ code: 1020, message: '{"userlist":[{"userid":123}]}' })
    expect(room.members.map((m) => m.userID)).toEqual(['alice', 'bob'])
    room.onPusherStateChange({ code: 1020, message: '{"userlist":[{"userid":"bob"},{"userid":null},{}]}' })
    expect(room.members.map((m) => m.userID)).toEqual(['bob'])
    expect(events.filter((e) => e.tag === 'member_leave').map((e) => (e.detail as { userID: string }).userID)).toEqual(['alice'])
    room.onPusherStateChange({ code: 1020, message: '{"userlist":[]}' })
    expect(room.members).toEqual([])
    await room.destroy()
  })
})

describe('a 1032 of n users costs O(n)', () => {
  // Quadratic before (10k users: ~50 s); linear now. The test times out if it regresses.
  it('20,000 users join, stream and leave in one notification each', { timeout: 20_000 }, async () => {
    const { room } = await enter({ template: 'grid' })
    const players: string[] = []
    const n = 20_000
    const users = Array.from({ length: n }, (_, i) => ({ userid: `u${i}`, streamtype: 'main', hasvideo: 1, playurl: `room://x/u${i}` }))
    room.onPusherStateChange({ code: 1031, message: list(users) })
    room.onPusherStateChange({ code: 1033, message: list(users) })
    for (let i = 0; i < 3; i++) room.attachPlayer(`u${i}_main`, { play: () => players.push(`play u${i}`), stop: () => players.push(`stop u${i}`) })
    expect(room.members).toHaveLength(n)
    room.onPusherStateChange({ code: 1032, message: list(users) })
    expect(room.members).toHaveLength(0)
    expect(useRoomStore().members(room.key)).toHaveLength(0)
    expect(players).toEqual(['stop u0', 'stop u1', 'stop u2'])
    await room.destroy()
  })
})

describe('IM on / off is decided once', () => {
  it('update({ enableIM: true }) without the IM entry reports IM_NOT_INSTALLED once', async () => {
    const { room, events } = await enter()
    room.update({ enableIM: true })
    await flush()
    expect(events.filter((e) => e.code === RoomErrorCode.IM_NOT_INSTALLED)).toHaveLength(1)
    expect(useMediaCodesStore().recent.filter((r) => r.code === RoomErrorCode.IM_NOT_INSTALLED)).toHaveLength(1)
    await room.destroy()
  })
})

describe('one redactor before the store, events and log sinks', () => {
  it('native messages carrying credentials are masked everywhere', async () => {
    const { room, events, logs } = await enter({ debug: true })
    const leak = `{"userSig":"${SIG}","PrivMapEncrypt":"PMK0123456789"} url=room://x?usersig%3D${SIG}%26roomid%3D1 user_sig=${SIG}`
    room.onPusherStateChange({ code: -1308, message: leak })
    room.onPusherError({ errCode: 10003, errMsg: `bgm failed usersig=${SIG}` })
    room.onPusherStateChange({ code: 1019, message: `kicked privateMapKey=PMK0123456789` })
    const everything = JSON.stringify([events, useRoomStore().rooms[room.key], logs, useMediaCodesStore().recent])
    expect(everything).not.toContain(SIG.slice(0, 10))
    expect(everything).not.toContain('PMK0123456789')
    expect(events.some((e) => e.tag === 'warning' && e.code === -1308)).toBe(true)
    await room.destroy()
  })
})

describe('pause() / resume() pause and resume every player too', () => {
  it('mp-weixin: the pusher and every attached live-player context', async () => {
    const { room } = await enter()
    const calls: string[] = []
    const pusher = fakePusher()
    room.attachPusher(pusher)
    room.onPusherStateChange({ code: 1031, message: list([{ userid: 'alice' }, { userid: 'bob' }]) })
    room.onPusherStateChange({ code: 1033, message: list([{ userid: 'alice', hasvideo: 1 }, { userid: 'bob', streamtype: 'aux', hasvideo: 1 }]) })
    for (const key of ['alice_main', 'bob_aux']) {
      room.attachPlayer(key, { play: () => calls.push(`play ${key}`), stop: () => calls.push(`stop ${key}`), pause: () => calls.push(`pause ${key}`), resume: () => calls.push(`resume ${key}`) })
    }
    room.pause()
    expect(pusher.calls).toContain('pause')
    expect(calls).toEqual(['pause alice_main', 'pause bob_aux'])
    // A player mounting while the room is paused stays paused.
    room.attachPlayer('carol_main', { play: () => calls.push('play carol'), stop: () => {}, pause: () => calls.push('pause carol_main'), resume: () => calls.push('resume carol_main') })
    room.resume()
    expect(pusher.calls.slice(-1)).toEqual(['resume'])
    expect(calls).toEqual(['pause alice_main', 'pause bob_aux', 'pause carol_main', 'resume alice_main', 'resume bob_aux', 'resume carol_main'])
    await room.destroy()
  })
})

describe('every code of the tables is emitted where its condition happens', () => {
  it('-90106: WeChat refuses to start live-pusher (not enabled for this mini-program)', async () => {
    setActivePinia(createPinia())
    const platform = createFakePlatform()
    const room = createRoom(BASE, platform)
    const events: RoomEvent[] = []
    room.on((e) => events.push(e))
    room.attachPusher({ ...fakePusher(), start: (cb?: { fail?: (err: unknown) => void }) => cb?.fail?.({ errMsg: 'operateLivePusher:fail:access denied' }) })
    await room.start()
    platform.advance(0)
    expect(room.status).toBe('error')
    expect(events.filter((e) => e.tag === 'error')).toMatchObject([{ code: RoomErrorCode.LIVE_PUSHER_NOT_GRANTED, detail: { message: expect.stringContaining('access denied') } }])
    await room.destroy()
  })

  it('-90200 / -90201: an expired userSig vs a malformed one (-100018), and IM login 70001', async () => {
    for (const [message, code] of [['userSig expired', RoomErrorCode.USERSIG_EXPIRED], ['check sig failed', RoomErrorCode.USERSIG_MALFORMED]] as const) {
      const { room, events } = await enter({}, createFakePlatform())
      room.onPusherStateChange({ code: -100018, message })
      expect(events.filter((e) => e.tag === 'error').map((e) => e.code)).toEqual([code])
      await room.destroy()
    }
    registerIM(() => ({
      on: () => () => {},
      start: () => Promise.reject(new WebrtcRoomError(RoomErrorCode.IM_LOGIN_FAILED, 'IM login failed: userSig expired', { nativeCode: 70001 })),
      stop: () => Promise.resolve(),
      sendC2CTextMsg: () => Promise.resolve(),
      sendC2CCustomMsg: () => Promise.resolve(),
      sendGroupTextMsg: () => Promise.resolve(),
      sendGroupCustomMsg: () => Promise.resolve(),
    }))
    try {
      const { room, events } = await enter({ enableIM: true })
      await flush()
      expect(events.filter((e) => e.tag === 'warning').map((e) => e.code)).toEqual([RoomErrorCode.USERSIG_EXPIRED])
      await room.destroy()
    } finally {
      unregisterIM()
    }
  })

  it('status codes 14 / 10 / 15 for the pusher, 16 / 17 for players', async () => {
    const { room, events } = await enter()
    room.onPusherStateChange({ code: 1002 })
    room.onPusherStateChange({ code: 1007 })
    room.onPusherStateChange({ code: 1102 })
    room.onPusherStateChange({ code: 1002 })
    expect(events.filter((e) => e.tag === 'self_update').map((e) => e.code)).toEqual([
      RoomStatusCode.PUSHER_LOADING, RoomStatusCode.PUSH_OK, RoomStatusCode.PUSHER_PLAYING, RoomStatusCode.PUSHER_LOADING, RoomStatusCode.PUSH_OK,
    ])
    room.onPusherStateChange({ code: 1031, message: list([{ userid: 'alice' }]) })
    room.onPusherStateChange({ code: 1033, message: list([{ userid: 'alice', hasvideo: 1 }]) })
    for (const code of [2007, 2003, 2004, 2007, 2007, 2004]) room.onPlayerStateChange('alice', { code })
    const updates = events.filter((e) => e.tag === 'member_update' && e.code !== RoomStatusCode.MEMBER_LIST)
    expect(updates.map((e) => [e.code, (e.detail as { reason: string }).reason])).toEqual([
      [RoomStatusCode.PLAYER_PLAYING, 'player_playing'],
      [RoomStatusCode.PLAYER_LOADING, 'player_loading'],
      [RoomStatusCode.PLAYER_PLAYING, 'player_playing'],
    ])
    await room.destroy()
  })
})

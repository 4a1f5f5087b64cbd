import { describe, expect, it } from 'vitest'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { RoomStatusCode } from '../../uni_modules/webrtc-room/core/status-codes'
import { DEFAULT_RECONNECT } from '../../uni_modules/webrtc-room/core/options'
import type { RoomAction } from '../../uni_modules/webrtc-room/core/actions'
import { isEngineAction, reduce } from '../../uni_modules/webrtc-room/core/reducer'
// Legacy rooms (their 1020 full list) are the opt-in `legacy` entry's: install it as main.ts would.
import '../../uni_modules/webrtc-room/legacy'
import { streamKey } from '../../uni_modules/webrtc-room/core/room-state'
import { createCoreState } from '../../uni_modules/webrtc-room/core/room-state'
import { ROOM_SIG_RETRY_DELAY_MS } from '../../uni_modules/webrtc-room/core/reduce-legacy'
import { buildLegacyPushURL } from '../../uni_modules/webrtc-room/core/room-signature'
import type { ErrorDetail } from '../../uni_modules/webrtc-room/core/types'
import { BASE_OPTIONS, deepFreeze, Driver, LEGACY_URL, list, SIG } from './driver'

const joined = (...ids: string[]) => list(ids.map((userid) => ({ userid })))
const video = (userid: string, hasvideo: number, streamtype = 'main', playurl = `room://play/${userid}_${streamtype}`) =>
  list([{ userid, streamtype, hasvideo, playurl }])
const audio = (userid: string, hasaudio: number, playurl = `room://play/${userid}_main`) => list([{ userid, hasaudio, playurl }])

function errorDetail(d: Driver): ErrorDetail {
  return d.state.room.lastError!.detail
}

describe('start and the enter flow', () => {
  it('start validates, opens a session and asks for preflight (IM started only when enabled)', () => {
    const d = new Driver()
    const effects = d.start()
    expect(d.status).toBe('preflight')
    expect(effects).toEqual([{ type: 'preflight', epoch: 1 }])
    expect(d.state.room.capacity).toBe(3)
    const im = new Driver({ enableIM: true })
    expect(im.start().map((e) => e.type)).toEqual(['preflight', 'im_start'])
  })

  it('start twice = a warning, no second session', () => {
    const d = new Driver()
    d.start()
    const effects = d.start()
    expect(Driver.emitted(effects)).toMatchObject([{ tag: 'warning', code: RoomErrorCode.INVALID_STATE, detail: { method: 'start' } }])
    expect(effects.filter((e) => e.type !== 'emit')).toEqual([])
    expect(d.state.epoch).toBe(1)
  })

  it('clamping warnings are emitted at start', () => {
    const d = new Driver({ beauty: 20 })
    d.start()
    expect(d.eventsOf('warning')).toMatchObject([{ code: RoomErrorCode.PROP_CLAMPED, detail: { prop: 'beauty' } }])
    expect(d.state.room.pusher?.beauty).toBe(9)
  })

  it('modern: makes 0 requests before the URL exists; the URL comes with the enter effect', () => {
    const d = new Driver()
    const all = [...d.start(), ...d.preflight()]
    expect(all.some((e) => e.type === 'request_room_sig')).toBe(false)
    expect(all.map((e) => e.type)).toEqual(['preflight', 'enter', 'emit', 'set_timer'])
    expect(d.status).toBe('entering')
    expect(d.state.pushURL).toBe(`room://cloud.tencent.com/rtc?sdkappid=1400000001&roomid=1234&userid=me&usersig=${SIG}&appscene=videocall&encsmall=0&cloudenv=PRO`)
    expect(d.state.room.self.pushURL).not.toContain(SIG)
    expect(d.state.room.self.pushURL).toContain('usersig=')
    expect(d.state.room.enterMode).toBe('modern')
    expect(d.timers.get('enter_timeout')).toEqual({ ms: 20000, epoch: 1 })
  })

  it('1018 → in_room with the original code 11; the enter timeout is cleared', () => {
    const d = new Driver()
    d.start()
    d.preflight()
    const effects = d.pusher(1018)
    expect(d.status).toBe('in_room')
    expect(effects).toContainEqual({ type: 'clear_timer', name: 'enter_timeout' })
    expect(d.eventsOf('enter_room')).toMatchObject([{ code: RoomStatusCode.JOINED, detail: { nativeCode: 1018, roomID: '1234', mode: 'modern' } }])
    expect(d.eventsOf('push_state').map((e) => e.code)).toEqual([1018])
  })

  it('no enter timer when enterTimeout is 0', () => {
    const d = new Driver({ enterTimeout: 0 })
    d.start()
    expect(d.preflight().some((e) => e.type === 'set_timer')).toBe(false)
  })

  it('enter timeout without 1018 → error -90203', () => {
    const d = new Driver()
    d.start()
    d.preflight()
    d.fire('enter_timeout')
    expect(d.status).toBe('error')
    expect(d.state.room.lastError).toMatchObject({ code: RoomErrorCode.ENTER_TIMEOUT, detail: { timeoutMs: 20000 } })
  })

  it('a fatal error keeps the camera preview (leave keepPreview); stop() releases it once; start() takes it over', () => {
    const d = new Driver()
    d.start()
    d.preflight()
    expect(d.fire('enter_timeout')).toContainEqual({ type: 'leave', keepPreview: true })
    expect(d.dispatch({ type: 'stop' })).toEqual([{ type: 'leave' }])
    expect(d.dispatch({ type: 'stop' })).toEqual([])
    expect(d.status).toBe('error')
    // Kept again, then start: no extra leave; the engine's enter takes the camera over.
    d.start()
    d.preflight()
    d.fire('enter_timeout')
    expect(d.start().some((e) => e.type === 'leave')).toBe(false)
    expect(d.dispatch({ type: 'stop' }).filter((e) => e.type === 'leave')).toEqual([{ type: 'leave' }])
    // Camera off: nothing to preview.
    const audioOnly = new Driver({ enableCamera: false })
    audioOnly.start()
    audioOnly.preflight()
    expect(audioOnly.fire('enter_timeout')).toContainEqual({ type: 'leave' })
    expect(audioOnly.dispatch({ type: 'stop' })).toEqual([])
  })

  it('a failed preflight is one error with its code and detail, and leaves nothing running', () => {
    const d = new Driver()
    d.start()
    const effects = d.preflight({ ok: false, code: RoomErrorCode.DEVTOOLS_SIMULATOR, message: 'simulator', detail: { platform: 'devtools' } })
    expect(d.status).toBe('error')
    expect(Driver.emitted(effects)).toEqual([{ tag: 'error', code: RoomErrorCode.DEVTOOLS_SIMULATOR, detail: { platform: 'devtools', message: 'simulator' } }])
    expect(effects.some((e) => e.type === 'enter')).toBe(false)
  })

  it('a preflight answer for an older epoch, or outside preflight, is ignored', () => {
    const d = new Driver()
    d.start()
    expect(d.preflight(undefined, 0)).toEqual([])
    expect(d.status).toBe('preflight')
    d.preflight()
    expect(d.preflight()).toEqual([])
    expect(d.status).toBe('entering')
  })
})

describe('legacy enter flow (room signature)', () => {
  it('requests the room signature, then enters with the legacy URL', () => {
    const d = new Driver({ privateMapKey: 'eJyPMK', pureAudioPushMod: 1 })
    d.start()
    expect(d.preflight({ ok: true, mode: 'legacy', system: null })).toEqual([{ type: 'request_room_sig', epoch: 1 }])
    expect(d.state.pushURL).toBe('')
    const signed = buildLegacyPushURL(d.state.options!, '{"k":"v"}')
    const effects = d.dispatch({ type: 'room_sig_done', epoch: 1, ok: true, pushURL: signed })
    expect(effects.map((e) => e.type)).toEqual(['enter', 'emit', 'set_timer'])
    expect(d.state.pushURL).toBe(signed)
    expect(signed).toBe(
      `room://cloud.tencent.com?sdkappid=1400000001&roomid=1234&userid=me&roomsig=${encodeURIComponent('{"k":"v"}')}&bizbuf=${encodeURIComponent('{"Str_uc_params":{"pure_audio_push_mod":1}}')}`,
    )
    expect(d.state.room.self.pushURL).not.toContain(encodeURIComponent('{"k":"v"}'))
  })

  it('legacy rooms send no 1018: 1002 (or the 1020 list) means entered', () => {
    const a = new Driver()
    a.start()
    a.preflight({ ok: true, mode: 'legacy', system: null })
    a.dispatch({ type: 'room_sig_done', epoch: 1, ok: true, pushURL: LEGACY_URL })
    a.pusher(1002)
    expect(a.status).toBe('in_room')
    expect(a.eventsOf('enter_room')).toMatchObject([{ detail: { nativeCode: 1002, mode: 'legacy' } }])

    const b = new Driver()
    b.start()
    b.preflight({ ok: true, mode: 'legacy', system: null })
    b.dispatch({ type: 'room_sig_done', epoch: 1, ok: true, pushURL: LEGACY_URL })
    b.pusher(1020, list([{ userid: 'u1', playurl: 'room://u1' }]))
    expect(b.status).toBe('in_room')
    expect(b.memberIDs).toEqual(['u1'])
  })

  it('1002 does not count as entered in modern rooms', () => {
    const d = new Driver()
    d.start()
    d.preflight()
    d.pusher(1002)
    expect(d.status).toBe('entering')
  })

  it('retries once after 1 s like the original, then reports -9', () => {
    const d = new Driver()
    d.start()
    d.preflight({ ok: true, mode: 'legacy', system: null })
    const first = d.dispatch({ type: 'room_sig_done', epoch: 1, ok: false, message: 'HTTP 500' })
    expect(first).toEqual([{ type: 'set_timer', name: 'room_sig_retry', ms: ROOM_SIG_RETRY_DELAY_MS, epoch: 1 }])
    expect(d.fire('room_sig_retry')).toEqual([{ type: 'request_room_sig', epoch: 1 }])
    d.dispatch({ type: 'room_sig_done', epoch: 1, ok: false, message: 'sig expired', errorCode: 70001 })
    expect(d.status).toBe('error')
    expect(d.state.room.lastError).toMatchObject({ code: RoomErrorCode.ROOM_SIG_FAILED, detail: { message: 'sig expired', errorCode: 70001, attempts: 2 } })
  })

  it('native events while the signature is pending belong to the previous pusher: ignored (found by fuzz.test.ts)', () => {
    const d = new Driver().enter()
    d.dispatch({ type: 'update', options: { roomID: 5678 } })
    d.preflight({ ok: true, mode: 'legacy', system: null })
    expect(d.pusher(1020, list([{ userid: 'x', playurl: 'room://x' }]))).toEqual([])
    expect(d.pusher(1002)).toEqual([])
    expect(d.status).toBe('entering')
    expect(d.memberIDs).toEqual([])
  })

  it('an old client (auto → legacy) cannot enter a string room: one clear error naming what to upgrade', () => {
    const d = new Driver({ roomID: 'class-7B' })
    d.start()
    const system = { platform: 'android', version: '8.0.0', SDKVersion: '2.9.0' }
    const effects = d.preflight({ ok: true, mode: 'legacy', system })
    expect(effects.some((e) => e.type === 'request_room_sig' || e.type === 'enter')).toBe(false)
    expect(d.status).toBe('error')
    expect(d.state.room.lastError).toMatchObject({ code: RoomErrorCode.BASE_LIBRARY_TOO_OLD, detail: { roomID: 'class-7B', SDKVersion: '2.9.0' } })
    expect(errorDetail(d).message).toMatch(/^string room ids needs base library/)
    const wechat = new Driver({ roomID: 'class-7B' })
    wechat.start()
    wechat.preflight({ ok: true, mode: 'legacy', system: { platform: 'ios', version: '7.0.8', SDKVersion: '2.10.0' } })
    expect(wechat.state.room.lastError?.code).toBe(RoomErrorCode.WECHAT_TOO_OLD)
  })

  it('a late signature for a stopped session is ignored', () => {
    const d = new Driver()
    d.start()
    d.preflight({ ok: true, mode: 'legacy', system: null })
    d.dispatch({ type: 'stop' })
    d.start()
    expect(d.dispatch({ type: 'room_sig_done', epoch: 1, ok: true, pushURL: LEGACY_URL })).toEqual([])
    expect(d.state.pushURL).toBe('')
    expect(d.status).toBe('preflight')
  })
})

describe('members: legacy 1020 full list', () => {
  it('members become exactly the list (self excluded, first entry per user wins)', () => {
    const d = new Driver().enter('legacy')
    d.pusher(1020, list([{ userid: 'u1', playurl: 'room://u1' }, { userid: 'me', playurl: 'room://me' }, { userid: 'u2', playurl: 'room://u2' }, { userid: 'u1', playurl: 'room://dup' }]))
    expect(d.memberIDs).toEqual(['u1', 'u2'])
    expect(d.streamsOf('u1').main).toMatchObject({ key: 'u1_main', playURL: 'room://u1', hasVideo: true, hasAudio: true, loading: true, playing: false })
    expect(d.eventsOf('member_join')).toMatchObject([
      { code: RoomStatusCode.MEMBER_LIST, detail: { userID: 'u1' } },
      { code: RoomStatusCode.MEMBER_LIST, detail: { userID: 'u2' } },
    ])

    const effects = d.pusher(1020, list([{ userid: 'u2', playurl: 'room://u2' }, { userid: 'u3', playurl: 'room://u3' }]))
    expect(d.memberIDs).toEqual(['u2', 'u3'])
    expect(effects).toContainEqual({ type: 'player', stream: expect.objectContaining({ key: 'u1_main' }), call: 'stop' })
    expect(d.eventsOf('member_leave')).toMatchObject([{ detail: { userID: 'u1', reason: 'left' } }])

    d.pusher(1020, list([]))
    expect(d.memberIDs).toEqual([])
    expect(d.state.room.members).toEqual({})
  })

  it('an unchanged list emits nothing but the raw state', () => {
    const d = new Driver().enter('legacy')
    const message = list([{ userid: 'u1', playurl: 'room://u1' }])
    d.pusher(1020, message)
    const effects = d.pusher(1020, message)
    expect(Driver.emitted(effects).map((e) => e.tag)).toEqual(['push_state'])
  })
})

describe('members: 1031–1034 incremental', () => {
  it('1031 adds a member without streams; repeated 1031 never duplicates; own userID is never a member', () => {
    const d = new Driver().enter()
    d.pusher(1031, joined('a', 'b', 'a', 'me'))
    d.pusher(1031, joined('a'))
    expect(d.memberIDs).toEqual(['a', 'b'])
    expect(d.state.room.members.a).toEqual({ userID: 'a', joinedAt: expect.any(Number), streams: {}, muteAudio: false, muteVideo: false, streamPref: 'auto', volume: 0, speaking: false, quality: 0 })
    expect(d.eventsOf('member_join').map((e) => (e.detail as { userID: string }).userID)).toEqual(['a', 'b'])
  })

  it('1033 / 1034 build the streams keyed userID_streamType', () => {
    const d = new Driver().enter()
    d.pusher(1031, joined('a'))
    d.pusher(1033, video('a', 1))
    d.pusher(1034, audio('a', 1))
    d.pusher(1033, video('a', 1, 'aux'))
    const streams = d.streamsOf('a')
    expect(streams.main).toMatchObject({ key: 'a_main', hasVideo: true, hasAudio: true, playURL: 'room://play/a_main' })
    expect(streams.aux).toMatchObject({ key: 'a_aux', hasVideo: true, hasAudio: false, playURL: 'room://play/a_aux' })
    expect(streamKey('a', 'aux')).toBe('a_aux')
    const updates = d.eventsOf('member_update')
    expect(updates).toHaveLength(3)
    expect(updates[2]).toMatchObject({ code: RoomStatusCode.MEMBER_LIST, detail: { userID: 'a', hasVideo: true, hasAudio: true } })
  })

  it('video off keeps an audio stream; a stream with neither is dropped and its player stopped', () => {
    const d = new Driver().enter()
    d.pusher(1031, joined('a'))
    d.pusher(1033, video('a', 1))
    d.pusher(1034, audio('a', 1))
    d.pusher(1033, video('a', 0))
    expect(d.streamsOf('a').main).toMatchObject({ hasVideo: false, hasAudio: true })
    const effects = d.pusher(1034, audio('a', 0))
    expect(d.streamsOf('a').main).toBeUndefined()
    expect(effects).toContainEqual({ type: 'player', stream: expect.objectContaining({ key: 'a_main' }), call: 'stop' })
    expect(d.memberIDs).toEqual(['a'])
  })

  it('an off-notification for a stream that does not exist changes nothing', () => {
    const d = new Driver().enter()
    d.pusher(1031, joined('a'))
    const effects = d.pusher(1033, video('a', 0, 'aux'))
    expect(Driver.emitted(effects).map((e) => e.tag)).toEqual(['push_state'])
    expect(d.streamsOf('a')).toEqual({})
  })

  it('a repeated notification is not an update; a new play URL is', () => {
    const d = new Driver().enter()
    d.pusher(1031, joined('a'))
    d.pusher(1033, video('a', 1))
    expect(Driver.emitted(d.pusher(1033, video('a', 1))).map((e) => e.tag)).toEqual(['push_state'])
    d.pusher(1033, video('a', 1, 'main', 'room://new'))
    expect(d.streamsOf('a').main?.playURL).toBe('room://new')
    // an absent play URL keeps the known one
    d.pusher(1034, list([{ userid: 'a', hasaudio: 1 }]))
    expect(d.streamsOf('a').main?.playURL).toBe('room://new')
  })

  it('1033 / 1034 for a user not announced by 1031 are ignored (as trtc-wx-sdk does)', () => {
    const d = new Driver().enter()
    d.pusher(1033, video('ghost', 1))
    d.pusher(1034, audio('ghost', 1))
    expect(d.memberIDs).toEqual([])
    expect(d.eventsOf('member_update')).toEqual([])
  })

  it('1032 removes the member and stops its players; a late 1033 never resurrects it', () => {
    const d = new Driver().enter()
    d.pusher(1031, joined('a', 'b'))
    d.pusher(1033, video('a', 1))
    d.pusher(1033, video('a', 1, 'aux'))
    const effects = d.pusher(1032, joined('a', 'nobody'))
    expect(effects).toContainEqual({ type: 'player', stream: expect.objectContaining({ key: 'a_main' }), call: 'stop' })
    expect(effects).toContainEqual({ type: 'player', stream: expect.objectContaining({ key: 'a_aux' }), call: 'stop' })
    expect(d.memberIDs).toEqual(['b'])
    expect(d.eventsOf('member_leave')).toMatchObject([{ code: RoomStatusCode.MEMBER_LIST, detail: { userID: 'a', reason: 'left' } }])
    d.pusher(1033, video('a', 1))
    d.pusher(1034, audio('a', 1))
    expect(d.state.room.members.a).toBeUndefined()
    expect(d.memberIDs).toEqual(['b'])
  })

  it('autoplay sets new streams playing; otherwise the app plays them', () => {
    const auto = new Driver({ autoplay: true }).enter()
    auto.pusher(1031, joined('a'))
    auto.pusher(1033, video('a', 1))
    expect(auto.streamsOf('a').main?.playing).toBe(true)

    const manual = new Driver().enter()
    manual.pusher(1031, joined('a'))
    manual.pusher(1033, video('a', 1))
    manual.pusher(1033, video('a', 1, 'aux'))
    expect(manual.streamsOf('a').main?.playing).toBe(false)
    const effects = manual.dispatch({ type: 'play_member', userID: 'a', play: true })
    expect(effects).toEqual([
      { type: 'player', stream: expect.objectContaining({ key: 'a_main' }), call: 'play' },
      { type: 'player', stream: expect.objectContaining({ key: 'a_aux' }), call: 'play' },
    ])
    expect(manual.streamsOf('a').main?.playing).toBe(true)
    manual.dispatch({ type: 'play_member', userID: 'a', play: false })
    expect(manual.streamsOf('a').aux).toMatchObject({ playing: false, loading: true })
    expect(Driver.emitted(manual.dispatch({ type: 'play_member', userID: 'zed', play: true }))).toMatchObject([
      { tag: 'warning', code: RoomErrorCode.INVALID_STATE, detail: { userID: 'zed' } },
    ])
  })
})

describe('players: 2003 / 2004 / 2007 / -2301', () => {
  function withStream() {
    const d = new Driver().enter()
    d.pusher(1031, joined('a'))
    d.pusher(1033, video('a', 1))
    return d
  }

  it('loading until the first frame (2003) or playback (2004); 2007 loading again', () => {
    const d = withStream()
    expect(d.streamsOf('a').main?.loading).toBe(true)
    d.player('a', 2004)
    expect(d.streamsOf('a').main?.loading).toBe(false)
    d.player('a', 2007)
    expect(d.streamsOf('a').main?.loading).toBe(true)
    d.player('a', 2003)
    expect(d.streamsOf('a').main?.loading).toBe(false)
    expect(d.eventsOf('play_state').map((e) => e.code)).toEqual([2004, 2007, 2003])
    expect(d.eventsOf('play_state')[0].detail).toMatchObject({ userID: 'a', streamType: 'main' })
  })

  it('-2301 removes that stream (code 18), keeps the member; its next 1033 brings it back', () => {
    const d = withStream()
    const effects = d.player('a', -2301)
    expect(effects).toContainEqual({ type: 'player', stream: expect.objectContaining({ key: 'a_main' }), call: 'stop' })
    expect(d.streamsOf('a').main).toBeUndefined()
    expect(d.memberIDs).toEqual(['a'])
    expect(d.eventsOf('member_update').at(-1)).toMatchObject({
      code: RoomStatusCode.PLAYER_DISCONNECTED,
      detail: { userID: 'a', reason: 'player_disconnected', nativeCode: -2301 },
    })
    d.pusher(1033, video('a', 1))
    expect(d.streamsOf('a').main?.hasVideo).toBe(true)
  })

  it('player events for unknown members or streams change no member', () => {
    const d = withStream()
    const before = d.state.room.members
    d.player('zed', 2004)
    d.player('a', 2004, 'aux')
    d.player('a', -2301, 'aux')
    expect(d.state.room.members).toBe(before)
  })

  it('player net status is kept on the stream and emitted (not logged)', () => {
    const d = withStream()
    const logged = d.state.room.events.length
    d.dispatch({ type: 'player_net', userID: 'a', streamType: 'main', info: { videoBitrate: 300 } })
    expect(d.streamsOf('a').main?.net).toEqual({ videoBitrate: 300 })
    expect(d.eventsOf('net_status')).toMatchObject([{ code: 0, detail: { userID: 'a', info: { videoBitrate: 300 } } }])
    d.dispatch({ type: 'pusher_net', info: { netSpeed: 9 } })
    expect(d.state.room.self.net).toEqual({ netSpeed: 9 })
    expect(d.state.room.events.length).toBe(logged)
  })

  it('a negative player code is a warning naming the member', () => {
    const d = withStream()
    d.player('a', -2302)
    expect(d.eventsOf('warning')).toMatchObject([{ code: -2302, detail: { nativeCode: -2302 } }])
    expect(d.status).toBe('in_room')
  })
})

describe('fatal device / permission errors keep the original codes, native code in detail', () => {
  it.each([
    [-1301, RoomErrorCode.CAMERA_OPEN_FAILED],
    [-1302, RoomErrorCode.MIC_OPEN_FAILED],
  ])('%d → error %d, leave, members cleared', (nativeCode, code) => {
    const d = new Driver({ enableIM: true }).enter()
    d.pusher(1031, joined('a'))
    d.pusher(1033, video('a', 1))
    const effects = d.pusher(nativeCode, 'failed')
    expect(d.status).toBe('error')
    expect(d.state.room.lastError).toMatchObject({ tag: 'error', code, detail: { nativeCode, message: 'failed', membersCleared: 1 } })
    expect(effects.map((e) => e.type)).toEqual(expect.arrayContaining(['leave', 'im_stop', 'player']))
    expect(d.memberIDs).toEqual([])
    expect(d.state.pushURL).toBe('')
  })

  it.each([10001, 10002])('binderror %d → error -7', (errCode) => {
    const d = new Driver().enter()
    d.pusherError({ errCode, errMsg: 'denied' })
    expect(d.status).toBe('error')
    expect(d.state.room.lastError).toMatchObject({ code: RoomErrorCode.MEDIA_PERMISSION, detail: { nativeCode: errCode, message: 'denied' } })
  })

  it('binderror 10003 / 10004 are warnings; the room stays', () => {
    const d = new Driver().enter()
    d.pusherError({ errCode: 10004, errMsg: 'waiting image' })
    expect(d.status).toBe('in_room')
    expect(d.eventsOf('warning')).toMatchObject([{ code: 10004, detail: { nativeCode: 10004 } }])
  })

  it.each([
    [-3301, RoomErrorCode.JOIN_ROOM_FAILED],
    [1022, RoomErrorCode.JOIN_ROOM_FAILED],
    [-100018, RoomErrorCode.USERSIG_MALFORMED],
  ])('enter failure %d → error %d', (nativeCode, code) => {
    const d = new Driver()
    d.start()
    d.preflight()
    d.pusher(nativeCode, 'nope')
    expect(d.status).toBe('error')
    expect(d.state.room.lastError).toMatchObject({ code, detail: { nativeCode } })
    expect(d.timers.size).toBe(0)
  })

  it('an error message falls back to the code table when the native one is empty', () => {
    const d = new Driver().enter()
    d.pusher(-1301, '')
    expect(errorDetail(d).message.length).toBeGreaterThan(3)
  })
})

describe('1019 / 5000 / 5001', () => {
  it('1019 with reason[0] = normal exit (code 19), members cleared', () => {
    const d = new Driver().enter()
    d.pusher(1031, joined('a'))
    d.pusher(1019, 'exit reason[0]')
    expect(d.status).toBe('exited')
    expect(d.eventsOf('exit_room')).toMatchObject([{ code: RoomStatusCode.LEFT, detail: { nativeCode: 1019, reason: 'server', membersCleared: 1 } }])
    expect(d.memberIDs).toEqual([])
  })

  it('1019 without reason[0] (kicked) or while entering → error -10', () => {
    const kicked = new Driver().enter()
    kicked.pusher(1019, 'reason[2]')
    expect(kicked.state.room.lastError).toMatchObject({ code: RoomErrorCode.JOIN_ROOM_FAILED, detail: { nativeCode: 1019, kicked: true } })
    const entering = new Driver()
    entering.start()
    entering.preflight()
    entering.pusher(1019, 'reason[0]')
    expect(entering.status).toBe('error')
    expect(entering.state.room.lastError).toMatchObject({ code: RoomErrorCode.JOIN_ROOM_FAILED, detail: { kicked: false } })
  })

  it.each([5000, 5001])('%d → leave the room (exit_room, reason suspended)', (code) => {
    const d = new Driver().enter()
    const effects = d.pusher(code)
    expect(d.status).toBe('exited')
    expect(effects.map((e) => e.type)).toContain('leave')
    expect(d.eventsOf('exit_room')).toMatchObject([{ code: RoomStatusCode.LEFT, detail: { nativeCode: code, reason: 'suspended' } }])
  })
})

describe('reconnect with bounded exponential backoff on -1307 / 1021', () => {
  it.each([-1307, 1021])('%d: re-enter after 1, 2, 4, 8, 16 s, then give up with -6', (nativeCode) => {
    const d = new Driver({ enableIM: true }).enter()
    d.pusher(1031, joined('a'))
    const delays: number[] = []
    for (let attempt = 1; attempt <= DEFAULT_RECONNECT.maxAttempts; attempt++) {
      const effects = d.pusher(nativeCode, 'lost')
      expect(d.status).toBe('reconnecting')
      expect(effects).toContainEqual({ type: 'leave' })
      expect(effects.some((e) => e.type === 'im_stop')).toBe(false) // IM survives a re-enter
      const reconnecting = Driver.emitted(effects).find((e) => e.tag === 'reconnecting')!
      expect(reconnecting).toMatchObject({ code: RoomStatusCode.NETWORK_CHANGE, detail: { nativeCode, attempt } })
      delays.push(d.timers.get('reconnect')!.ms)
      expect(d.memberIDs).toEqual([])
      // the reconnect timer re-enters with a fresh URL; the new attempt fails again
      expect(d.fire('reconnect').map((e) => e.type)).toEqual(['enter', 'emit', 'set_timer'])
      expect(d.status).toBe('entering')
      expect(d.state.pushURL).not.toBe('')
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000])
    d.pusher(nativeCode, 'lost')
    expect(d.status).toBe('error')
    expect(d.state.room.lastError).toMatchObject({
      code: RoomErrorCode.PUSH_DISCONNECTED,
      detail: { nativeCode, attempts: DEFAULT_RECONNECT.maxAttempts, gaveUp: true },
    })
    expect(d.eventsOf('error')).toHaveLength(1)
    expect(d.timers.size).toBe(0)
  })

  it('a successful re-enter emits recovered and resets the budget', () => {
    const d = new Driver({ reconnect: { maxAttempts: 2 } }).enter()
    d.pusher(-1307)
    d.fire('reconnect')
    d.pusher(1018)
    expect(d.status).toBe('in_room')
    expect(d.eventsOf('recovered')).toMatchObject([{ code: RoomStatusCode.JOINED, detail: { attempts: 1 } }])
    expect(d.state.reconnectAttempts).toBe(0)
    d.pusher(-1307)
    expect(d.timers.get('reconnect')?.ms).toBe(1000)
  })

  it('the delay is capped at maxDelayMs', () => {
    const d = new Driver({ reconnect: { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 1500 } }).enter()
    const delays: number[] = []
    for (let i = 0; i < 4; i++) {
      d.pusher(-1307)
      delays.push(d.timers.get('reconnect')!.ms)
      d.fire('reconnect')
    }
    expect(delays).toEqual([500, 1000, 1500, 1500])
  })

  it('maxAttempts 0 gives up at once, like the original did on -1307', () => {
    const d = new Driver({ reconnect: { maxAttempts: 0 } }).enter()
    d.pusher(-1307)
    expect(d.status).toBe('error')
    expect(d.state.room.lastError?.code).toBe(RoomErrorCode.PUSH_DISCONNECTED)
  })

  it('an enter timeout during a re-enter counts as another lost connection', () => {
    const d = new Driver().enter()
    d.pusher(-1307)
    d.fire('reconnect')
    d.fire('enter_timeout')
    expect(d.status).toBe('reconnecting')
    expect(d.state.reconnectAttempts).toBe(2)
  })

  it('native events while reconnecting (pusher down) are stale and ignored', () => {
    const d = new Driver().enter()
    d.pusher(-1307)
    expect(d.pusher(1031, joined('a'))).toEqual([])
    expect(d.pusher(1018)).toEqual([])
    expect(d.status).toBe('reconnecting')
  })

  it('stop during the backoff clears the timer; the late timer is ignored', () => {
    const d = new Driver().enter()
    d.pusher(-1307)
    const pending = d.timers.get('reconnect')!
    const effects = d.dispatch({ type: 'stop' })
    expect(effects).toContainEqual({ type: 'clear_timer' }) // every timer
    expect(d.dispatch({ type: 'timer', name: 'reconnect', epoch: pending.epoch })).toEqual([])
    expect(d.status).toBe('exited')
  })
})

describe('stop is idempotent; stale sessions are ignored', () => {
  it('stop leaves, clears everything, emits exit_room once', () => {
    const d = new Driver({ enableIM: true }).enter()
    d.pusher(1031, joined('a'))
    d.pusher(1033, video('a', 1))
    const effects = d.dispatch({ type: 'stop' })
    expect(effects).toEqual([
      { type: 'clear_timer' },
      { type: 'leave' },
      { type: 'im_stop' },
      { type: 'player', stream: expect.objectContaining({ key: 'a_main' }), call: 'stop' },
      { type: 'emit', event: { tag: 'exit_room', code: RoomStatusCode.LEFT, detail: { reason: 'stop', membersCleared: 1 } } },
    ])
    expect(d.status).toBe('exited')
    expect(d.state.pushURL).toBe('')
    expect(d.state.room.self.pushURL).toBe('')
    expect(d.timers.size).toBe(0)
    expect(d.dispatch({ type: 'stop' })).toEqual([])
    expect(d.dispatch({ type: 'stop' })).toEqual([])
  })

  it('stop before start does nothing', () => {
    const d = new Driver()
    expect(d.dispatch({ type: 'stop' })).toEqual([])
    expect(d.status).toBe('idle')
  })

  it('after stop, native events of the old session are ignored', () => {
    const d = new Driver().enter()
    d.dispatch({ type: 'stop' })
    for (const code of [1018, 1031, -1307, -1301, 5000]) expect(d.pusher(code, joined('a'))).toEqual([])
    expect(d.player('a', 2004)).toEqual([])
    expect(d.status).toBe('exited')
  })

  it('re-enter: timers and async answers of the previous epoch are ignored', () => {
    const d = new Driver().enter()
    const oldEpoch = d.state.epoch
    d.dispatch({ type: 'stop' })
    d.start()
    expect(d.state.epoch).toBeGreaterThan(oldEpoch)
    expect(d.dispatch({ type: 'timer', name: 'enter_timeout', epoch: oldEpoch })).toEqual([])
    expect(d.dispatch({ type: 'preflight_done', epoch: oldEpoch, result: { ok: true, mode: 'modern', system: null } })).toEqual([])
    expect(d.status).toBe('preflight')
    d.preflight()
    d.pusher(1018)
    expect(d.status).toBe('in_room')
  })

  it('start again after an error or an exit works', () => {
    const d = new Driver().enter()
    d.pusher(-1301)
    d.enter()
    expect(d.status).toBe('in_room')
    d.dispatch({ type: 'stop' })
    d.enter()
    expect(d.status).toBe('in_room')
  })
})

describe('over capacity: -8 once per overflow episode', () => {
  it('float holds 3; the 4th member triggers one -8, more members none, back under capacity ends the episode', () => {
    const d = new Driver({ template: 'float' }).enter()
    d.pusher(1031, joined('a', 'b', 'c'))
    expect(d.eventsOf('warning')).toEqual([])
    d.pusher(1031, joined('d'))
    d.pusher(1031, joined('e'))
    d.pusher(1031, joined('f'))
    const overflow = d.events.filter((e) => e.code === RoomErrorCode.OVER_CAPACITY)
    expect(overflow).toHaveLength(1)
    expect(overflow[0]).toMatchObject({ tag: 'error', detail: { capacity: 3, members: 4, fatal: false } })
    expect(d.memberIDs).toHaveLength(6) // extra members stay in the store
    d.pusher(1032, joined('d', 'e', 'f'))
    d.pusher(1031, joined('g'))
    expect(d.events.filter((e) => e.code === RoomErrorCode.OVER_CAPACITY)).toHaveLength(2)
  })

  it('float holds 3; 1020 lists count too; grid, bigsmall and custom templates show everyone', () => {
    const d = new Driver({ template: 'float' }).enter('legacy')
    d.pusher(1020, list([{ userid: 'a' }, { userid: 'b' }, { userid: 'c' }, { userid: 'd' }]))
    expect(d.events.filter((e) => e.code === RoomErrorCode.OVER_CAPACITY)).toHaveLength(1)
    for (const template of ['grid', 'bigsmall'] as const) {
      const paged = new Driver({ template }).enter()
      paged.pusher(1031, joined('a', 'b', 'c', 'd', 'e'))
      expect(paged.state.room.capacity).toBe(-1)
      expect(paged.events.some((e) => e.code === RoomErrorCode.OVER_CAPACITY)).toBe(false)
    }
    const custom = new Driver({ template: '1v3' }).enter()
    custom.pusher(1031, joined('a', 'b', 'c', 'd', 'e'))
    expect(custom.state.room.capacity).toBe(-1)
    expect(custom.events.some((e) => e.code === RoomErrorCode.OVER_CAPACITY)).toBe(false)
  })

  it('a re-enter starts a new episode', () => {
    const d = new Driver({ template: 'float' }).enter()
    d.pusher(1031, joined('a', 'b', 'c', 'd'))
    d.pusher(-1307)
    d.fire('reconnect')
    d.pusher(1018)
    d.pusher(1031, joined('a', 'b', 'c', 'd'))
    expect(d.events.filter((e) => e.code === RoomErrorCode.OVER_CAPACITY)).toHaveLength(2)
  })
})

describe('pause / resume / background', () => {
  it('pause and resume in the room; wrong states warn', () => {
    const d = new Driver()
    expect(Driver.emitted(d.dispatch({ type: 'pause' }))).toMatchObject([{ tag: 'warning', code: RoomErrorCode.INVALID_STATE }])
    d.enter()
    expect(d.dispatch({ type: 'pause' })).toEqual([{ type: 'pusher', call: 'pause' }])
    expect(d.status).toBe('paused')
    expect(d.state.room.pusher?.paused).toBe(true)
    expect(Driver.emitted(d.dispatch({ type: 'pause' }))).toMatchObject([{ tag: 'warning' }])
    expect(d.dispatch({ type: 'resume' })).toEqual([{ type: 'pusher', call: 'resume' }])
    expect(d.status).toBe('in_room')
    expect(Driver.emitted(d.dispatch({ type: 'resume' }))).toMatchObject([{ tag: 'warning' }])
  })

  it('app hide pauses, show resumes — but not a pause the app asked for', () => {
    const d = new Driver().enter()
    d.dispatch({ type: 'app_hide' })
    expect(d.status).toBe('paused')
    expect(d.eventsOf('background')).toHaveLength(1)
    d.dispatch({ type: 'app_show' })
    expect(d.status).toBe('in_room')
    expect(d.eventsOf('foreground')).toHaveLength(1)
    d.dispatch({ type: 'pause' })
    d.dispatch({ type: 'app_hide' })
    d.dispatch({ type: 'app_show' })
    expect(d.status).toBe('paused')
  })

  it('entering while hidden lands in paused', () => {
    const d = new Driver()
    d.start()
    d.preflight()
    d.dispatch({ type: 'app_hide' })
    expect(d.status).toBe('entering')
    d.pusher(1018)
    expect(d.status).toBe('paused')
    d.dispatch({ type: 'app_show' })
    expect(d.status).toBe('in_room')
  })

  it('members still update while paused', () => {
    const d = new Driver().enter()
    d.dispatch({ type: 'pause' })
    d.pusher(1031, joined('a'))
    expect(d.memberIDs).toEqual(['a'])
  })

  it('switchCamera flips the camera in an active room only', () => {
    const d = new Driver()
    expect(Driver.emitted(d.dispatch({ type: 'switch_camera' }))).toMatchObject([{ tag: 'warning' }])
    d.enter()
    expect(d.dispatch({ type: 'switch_camera' })).toEqual([{ type: 'pusher', call: 'switchCamera' }])
    expect(d.state.room.self.frontCamera).toBe(false)
    expect(d.state.room.pusher?.devicePosition).toBe('back')
  })
})

describe('live updates', () => {
  it('mute / camera / beauty / bitrate apply in place', () => {
    const d = new Driver().enter()
    const effects = d.dispatch({ type: 'update', options: { muted: true, enableCamera: false, beauty: 5, maxBitrate: 900 } })
    expect(effects.some((e) => e.type === 'leave')).toBe(false)
    expect(d.status).toBe('in_room')
    expect(d.state.room.pusher).toMatchObject({ muted: true, enableCamera: false, beauty: 5, maxBitrate: 900 })
    expect(d.state.room.self).toMatchObject({ muted: true, cameraOn: false })
  })

  it('an identity change = clean exit + re-enter with a new URL', () => {
    const d = new Driver().enter()
    d.pusher(1031, joined('a'))
    const epoch = d.state.epoch
    d.dispatch({ type: 'update', options: { roomID: 777 } })
    expect(d.eventsOf('exit_room')).toMatchObject([{ detail: { reason: 'identity_change', membersCleared: 1 } }])
    expect(d.status).toBe('preflight')
    expect(d.state.epoch).toBeGreaterThan(epoch + 1)
    d.preflight()
    expect(d.state.pushURL).toContain('roomid=777')
    expect(d.state.room.roomID).toBe('777')
  })

  it('toggling enableIM in the room starts / stops IM (no session left running after stop)', () => {
    const d = new Driver({ enableIM: true }).enter()
    expect(d.dispatch({ type: 'update', options: { enableIM: false } })).toEqual([{ type: 'im_stop' }])
    expect(d.dispatch({ type: 'stop' }).some((e) => e.type === 'im_stop')).toBe(false)
    const e = new Driver().enter()
    expect(e.dispatch({ type: 'update', options: { enableIM: true } })).toEqual([{ type: 'im_start' }])
    expect(e.dispatch({ type: 'stop' }).filter((x) => x.type === 'im_stop')).toHaveLength(1)
    expect(e.dispatch({ type: 'update', options: { muted: true } }).some((x) => x.type.startsWith('im_'))).toBe(false)
  })

  it('the same room written differently is not an identity change (no needless re-enter)', () => {
    const d = new Driver().enter()
    const effects = d.dispatch({ type: 'update', options: { roomID: '1234', sdkAppID: '1400000001' } })
    expect(effects.some((e) => e.type === 'leave')).toBe(false)
    expect(d.status).toBe('in_room')
  })

  it('an invalid update in the room is a warning and changes nothing', () => {
    const d = new Driver().enter()
    const before = d.state
    d.dispatch({ type: 'update', options: { minBitrate: 5000 } })
    expect(d.eventsOf('warning')).toMatchObject([{ code: RoomErrorCode.INVALID_BITRATE }])
    expect(d.state.raw).toBe(before.raw)
    expect(d.status).toBe('in_room')
  })

  it('a non-object update is one warning, not a crash', () => {
    const d = new Driver().enter()
    d.dispatch({ type: 'update', options: 'muted' as never })
    d.dispatch({ type: 'update', options: null as never })
    expect(d.eventsOf('warning')).toMatchObject([{ code: RoomErrorCode.INVALID_PROP }, { code: RoomErrorCode.INVALID_PROP }])
    expect(d.status).toBe('in_room')
  })

  it('updates before start only change the raw options', () => {
    const d = new Driver()
    d.dispatch({ type: 'update', options: { muted: true, template: 'grid' } })
    expect(d.status).toBe('idle')
    expect(d.state.room.pusher?.muted).toBe(true)
    expect(d.state.room.capacity).toBe(-1)
  })

  it('a template change in the room can start an overflow episode', () => {
    const d = new Driver({ template: 'grid' }).enter()
    d.pusher(1031, joined('a', 'b', 'c', 'd'))
    expect(d.events.filter((e) => e.code === RoomErrorCode.OVER_CAPACITY)).toHaveLength(0)
    d.dispatch({ type: 'update', options: { template: 'float' } })
    expect(d.events.filter((e) => e.code === RoomErrorCode.OVER_CAPACITY)).toHaveLength(1)
  })
})

describe('event log and purity', () => {
  it('keeps a bounded ring of the latest events', () => {
    const d = new Driver({}, 5)
    d.enter()
    for (let i = 0; i < 10; i++) d.pusher(1001)
    expect(d.state.room.events).toHaveLength(5)
    expect(d.state.room.events.every((e) => e.tag === 'push_state')).toBe(true)
    const none = new Driver({}, 0).enter()
    expect(none.state.room.events).toEqual([])
    for (const limit of [1, 2]) {
      const small = new Driver({}, limit).enter()
      for (let i = 0; i < 5; i++) small.pusher(1001 + i)
      expect(small.state.room.events.map((e) => e.code)).toEqual([1005, 1004, 1003].slice(0, limit).reverse())
    }
  })

  it('report emits an outside event without touching the status', () => {
    const d = new Driver().enter()
    d.dispatch({ type: 'report', event: { tag: 'warning', code: RoomErrorCode.IM_LOGIN_FAILED, detail: { message: 'im' } } })
    expect(d.eventsOf('warning')).toMatchObject([{ code: RoomErrorCode.IM_LOGIN_FAILED }])
    expect(d.status).toBe('in_room')
  })

  it('never mutates its input state', () => {
    const d = new Driver().enter()
    d.pusher(1031, joined('a'))
    d.pusher(1033, video('a', 1))
    const frozen = deepFreeze(d.state)
    const snapshot = JSON.stringify(frozen)
    for (const action of [
      { type: 'members_left', userIDs: ['a'] },
      { type: 'streams_changed', changes: [{ userID: 'a', streamType: 'main', hasVideo: false }] },
      { type: 'stream_playing', userID: 'a', streamType: 'main', nativeCode: 2004 },
      { type: 'connection_lost', nativeCode: -1307, message: '' },
      { type: 'stop' },
      { type: 'pause' },
      { type: 'update', options: { muted: true } },
    ] as RoomAction[]) {
      expect(() => reduce(frozen, action)).not.toThrow()
    }
    expect(JSON.stringify(frozen)).toBe(snapshot)
  })

  it('classifies engine vs control actions', () => {
    expect(isEngineAction({ type: 'entered', nativeCode: 1018 })).toBe(true)
    expect(isEngineAction({ type: 'stop' })).toBe(false)
  })

  it('a fresh state is idle with the raw room id', () => {
    const state = createCoreState('k', { ...BASE_OPTIONS, roomID: undefined, roomId: 'abc' })
    expect(state.room).toMatchObject({ key: 'k', status: 'idle', roomID: 'abc', members: {}, memberOrder: [] })
  })
})

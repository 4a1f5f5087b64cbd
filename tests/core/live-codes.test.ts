import { describe, expect, it } from 'vitest'
import { describeCode } from '../../uni_modules/webrtc-room/core/codes'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import {
  translatePlayerNet,
  translatePlayerState,
  translatePusherError,
  translatePusherNet,
  translatePusherState,
} from '../../uni_modules/webrtc-room/engines/mp-weixin/live-tags-engine'
import type { StateChangeDetail } from '../../uni_modules/webrtc-room/core/types'

const list = (userlist: unknown[]) => JSON.stringify({ userlist })

/** The actions after the raw `push_state` one. */
function pusher(detail: StateChangeDetail) {
  const [raw, ...rest] = translatePusherState(detail)
  expect(raw).toEqual({ type: 'push_state', code: Number(detail.code), message: detail.message ?? '' })
  return rest
}

describe('live-pusher bindstatechange → actions', () => {
  it('always yields the raw push_state first', () => {
    expect(translatePusherState({ code: 1001, message: 'connected' })).toEqual([{ type: 'push_state', code: 1001, message: 'connected' }])
  })

  it.each([
    [1002, { type: 'publishing', nativeCode: 1002 }],
    [1018, { type: 'entered', nativeCode: 1018 }],
  ])('%d', (code, action) => {
    expect(pusher({ code, message: '' })).toEqual([action])
  })

  it('1019 with reason[0] is a normal exit, otherwise a kick (trtc-wx-sdk rule)', () => {
    expect(pusher({ code: 1019, message: 'exit room reason[0]' })).toEqual([{ type: 'left', nativeCode: 1019, kicked: false, message: 'exit room reason[0]' }])
    expect(pusher({ code: 1019, message: 'reason[2] kicked' })).toMatchObject([{ type: 'left', kicked: true }])
    expect(pusher({ code: 1019 })).toMatchObject([{ type: 'left', kicked: true, message: '' }])
  })

  it('1020 is the full member list', () => {
    const message = list([{ userid: 'u1', playurl: 'room://1.2.3.4/webrtc/1_u1' }, { userid: 'u2', accelerateURL: 'room://x/u2' }])
    expect(pusher({ code: 1020, message })).toEqual([
      {
        type: 'member_list',
        users: [
          { userID: 'u1', playURL: 'room://1.2.3.4/webrtc/1_u1' },
          { userID: 'u2', playURL: 'room://x/u2' },
        ],
        skipped: 0,
        nativeCode: 1020,
      },
    ])
  })

  it('1031 / 1032 join and leave by userid', () => {
    expect(pusher({ code: 1031, message: list([{ userid: 'a' }, { userid: 'b' }]) })).toEqual([{ type: 'members_joined', userIDs: ['a', 'b'] }])
    expect(pusher({ code: 1032, message: list([{ userid: 'a' }]) })).toEqual([{ type: 'members_left', userIDs: ['a'] }])
  })

  it('1033 sets video per stream type; 1034 sets audio, always on main', () => {
    expect(pusher({ code: 1033, message: list([{ userid: 'a', streamtype: 'aux', hasvideo: 1, playurl: 'p' }, { userid: 'b', hasvideo: 0 }]) })).toEqual([
      {
        type: 'streams_changed',
        changes: [
          { userID: 'a', streamType: 'aux', hasVideo: true, playURL: 'p' },
          { userID: 'b', streamType: 'main', hasVideo: false, playURL: undefined },
        ],
      },
    ])
    expect(pusher({ code: 1034, message: list([{ userid: 'a', streamtype: 'aux', hasaudio: 1, playurl: 'q' }, { userid: 'c' }]) })).toEqual([
      {
        type: 'streams_changed',
        changes: [
          { userID: 'a', streamType: 'main', hasAudio: true, playURL: 'q' },
          { userID: 'c', streamType: 'main', hasAudio: false, playURL: undefined },
        ],
      },
    ])
  })

  it.each([1020, 1031, 1032, 1033, 1034])('%d with a malformed message yields only the raw state', (code) => {
    for (const message of ['', 'not json', '{"userlist": 5}', 'null', '[]']) expect(pusher({ code, message })).toEqual([])
  })

  it.each([1021, -1307, -1324, -1325])('%d → connection_lost (re-enter with backoff)', (code) => {
    expect(pusher({ code, message: 'lost' })).toEqual([{ type: 'connection_lost', nativeCode: code, message: 'lost' }])
  })

  it('-1301 / -1302 → the original -4 / -5', () => {
    expect(pusher({ code: -1301, message: 'cam' })).toEqual([{ type: 'device_failed', code: RoomErrorCode.CAMERA_OPEN_FAILED, nativeCode: -1301, message: 'cam' }])
    expect(pusher({ code: -1302, message: 'mic' })).toEqual([{ type: 'device_failed', code: RoomErrorCode.MIC_OPEN_FAILED, nativeCode: -1302, message: 'mic' }])
  })

  it.each([1022, -3301, -1313, -1326])('%d → enter_failed with the original -10', (code) => {
    expect(pusher({ code, message: 'm' })).toEqual([{ type: 'enter_failed', code: RoomErrorCode.JOIN_ROOM_FAILED, nativeCode: code, message: 'm' }])
  })

  it('-100018 → enter_failed with the userSig code', () => {
    expect(pusher({ code: -100018, message: 'sig' })).toEqual([{ type: 'enter_failed', code: RoomErrorCode.USERSIG_MALFORMED, nativeCode: -100018, message: 'sig' }])
  })

  it.each([5000, 5001])('%d → suspended (leave, as the original did)', (code) => {
    expect(pusher({ code, message: '' })).toEqual([{ type: 'suspended', nativeCode: code, message: '' }])
  })

  it.each([-1303, -1304, -1308, -1311, 3001, 3002, 3005])('%d → a non-fatal notice', (code) => {
    expect(pusher({ code, message: 'n' })).toEqual([{ type: 'notice', code, nativeCode: code, message: 'n' }])
  })

  it.each([1001, 1003, 1005, 1008, 1101, 1103, 4998, 4999, 3006, 2999])('%d is informational: raw state only', (code) => {
    expect(pusher({ code, message: '' })).toEqual([])
  })

  it('1007 starts the preview (status 15), 1102 is the pusher reconnecting by itself (status 14)', () => {
    expect(pusher({ code: 1007 })).toEqual([{ type: 'preview_started', nativeCode: 1007 }])
    expect(pusher({ code: 1102 })).toEqual([{ type: 'pusher_loading', nativeCode: 1102 }])
  })

  it('accepts a numeric string code; ignores details without a code (never throws)', () => {
    expect(translatePusherState({ code: '1018' as unknown as number })).toEqual([
      { type: 'push_state', code: 1018, message: '' },
      { type: 'entered', nativeCode: 1018 },
    ])
    for (const bad of [undefined, null, {}, { code: 'x' }, { code: Number.NaN }]) {
      expect(translatePusherState(bad as unknown as StateChangeDetail)).toEqual([])
    }
  })

  it('a non-string message counts as empty', () => {
    expect(translatePusherState({ code: 1019, message: 42 as unknown as string })).toMatchObject([{ message: '' }, { type: 'left', kicked: true }])
  })
})

describe('live-player bindstatechange → actions', () => {
  const player = (code: number, message = '') => translatePlayerState('bob', 'aux', { code, message })

  it('always yields the raw play_state first', () => {
    expect(player(2001, 'connected')).toEqual([{ type: 'play_state', userID: 'bob', streamType: 'aux', code: 2001, message: 'connected' }])
  })

  it.each([
    [2003, 'stream_playing'],
    [2004, 'stream_playing'],
    [2007, 'stream_loading'],
    [-2301, 'stream_disconnected'],
  ])('%d → %s', (code, type) => {
    expect(player(code).slice(1)).toEqual([{ type, userID: 'bob', streamType: 'aux', nativeCode: code }])
  })

  it.each([-2302, -2304, -2308, 3001, 3005, 6002, 6005])('%d → a notice naming the member', (code) => {
    expect(player(code, 'bad').slice(1)).toEqual([{ type: 'notice', code, nativeCode: code, message: 'bob: bad' }])
  })

  it.each([2001, 2002, 2005, 2006, 2008, 2009, 2026, 2103, 2105, 6001, 6006])('%d is informational', (code) => {
    expect(player(code).slice(1)).toEqual([])
  })

  it('ignores details without a code', () => {
    expect(translatePlayerState('bob', 'main', null as unknown as StateChangeDetail)).toEqual([])
  })
})

describe('binderror and net status', () => {
  it('10001 / 10002 → permission_denied (the original -7)', () => {
    expect(translatePusherError({ errCode: 10001, errMsg: 'camera' })).toEqual([{ type: 'permission_denied', nativeCode: 10001, message: 'camera' }])
    expect(translatePusherError({ errCode: 10002 })).toEqual([{ type: 'permission_denied', nativeCode: 10002, message: '' }])
  })

  it('10003 / 10004 → notices; no code → nothing', () => {
    expect(translatePusherError({ errCode: 10003, errMsg: 'bgm' })).toEqual([{ type: 'notice', code: 10003, nativeCode: 10003, message: 'bgm' }])
    expect(translatePusherError({ errCode: 10004 })).toMatchObject([{ type: 'notice', code: 10004 }])
    expect(translatePusherError(undefined as unknown as { errCode: number })).toEqual([])
  })

  it('net status copies info (never shares the native object); quality levels are the levels entry\'s', () => {
    const info = { videoBitrate: 300, netSpeed: 500 }
    const [action] = translatePusherNet({ info })
    expect(action).toEqual({ type: 'pusher_net', info })
    expect((action as { info: unknown }).info).not.toBe(info)
    // The stats alone: the level derived from them comes from engines/mp-weixin/native-levels.ts (tests/core/media-levels.test.ts).
    expect(translatePlayerNet('bob', 'main', { info })).toEqual([{ type: 'player_net', userID: 'bob', streamType: 'main', info }])
    expect(translatePlayerNet('bob', 'aux', { info })).toEqual([{ type: 'player_net', userID: 'bob', streamType: 'aux', info }])
    expect(translatePusherNet({} as { info: never })).toEqual([{ type: 'pusher_net', info: {} }])
  })
})

describe('every code the translation can report has a table entry (codes.ts)', () => {
  const PUSHER_CODES = [
    1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1018, 1019, 1020, 1021, 1022, 1031, 1032, 1033, 1034, 1101, 1102, 1103, 1104, 1105, 1106,
    3001, 3002, 3003, 3004, 3005, -1301, -1302, -1303, -1304, -1305, -1306, -1307, -1308, -1309, -1310, -1311, -1312, -1313, -1324, -1325,
    -1326, -100018, -3301, 5000, 5001,
  ]
  const PLAYER_CODES = [2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2101, 2102, 2103, 2104, 2105, 2106, 2107, 2108, 2026, 2012, 3001, 3005, -2301, -2302, -2304, -2308, 6002, 6003, 6004, 6005]

  it.each(PUSHER_CODES)('pusher %d: native entry, and an entry for any code it is reported under', (code) => {
    expect(describeCode(code, 'pusher'), `pusher ${code}`).toBeDefined()
    for (const action of translatePusherState({ code, message: list([{ userid: 'a' }]) })) {
      if ('code' in action && action.type !== 'push_state') expect(describeCode(action.code), `${action.type} ${action.code}`).toBeDefined()
    }
  })

  it.each(PLAYER_CODES)('player %d', (code) => {
    expect(describeCode(code, 'player'), `player ${code}`).toBeDefined()
    for (const action of translatePlayerState('a', 'main', { code })) {
      if (action.type === 'notice') expect(describeCode(action.code, 'player')).toBeDefined()
    }
  })

  it.each([10001, 10002, 10003, 10004])('binderror %d', (errCode) => {
    expect(describeCode(errCode, 'pusher_error')).toBeDefined()
  })

  it('the original room codes -4 … -10 are described', () => {
    for (const code of [-4, -5, -6, -7, -8, -9, -10]) expect(describeCode(code, 'room'), String(code)).toBeDefined()
  })
})

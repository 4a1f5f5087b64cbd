import { describe, expect, it } from 'vitest'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import {
  DEFAULT_RECONNECT,
  isIdentityChange,
  parseRoomRef,
  roomIDText,
  validateOptions,
  type OptionIssue,
} from '../../uni_modules/webrtc-room/core/options'
import { reduce } from '../../uni_modules/webrtc-room/core/reducer'
import { DEFAULT_PUSHER, DEFAULT_WAITING_IMG } from '../../uni_modules/webrtc-room/core/room-state'
import { createCoreState } from '../../uni_modules/webrtc-room/core/room-state'
import type { RoomOptions } from '../../uni_modules/webrtc-room/core/types'

const BASE: RoomOptions = { sdkAppID: 1400000001, userID: 'alice', userSig: 'eJw1jcEKgjAYhV*-_abc', roomID: 1234 }

function errorsOf(overrides: Partial<RoomOptions> | Record<string, unknown>): OptionIssue[] {
  const result = validateOptions({ ...BASE, ...overrides } as RoomOptions)
  return result.ok ? [] : result.errors
}

function expectOneError(overrides: Partial<RoomOptions> | Record<string, unknown>, code: number, prop: string): void {
  const errors = errorsOf(overrides)
  expect(errors, JSON.stringify(overrides)).toHaveLength(1)
  expect(errors[0]).toMatchObject({ code, prop })
  expect(errors[0].message.length).toBeGreaterThan(5)
}

describe('defaults (SPEC.md section 1)', () => {
  it('applies every default of the original doc', () => {
    const result = validateOptions(BASE)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.warnings).toEqual([])
    expect(result.options).toMatchObject({
      template: 'float',
      sdkAppID: 1400000001,
      userID: 'alice',
      room: { kind: 'numeric', id: 1234 },
      privateMapKey: '',
      beauty: 0,
      whiteness: 0,
      muted: false,
      debug: false,
      enableIM: false,
      aspect: '9:16',
      minBitrate: 200,
      maxBitrate: 400,
      autoplay: false,
      enableCamera: true,
      enterMode: 'auto',
      useCloud: true,
      imGroupType: 'AVChatRoom',
      reconnect: DEFAULT_RECONNECT,
      soundMode: 'speaker',
      waitingImg: DEFAULT_WAITING_IMG,
    })
    expect(result.options.pureAudioPushMod).toBeUndefined()
    expect(result.options.recordId).toBeUndefined()
  })

  it('the idle pusher shows the defaults of the props', () => {
    expect(DEFAULT_PUSHER).toEqual({
      muted: false, enableCamera: true, enableMic: true, beauty: 0, whiteness: 0, minBitrate: 200, maxBitrate: 400, aspect: '9:16', debug: false,
      devicePosition: 'front', waitingImage: DEFAULT_WAITING_IMG, paused: false, localMirror: 'auto', remoteMirror: false, backgroundMute: false,
    })
  })

  it('accepts bitrates as strings, as the original did', () => {
    const result = validateOptions({ ...BASE, minBitrate: '300', maxBitrate: '900' })
    expect(result.ok && [result.options.minBitrate, result.options.maxBitrate]).toEqual([300, 900])
  })
})

describe('required props', () => {
  it.each(['sdkAppID', 'userID', 'userSig', 'roomID'] as const)('%s missing, null or empty → -90002 on that prop', (prop) => {
    for (const value of [undefined, null, '']) expectOneError({ [prop]: value }, RoomErrorCode.MISSING_PROP, prop)
  })

  it('reports every missing prop of an empty object', () => {
    const result = validateOptions({} as RoomOptions)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => e.prop).sort()).toEqual(['roomID', 'sdkAppID', 'userID', 'userSig'])
    expect(result.errors.every((e) => e.code === RoomErrorCode.MISSING_PROP)).toBe(true)
  })

  it.each([null, undefined, 42, 'props', []])('a non-object (%j) is one typed error, not a crash', (input) => {
    const result = validateOptions(input as unknown as RoomOptions)
    expect(result).toMatchObject({ ok: false, errors: [{ code: RoomErrorCode.INVALID_PROP, prop: 'options' }] })
  })
})

describe('sdkAppID', () => {
  it.each([0, -1, 1.5, 'abc', '1.5', Number.NaN, Infinity, true, 2 ** 60, 2 ** 32, '4294967296'])('%s → -90003', (sdkAppID) => {
    expectOneError({ sdkAppID }, RoomErrorCode.INVALID_SDKAPPID, 'sdkAppID')
  })
  it('accepts the uint32 bounds', () => {
    expect(validateOptions({ ...BASE, sdkAppID: 1 }).ok).toBe(true)
    expect(validateOptions({ ...BASE, sdkAppID: 4294967295 }).ok).toBe(true)
  })
  it('accepts a numeric string', () => {
    const result = validateOptions({ ...BASE, sdkAppID: '1400000001' })
    expect(result.ok && result.options.sdkAppID).toBe(1400000001)
  })
})

describe('roomID bounds and kinds', () => {
  it.each([
    [1, 1],
    [4294967294, 4294967294],
    ['1', 1],
    ['4294967294', 4294967294],
    ['007', 7],
  ])('%j is the numeric room %d', (roomID, id) => {
    const result = validateOptions({ ...BASE, roomID })
    expect(result.ok && result.options.room).toEqual({ kind: 'numeric', id })
  })

  it.each([0, 4294967295, 4294967296, -1, -4294967294, 1.5, Number.NaN, Infinity, '0', '4294967295', '99999999999999999999', '-5', '+5', '1.5', ' 12', '1e3', '   '])(
    '%j → -90006',
    (roomID) => expectOneError({ roomID }, RoomErrorCode.INVALID_ROOMID, 'roomID'),
  )

  it.each([true, {}, []])('a %j room id → -90006', (roomID) => {
    expectOneError({ roomID }, RoomErrorCode.INVALID_ROOMID, 'roomID')
  })

  it('accepts string room ids of TRTC\'s alphabet up to 64 characters', () => {
    for (const roomID of ['class-7B', 'a&b=c#d%e+f g', 'x'.repeat(64), 'room_1.2']) {
      const result = validateOptions({ ...BASE, roomID })
      expect(result.ok && result.options.room, roomID).toEqual({ kind: 'string', id: roomID })
    }
  })

  it('rejects string room ids that are too long, CJK or control characters', () => {
    for (const roomID of ['x'.repeat(65), '房间', 'a\nb', 'tab\there', 'emoji😀', 'quote"', "apos'", 'slash/', 'back\\slash']) {
      expectOneError({ roomID }, RoomErrorCode.INVALID_ROOMID, 'roomID')
    }
  })

  it('falls back to the original sample alias roomId; roomID wins when both are set', () => {
    const alias = validateOptions({ ...BASE, roomID: undefined, roomId: '42' })
    expect(alias.ok && alias.options.room).toEqual({ kind: 'numeric', id: 42 })
    const both = validateOptions({ ...BASE, roomID: 7, roomId: 8 })
    expect(both.ok && both.options.room).toEqual({ kind: 'numeric', id: 7 })
  })

  it('refuses a string room in legacy mode (the 2018 flow knows numeric rooms only)', () => {
    expectOneError({ roomID: 'abc', enterMode: 'legacy' }, RoomErrorCode.INVALID_ROOMID, 'roomID')
    expect(validateOptions({ ...BASE, enterMode: 'legacy' }).ok).toBe(true)
  })

  it('parseRoomRef / roomIDText round-trip', () => {
    expect(roomIDText({ kind: 'numeric', id: 5 })).toBe('5')
    expect(roomIDText({ kind: 'string', id: 'r' })).toBe('r')
    expect(parseRoomRef('123')).toEqual({ kind: 'numeric', id: 123 })
  })
})

describe('userID charset and length', () => {
  it.each(['a', 'A-z_0.9@x', 'u'.repeat(32), 'user@example.com'])('%j is valid', (userID) => {
    expect(validateOptions({ ...BASE, userID }).ok).toBe(true)
  })
  it.each(['u'.repeat(33), 'has space', '用户', 'a&b', 'a=b', 'a#b', 'a%b', 'a+b', 'a/b', 'é', ' lead', 'tab\t'])('%j → -90004', (userID) => {
    expectOneError({ userID }, RoomErrorCode.INVALID_USERID, 'userID')
  })
  it('a non-string userID → -90004', () => {
    expectOneError({ userID: 12345 }, RoomErrorCode.INVALID_USERID, 'userID')
  })
})

describe('userSig and privateMapKey', () => {
  it.each(['has space', 'a&b', 'x\n', '签名'])('userSig %j → -90005', (userSig) => {
    expectOneError({ userSig }, RoomErrorCode.INVALID_USERSIG, 'userSig')
  })
  it('userSig must be a string', () => expectOneError({ userSig: 123 }, RoomErrorCode.INVALID_USERSIG, 'userSig'))
  it('privateMapKey must be a signed base64 string when set', () => {
    expectOneError({ privateMapKey: 'has space' }, RoomErrorCode.INVALID_PROP, 'privateMapKey')
    expectOneError({ privateMapKey: 7 }, RoomErrorCode.INVALID_PROP, 'privateMapKey')
    expect(validateOptions({ ...BASE, privateMapKey: 'eJyr*-_' }).ok).toBe(true)
  })
})

describe('ranges', () => {
  it('clamps beauty / whiteness into 0–9 with one warning each, never an error', () => {
    const result = validateOptions({ ...BASE, beauty: 12, whiteness: -3 })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect([result.options.beauty, result.options.whiteness]).toEqual([9, 0])
    expect(result.warnings.map((w) => [w.code, w.prop])).toEqual([
      [RoomErrorCode.PROP_CLAMPED, 'beauty'],
      [RoomErrorCode.PROP_CLAMPED, 'whiteness'],
    ])
  })

  it('rounds fractional levels (with a warning) and accepts in-range numeric strings silently', () => {
    const result = validateOptions({ ...BASE, beauty: 4.6, whiteness: '5' as unknown as number })
    expect(result.ok && [result.options.beauty, result.options.whiteness]).toEqual([5, 5])
    expect(result.warnings).toHaveLength(1)
  })

  it('a non-numeric level is an error', () => {
    expectOneError({ beauty: 'pretty' }, RoomErrorCode.INVALID_PROP, 'beauty')
  })

  it('min ≤ max bitrate, both positive numbers', () => {
    expect(validateOptions({ ...BASE, minBitrate: 400, maxBitrate: 400 }).ok).toBe(true)
    expectOneError({ minBitrate: 500, maxBitrate: 400 }, RoomErrorCode.INVALID_BITRATE, 'minBitrate')
    expectOneError({ minBitrate: 500 }, RoomErrorCode.INVALID_BITRATE, 'minBitrate') // default max 400
    expectOneError({ maxBitrate: 0 }, RoomErrorCode.INVALID_BITRATE, 'maxBitrate')
    expectOneError({ minBitrate: -1 }, RoomErrorCode.INVALID_BITRATE, 'minBitrate')
    expectOneError({ maxBitrate: '900kbps' }, RoomErrorCode.INVALID_BITRATE, 'maxBitrate')
    expectOneError({ maxBitrate: Infinity }, RoomErrorCode.INVALID_BITRATE, 'maxBitrate')
  })

  it.each([
    ['aspect', '16:9'],
    ['pureAudioPushMod', 3],
    ['pureAudioPushMod', '1'],
    ['recvMode', 5],
    ['enterMode', 'fast'],
    ['soundMode', 'loud'],
    ['imGroupType', 'Work'],
    ['muted', 'yes'],
    ['debug', 1],
    ['autoplay', 'true'],
    ['enableCamera', 0],
    ['enableIM', 'false'],
    ['useCloud', 'no'],
    ['enableBlackStream', 1],
    ['pauseOnHide', 'yes'],
    ['recordId', -1],
    ['recordId', 1.5],
    ['recordId', 'abc'],
    ['streamID', 'bad id'],
    ['streamID', 'x'.repeat(65)],
    ['enterTimeout', -1],
    ['enterTimeout', '5000'],
    ['template', 7],
    ['userName', 5],
    ['waitingImg', {}],
  ])('%s = %j → -90001 on that prop', (prop, value) => {
    expectOneError({ [prop]: value }, RoomErrorCode.INVALID_PROP, prop)
  })

  it('validates the reconnect policy field by field', () => {
    expectOneError({ reconnect: { maxAttempts: -1 } }, RoomErrorCode.INVALID_PROP, 'reconnect.maxAttempts')
    expectOneError({ reconnect: { baseDelayMs: 1.5 } }, RoomErrorCode.INVALID_PROP, 'reconnect.baseDelayMs')
    expectOneError({ reconnect: null }, RoomErrorCode.INVALID_PROP, 'reconnect')
    expectOneError({ reconnect: 'fast' }, RoomErrorCode.INVALID_PROP, 'reconnect')
    const result = validateOptions({ ...BASE, reconnect: { maxAttempts: 2 } })
    expect(result.ok && result.options.reconnect).toEqual({ ...DEFAULT_RECONNECT, maxAttempts: 2 })
  })

  it('keeps an unknown template name (it renders the layout slot)', () => {
    const result = validateOptions({ ...BASE, template: '1v3' })
    expect(result.ok && result.options.template).toBe('1v3')
  })
})

describe('identity changes', () => {
  it('is true only for a changed identity prop', () => {
    expect(isIdentityChange({ roomID: 5 }, BASE)).toBe(true)
    expect(isIdentityChange({ roomID: 1234 }, BASE)).toBe(false)
    expect(isIdentityChange({ userSig: 'other' }, BASE)).toBe(true)
    expect(isIdentityChange({ muted: true, beauty: 5 }, BASE)).toBe(false)
    expect(isIdentityChange({ userID: undefined }, BASE)).toBe(false)
    expect(isIdentityChange({ privateMapKey: 'eJyPMK' }, BASE)).toBe(true)
    expect(isIdentityChange({ privateMapKey: '' }, BASE)).toBe(false)
  })

  it('compares the room and app a change leads to, not raw values', () => {
    expect(isIdentityChange({ roomID: '1234' }, BASE)).toBe(false)
    expect(isIdentityChange({ roomID: '01234' }, BASE)).toBe(false)
    expect(isIdentityChange({ sdkAppID: '1400000001' }, BASE)).toBe(false)
    expect(isIdentityChange({ roomId: 99 }, BASE)).toBe(false) // roomID wins over the alias
    expect(isIdentityChange({ roomId: 99 }, { ...BASE, roomID: undefined, roomId: 98 })).toBe(true)
    expect(isIdentityChange({ roomID: 'abc' }, { ...BASE, roomID: 'ABC' })).toBe(true)
  })
})

describe('a bad prop at start: one error event, no push', () => {
  it.each([
    [{ roomID: 0 }, RoomErrorCode.INVALID_ROOMID],
    [{ userID: '用户' }, RoomErrorCode.INVALID_USERID],
    [{ minBitrate: 900, maxBitrate: 100 }, RoomErrorCode.INVALID_BITRATE],
    [{ sdkAppID: undefined }, RoomErrorCode.MISSING_PROP],
  ] as Array<[Partial<RoomOptions>, number]>)('%j', (overrides, code) => {
    const { state, effects } = reduce(createCoreState('r', { ...BASE, ...overrides }), { type: 'start' })
    const emitted = effects.filter((e) => e.type === 'emit')
    expect(emitted).toHaveLength(1)
    expect(emitted[0]).toMatchObject({ event: { tag: 'error', code } })
    expect(effects.map((e) => e.type)).toEqual(['emit'])
    expect(state.room.status).toBe('error')
    expect(state.pushURL).toBe('')
  })

  it('reports the first of several errors, listing all in detail', () => {
    const { effects } = reduce(createCoreState('r', { ...BASE, roomID: -1, userID: 'a b' }), { type: 'start' })
    const [emit] = effects
    expect(emit).toMatchObject({ type: 'emit', event: { tag: 'error', code: RoomErrorCode.INVALID_USERID } })
    const detail = (emit as { event: { detail: { errors: OptionIssue[] } } }).event.detail
    expect(detail.errors.map((e) => e.prop)).toEqual(['userID', 'roomID'])
  })
})

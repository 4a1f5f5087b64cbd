import { beforeEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createPinia, setActivePinia } from 'pinia'
import { RoomErrorCode, WebrtcRoomError } from '../../uni_modules/webrtc-room/core/error-codes'
import { TimClientPool } from '../../uni_modules/webrtc-room/im/tim-client-pool'
import { TimSession } from '../../uni_modules/webrtc-room/im/tim-session'
import {
  IM_TEXT_LIMIT_BYTES, utf8ByteLength, validateCustom, validateReceiver, validateText,
} from '../../uni_modules/webrtc-room/core/im-validate'
import { createTimMock, type FakeTim } from '../helpers/tim-mock'

describe('utf8ByteLength', () => {
  it('matches Buffer.byteLength for any string (incl. astral and lone surrogates)', () => {
    // Raw UTF-16 code units (lone surrogates included) and whole code points (astral included).
    const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((units) => String.fromCharCode(...units))
    const codePoints = fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 40 }).map((points) => String.fromCodePoint(...points))
    for (const strings of [codeUnits, codePoints]) {
      fc.assert(fc.property(strings, (text) => utf8ByteLength(text) === Buffer.byteLength(text, 'utf8')), { numRuns: 500 })
    }
    expect(utf8ByteLength('\ud83d')).toBe(3) // lone high surrogate → U+FFFD
    expect(utf8ByteLength('a中😀')).toBe(1 + 3 + 4)
  })
})

describe('pure validators', () => {
  it('receiver: a non-empty string', () => {
    for (const bad of ['', '   ', undefined, null, 42, {}, ['bob']]) {
      expect(validateReceiver(bad)?.code, String(bad)).toBe(RoomErrorCode.IM_INVALID_RECEIVER)
    }
    expect(validateReceiver('bob')).toBeNull()
  })

  it('text: string, not blank, within the C2C / group byte limits', () => {
    expect(validateText(12, 'C2C')?.code).toBe(RoomErrorCode.IM_INVALID_DATA)
    expect(validateText(undefined, 'GROUP')?.code).toBe(RoomErrorCode.IM_INVALID_DATA)
    expect(validateText('', 'C2C')?.code).toBe(RoomErrorCode.IM_EMPTY_MESSAGE)
    expect(validateText(' \n\t', 'GROUP')?.code).toBe(RoomErrorCode.IM_EMPTY_MESSAGE)
    expect(IM_TEXT_LIMIT_BYTES).toEqual({ C2C: 12000, GROUP: 8898 })
    expect(validateText('a'.repeat(12000), 'C2C')).toBeNull()
    expect(validateText('a'.repeat(12001), 'C2C')?.code).toBe(RoomErrorCode.IM_MESSAGE_TOO_LONG)
    expect(validateText('a'.repeat(8898), 'GROUP')).toBeNull()
    const tooLong = validateText('a'.repeat(8899), 'GROUP')!
    expect(tooLong.code).toBe(RoomErrorCode.IM_MESSAGE_TOO_LONG)
    expect(tooLong.detail).toEqual({ bytes: 8899, limit: 8898 })
    // Bytes, not characters: 4000 CJK characters are 12000 bytes.
    expect(validateText('中'.repeat(4000), 'C2C')).toBeNull()
    expect(validateText('中'.repeat(4001), 'C2C')?.code).toBe(RoomErrorCode.IM_MESSAGE_TOO_LONG)
  })

  it('custom: an object with string data (non-empty) and optional string ext/desc, all within the limit', () => {
    for (const bad of [null, 'data', 5, ['x']]) expect(validateCustom(bad, 'C2C')?.code).toBe(RoomErrorCode.IM_INVALID_DATA)
    for (const data of [undefined, 1, { a: 1 }, ['a'], true]) {
      const err = validateCustom({ data }, 'GROUP')!
      expect(err.code).toBe(RoomErrorCode.IM_INVALID_DATA)
      expect(err.detail.field).toBe('data')
    }
    expect(validateCustom({ data: 'x', ext: 1 }, 'C2C')?.detail.field).toBe('ext')
    expect(validateCustom({ data: 'x', desc: {} }, 'C2C')?.detail.field).toBe('desc')
    expect(validateCustom({ data: '' }, 'C2C')?.code).toBe(RoomErrorCode.IM_EMPTY_MESSAGE)
    expect(validateCustom({ data: 'x', ext: undefined, desc: null }, 'C2C')).toBeNull()
    expect(validateCustom({ data: 'a'.repeat(8000), ext: 'b'.repeat(898) }, 'GROUP')).toBeNull()
    expect(validateCustom({ data: 'a'.repeat(8000), ext: 'b'.repeat(898), desc: 'c' }, 'GROUP')?.code).toBe(RoomErrorCode.IM_MESSAGE_TOO_LONG)
  })
})

describe('the four send methods reject bad input before anything reaches tim', () => {
  let tim: FakeTim
  let session: TimSession

  beforeEach(async () => {
    setActivePinia(createPinia())
    const mock = createTimMock()
    mock.server.addGroup('1234')
    session = new TimSession(
      { roomKey: 'r', sdkAppID: 1400000001, userID: 'alice', userSig: 's', groupID: '1234', groupType: 'AVChatRoom', nick: 'alice' },
      { TIM: mock.sdk, pool: new TimClientPool(mock.sdk) },
    )
    await session.start()
    tim = mock.sdk.create({ SDKAppID: 1400000001 }) as FakeTim
    return () => session.stop()
  })

  const cases: Array<[string, () => Promise<unknown>, number]> = [
    ['C2C text: empty receiver', () => session.sendC2CTextMsg('', 'hi'), RoomErrorCode.IM_INVALID_RECEIVER],
    ['C2C text: non-string receiver', () => session.sendC2CTextMsg(7 as unknown as string, 'hi'), RoomErrorCode.IM_INVALID_RECEIVER],
    ['C2C text: empty text', () => session.sendC2CTextMsg('bob', ''), RoomErrorCode.IM_EMPTY_MESSAGE],
    ['C2C text: blank text', () => session.sendC2CTextMsg('bob', '   '), RoomErrorCode.IM_EMPTY_MESSAGE],
    ['C2C text: non-string text', () => session.sendC2CTextMsg('bob', { t: 1 } as unknown as string), RoomErrorCode.IM_INVALID_DATA],
    ['C2C text: too long', () => session.sendC2CTextMsg('bob', 'x'.repeat(12001)), RoomErrorCode.IM_MESSAGE_TOO_LONG],
    ['C2C custom: empty receiver', () => session.sendC2CCustomMsg(' ', { data: 'd' }), RoomErrorCode.IM_INVALID_RECEIVER],
    ['C2C custom: non-string data', () => session.sendC2CCustomMsg('bob', { data: 42 as unknown as string }), RoomErrorCode.IM_INVALID_DATA],
    ['C2C custom: empty data', () => session.sendC2CCustomMsg('bob', { data: '' }), RoomErrorCode.IM_EMPTY_MESSAGE],
    ['C2C custom: too long', () => session.sendC2CCustomMsg('bob', { data: 'x'.repeat(12001) }), RoomErrorCode.IM_MESSAGE_TOO_LONG],
    ['group text: empty', () => session.sendGroupTextMsg(''), RoomErrorCode.IM_EMPTY_MESSAGE],
    ['group text: non-string', () => session.sendGroupTextMsg(null as unknown as string), RoomErrorCode.IM_INVALID_DATA],
    ['group text: too long', () => session.sendGroupTextMsg('x'.repeat(8899)), RoomErrorCode.IM_MESSAGE_TOO_LONG],
    ['group custom: not an object', () => session.sendGroupCustomMsg('data' as unknown as { data: string }), RoomErrorCode.IM_INVALID_DATA],
    ['group custom: non-string data', () => session.sendGroupCustomMsg({ data: { a: 1 } as unknown as string }), RoomErrorCode.IM_INVALID_DATA],
    ['group custom: non-string ext', () => session.sendGroupCustomMsg({ data: 'd', ext: 3 as unknown as string }), RoomErrorCode.IM_INVALID_DATA],
    ['group custom: too long', () => session.sendGroupCustomMsg({ data: 'x'.repeat(8899) }), RoomErrorCode.IM_MESSAGE_TOO_LONG],
  ]

  it.each(cases)('%s', async (_name, send, code) => {
    const before = tim.calls.length
    const error = await send().then(() => null, (e: unknown) => e)
    expect(error).toBeInstanceOf(WebrtcRoomError)
    expect((error as WebrtcRoomError).code).toBe(code)
    expect(tim.calls.length).toBe(before) // no createXMessage / sendMessage
  })

  it('valid input at the exact limits goes through', async () => {
    await expect(session.sendC2CTextMsg('bob', 'x'.repeat(12000))).resolves.toMatchObject({ status: 'sent' })
    await expect(session.sendGroupTextMsg('x'.repeat(8898))).resolves.toMatchObject({ status: 'sent' })
  })
})

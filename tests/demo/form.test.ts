import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  MAX_ROOM_ID,
  clampBeauty,
  initialForm,
  parseForm,
  randomRoomID,
  randomUserID,
  roomPagePath,
  validateRoomID,
  validateSdkAppID,
  validateSignBaseURL,
  validateSignToken,
  validateUserID,
  type EnterForm,
} from '../../pages/index/form'

const good: EnterForm = {
  sdkAppID: '',
  userID: 'alice_01',
  roomID: '1234',
  template: 'float',
  enableIM: true,
  beauty: 3,
  aspect: '9:16',
  signBaseURL: 'http://127.0.0.1:8787/',
  signToken: '',
  rememberToken: false,
}

describe('enter form validation', () => {
  it.each([
    ['', 'err.userID.empty'],
    ['   ', 'err.userID.empty'],
    ['a'.repeat(33), 'err.userID.tooLong'],
    ['小明', 'err.userID.chars'],
    ['a b', 'err.userID.chars'],
    ['a&b', 'err.userID.chars'],
  ])('userID %j → %s', (raw, key) => {
    expect(validateUserID(raw)).toBe(key)
  })

  it('accepts URL-safe userIDs up to 32 chars', () => {
    expect(validateUserID('a'.repeat(32))).toBeUndefined()
    expect(validateUserID(' swift_panda-42 ')).toBeUndefined()
  })

  it.each([
    ['', 'err.roomID.empty'],
    ['0', 'err.roomID.range'],
    ['4294967295', 'err.roomID.range'],
    ['99999999999999999999', 'err.roomID.range'],
    ['abc', 'err.roomID.notNumber'],
    ['12.5', 'err.roomID.notNumber'],
    ['-3', 'err.roomID.notNumber'],
    ['1e3', 'err.roomID.notNumber'],
  ])('roomID %j → %s', (raw, key) => {
    expect(validateRoomID(raw)).toBe(key)
  })

  it('accepts every integer room id in 1..MAX_ROOM_ID', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: MAX_ROOM_ID }), (n) => validateRoomID(String(n)) === undefined))
    expect(validateRoomID(String(MAX_ROOM_ID))).toBeUndefined()
  })

  it('sdkAppID is optional but must be a positive integer when given', () => {
    expect(validateSdkAppID('')).toBeUndefined()
    expect(validateSdkAppID('1400000001')).toBeUndefined()
    expect(validateSdkAppID('0')).toBe('err.sdkAppID.format')
    expect(validateSdkAppID('14x')).toBe('err.sdkAppID.format')
    expect(validateSdkAppID('99999999999')).toBe('err.sdkAppID.format')
  })

  it('sign service URL must be http(s)', () => {
    expect(validateSignBaseURL('http://127.0.0.1:8787')).toBeUndefined()
    expect(validateSignBaseURL('https://sign.example.com/base')).toBeUndefined()
    expect(validateSignBaseURL('127.0.0.1:8787')).toBe('err.signBaseURL.format')
    expect(validateSignBaseURL('ftp://x')).toBe('err.signBaseURL.format')
    expect(validateSignBaseURL('')).toBe('err.signBaseURL.format')
  })

  it('parseForm reports every bad field at once', () => {
    const result = parseForm({ ...good, userID: '', roomID: '0', sdkAppID: 'x', signBaseURL: 'nope' })
    expect(result).toEqual({
      ok: false,
      errors: { userID: 'err.userID.empty', roomID: 'err.roomID.range', sdkAppID: 'err.sdkAppID.format', signBaseURL: 'err.signBaseURL.format' },
    })
  })

  it('parseForm types and trims a good form', () => {
    const result = parseForm({ ...good, userID: ' alice_01 ', roomID: ' 1234 ', sdkAppID: '1400000001', beauty: 12 })
    expect(result).toEqual({
      ok: true,
      params: {
        sdkAppID: 1400000001,
        userID: 'alice_01',
        roomID: 1234,
        template: 'float',
        enableIM: true,
        beauty: 9,
        aspect: '9:16',
        signBaseURL: 'http://127.0.0.1:8787',
        signToken: null,
      },
    })
    const noApp = parseForm(good)
    expect(noApp.ok && noApp.params.sdkAppID).toBeNull()
  })

  it('takes an optional access token of visible ASCII, trimmed', () => {
    expect(validateSignToken('')).toBeUndefined()
    expect(validateSignToken(' s3cr3t-t0ken_value ')).toBeUndefined()
    expect(validateSignToken('two words')).toBe('err.signToken.format')
    expect(validateSignToken('令牌')).toBe('err.signToken.format')
    expect(validateSignToken('x'.repeat(257))).toBe('err.signToken.format')
    const withToken = parseForm({ ...good, signToken: ' abcdefghijklmnop ' })
    expect(withToken.ok && withToken.params.signToken).toBe('abcdefghijklmnop')
    expect(parseForm({ ...good, signToken: 'a b' })).toEqual({ ok: false, errors: { signToken: 'err.signToken.format' } })
  })

  it('clamps beauty into 0..9', () => {
    expect(clampBeauty(-1)).toBe(0)
    expect(clampBeauty(4.6)).toBe(5)
    expect(clampBeauty(Number.NaN)).toBe(0)
  })
})

describe('defaults', () => {
  it('random user ids are readable and always valid', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 0.9999999, noNaN: true }), (r) => {
      const id = randomUserID(() => r)
      return /^[a-z]+_[a-z]+_\d{2}$/.test(id) && validateUserID(id) === undefined
    }))
    expect(randomUserID(() => 0)).toBe('amber_otter_00')
  })

  it('random room ids are valid 6-digit ids', () => {
    expect(randomRoomID(() => 0)).toBe('100000')
    expect(randomRoomID(() => 0.9999999)).toBe('999999')
    expect(validateRoomID(randomRoomID())).toBeUndefined()
  })

  it('initialForm keeps valid remembered values and replaces stale ones', () => {
    const kept = initialForm({ ...good, template: 'grid', roomID: '77', beauty: 5 }, 'http://d:1', () => 0)
    expect(kept).toMatchObject({ userID: 'alice_01', roomID: '77', template: 'grid', beauty: 5, signBaseURL: 'http://127.0.0.1:8787/' })

    const stale = initialForm(
      { userID: '小明', roomID: '0', template: 'nope' as never, sdkAppID: 'x', signBaseURL: 'bad', aspect: '1:1' as never, beauty: 'x' as never, signToken: 'has space' },
      'http://127.0.0.1:8787',
      () => 0,
    )
    expect(stale).toEqual({
      sdkAppID: '',
      userID: 'amber_otter_00',
      roomID: '100000',
      template: 'float',
      enableIM: true,
      beauty: 3,
      aspect: '9:16',
      signBaseURL: 'http://127.0.0.1:8787',
      signToken: '',
      rememberToken: false,
    })
  })

  it("routes '1v3' to the custom-layout page and the built-ins to the room page", () => {
    expect(roomPagePath('1v3')).toBe('/pages/custom/custom')
    for (const t of ['float', 'bigsmall', 'grid'] as const) expect(roomPagePath(t)).toBe('/pages/room/room')
  })
})

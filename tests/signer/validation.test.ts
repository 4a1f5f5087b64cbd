/** Bad input to the generators: a typed SignError with a clear message, never a crash or a signature. */
import { describe, expect, it } from 'vitest'
import { genPrivateMapKey, genPrivateMapKeyV1, genUserSig, genUserSigV1, SignError, type SignErrorCode } from '../../src/index'
import { fixtureKey } from './helpers'
import { parseRoomRef } from '../../uni_modules/webrtc-room/core/options'
import { ROOM_ID_MAX } from '../../uni_modules/webrtc-room/core/room-id'

const v2 = { sdkAppID: 1400000001, secretKey: 'test-only-key', userID: 'alice', expire: 86400 }
const privateKey = fixtureKey('v1-secp256k1-private.pem')

function failure(run: () => unknown): SignError {
  try {
    run()
  } catch (err) {
    expect(err).toBeInstanceOf(SignError)
    return err as SignError
  }
  throw new Error('expected a SignError, got a signature')
}

const expectCode = (code: SignErrorCode, run: () => unknown, message?: RegExp) => {
  const err = failure(run)
  expect(err.code).toBe(code)
  if (message) expect(err.message).toMatch(message)
}

describe('userID', () => {
  it.each([
    ['empty', ''],
    ['not a string', 42],
    ['33 ASCII bytes', 'a'.repeat(33)],
    ['11 CJK characters = 33 bytes', '中'.repeat(11)],
    ['a newline (would forge a signed line)', 'alice\nTLS.expire:999'],
    ['a tab', 'a\tb'],
    ['DEL', 'a\u007f'],
    ['a lone surrogate', 'a\ud800b'],
  ])('%s is refused', (_, userID) => {
    expectCode('INVALID_USER_ID', () => genUserSig({ ...v2, userID: userID as string }))
    expectCode('INVALID_USER_ID', () => genUserSigV1({ sdkAppID: 1, privateKey, userID: userID as string }))
  })

  it('32 bytes exactly is fine, and the message names the limit when over', () => {
    expect(genUserSig({ ...v2, userID: 'a'.repeat(32) })).toMatch(/^eJ/)
    expectCode('INVALID_USER_ID', () => genUserSig({ ...v2, userID: '😀'.repeat(9) }), /36 bytes.*at most 32/)
  })
})

describe('expire and clock', () => {
  it.each([0, -1, 1.5, Number.NaN, Infinity, 2 ** 31, '86400'])('expire %s is refused', (expire) => {
    expectCode('INVALID_EXPIRE', () => genUserSig({ ...v2, expire: expire as number }), /expire must be/)
  })

  it('a privateMapKey whose absolute expiry overflows 32 bits is refused', () => {
    expectCode('INVALID_EXPIRE', () => genPrivateMapKey({ ...v2, expire: 2 ** 31 - 1, roomID: 1, privilege: 255, now: (2 ** 31 + 1) * 1000 }), /32-bit/)
  })

  it('a negative clock is refused', () => {
    expectCode('INVALID_EXPIRE', () => genUserSig({ ...v2, now: -1 }), /clock/)
  })
})

describe('sdkAppID and keys', () => {
  it.each([0, -5, 2 ** 32, 1.25, '1400000001'])('sdkAppID %s is refused', (sdkAppID) => {
    expectCode('INVALID_SDKAPPID', () => genUserSig({ ...v2, sdkAppID: sdkAppID as number }))
  })

  it('empty or whitespace-padded secretKey is refused, without echoing it', () => {
    expectCode('INVALID_KEY', () => genUserSig({ ...v2, secretKey: '' }))
    const err = failure(() => genUserSig({ ...v2, secretKey: 'abcdef0123\n' }))
    expect(err.code).toBe('INVALID_KEY')
    expect(err.message).toMatch(/trailing newline/)
    expect(err.message).not.toContain('abcdef0123')
  })

  it('v1 refuses garbage PEM, RSA keys and public keys', () => {
    expectCode('INVALID_KEY', () => genUserSigV1({ sdkAppID: 1, privateKey: 'not a pem', userID: 'a' }), /not a readable PEM/)
    expectCode('INVALID_KEY', () => genUserSigV1({ sdkAppID: 1, privateKey: fixtureKey('not-ec-rsa-private.pem'), userID: 'a' }), /EC private key, got private rsa/)
    expectCode('INVALID_KEY', () => genUserSigV1({ sdkAppID: 1, privateKey: fixtureKey('v1-secp256k1-public.pem'), userID: 'a' }))
  })
})

describe('privateMapKey rooms and privileges', () => {
  it('the signer and the client plugin accept exactly the same numeric rooms (one constant, core/room-id.ts)', () => {
    const pmk = { sdkAppID: 1400000000, secretKey: 'k', userID: 'a', expire: 60, privilege: 255 }
    for (const roomID of [0, 1, 2, 0x7fffffff, ROOM_ID_MAX - 1, ROOM_ID_MAX, ROOM_ID_MAX + 1, 2 ** 32, 2 ** 53]) {
      const client = 'kind' in parseRoomRef(roomID)
      let server = true
      try {
        genPrivateMapKey({ ...pmk, roomID })
      } catch {
        server = false
      }
      expect({ roomID, server }).toEqual({ roomID, server: client })
    }
    expect(ROOM_ID_MAX).toBe(4294967294)
  })

  const pmk = { ...v2, privilege: 255 }
  it.each([256, -1, 1.5, 0x1ff, Number.NaN])('privilege %s (unknown bits) is refused', (privilege) => {
    expectCode('INVALID_PRIVILEGE', () => genPrivateMapKey({ ...pmk, roomID: 1, privilege }), /8 known bits/)
    expectCode('INVALID_PRIVILEGE', () => genPrivateMapKeyV1({ sdkAppID: 1, privateKey, userID: 'a', roomID: 1, privilege }))
  })

  it.each([0, -1, 2 ** 32 - 1, 2 ** 32, 3.5])('roomID %s is refused', (roomID) => {
    expectCode('INVALID_ROOM_ID', () => genPrivateMapKey({ ...pmk, roomID }))
  })

  it.each(['', 'x'.repeat(65), 'room/1', '房间', 'a"b', 'new\nline'])('strRoomID %j is refused', (strRoomID) => {
    expectCode('INVALID_ROOM_ID', () => genPrivateMapKey({ ...pmk, strRoomID }))
  })

  it('needs exactly one of roomID and strRoomID', () => {
    expectCode('INVALID_ROOM_ID', () => genPrivateMapKey({ ...pmk } as never), /exactly one/)
    expectCode('INVALID_ROOM_ID', () => genPrivateMapKey({ ...pmk, roomID: 1, strRoomID: 'a' } as never), /exactly one/)
  })

  it('userbuf must be bytes', () => {
    expectCode('INVALID_USERBUF', () => genUserSig({ ...v2, userbuf: 'abc' as never }))
  })
})

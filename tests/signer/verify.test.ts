/** Verifiers: tampering, expiry, mismatches, foreign encodings and hostile input. */
import { describe, expect, it } from 'vitest'
import { deflateSync } from 'node:zlib'
import { decodeUserSig, decodeUserSigV1, decodeUserSigV2, encodePrivateMapRecord, genPrivateMapKey, genUserSig, genUserSigV1, SignError, verifyUserSig, verifyUserSigV1 } from '../../src/index'
import { fixtureKey, sigJson } from './helpers'

const key = 'test-only-secret'
const now = 1_700_000_000_000
const sig = genUserSig({ sdkAppID: 1400000001, secretKey: key, userID: 'alice', expire: 600, now })
const pack = (json: unknown, level = 6) =>
  deflateSync(Buffer.from(JSON.stringify(json)), { level }).toString('base64').replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_')

const malformed = (run: () => unknown, message: RegExp) => {
  let err: unknown
  try {
    run()
  } catch (e) {
    err = e
  }
  expect(err).toBeInstanceOf(SignError)
  expect((err as SignError).code).toBe('MALFORMED_SIG')
  expect((err as SignError).message).toMatch(message)
}

describe('verifyUserSig (v2)', () => {
  it('returns the decoded fields and valid for a good signature', () => {
    expect(verifyUserSig(sig, key, { now, userID: 'alice', sdkAppID: 1400000001 })).toEqual({
      version: '2.0', identifier: 'alice', sdkAppID: 1400000001, time: 1_700_000_000, expire: 600, expireAt: 1_700_000_600,
      hmacValid: true, expired: false, problems: [], valid: true,
    })
  })

  it('a wrong key, a tampered field, expiry and mismatches each say why', () => {
    expect(verifyUserSig(sig, 'other-key', { now })).toMatchObject({ hmacValid: false, valid: false, problems: ['HMAC does not match'] })
    const tampered = pack({ ...sigJson(sig), 'TLS.expire': 999999 })
    expect(verifyUserSig(tampered, key, { now }).hmacValid).toBe(false)
    expect(verifyUserSig(sig, key, { now: now + 601_000 })).toMatchObject({ hmacValid: true, expired: true, valid: false })
    expect(verifyUserSig(sig, key, { now: now + 600_999 }).expired).toBe(false)
    expect(verifyUserSig(sig, key, { now, userID: 'bob', sdkAppID: 1 }).problems).toEqual(['signed for another userID', 'signed for another sdkAppID'])
  })

  it('accepts any zlib level (Go stores uncompressed blocks: eAE…)', () => {
    const stored = pack(sigJson(sig), 0)
    expect(stored.startsWith('eAE')).toBe(true)
    expect(verifyUserSig(stored, key, { now }).valid).toBe(true)
  })

  it('checks the text as written: a digit-string sdkappid signs the same text', () => {
    const json = sigJson(sig)
    const asStrings = pack({ ...json, 'TLS.sdkappid': '1400000001', 'TLS.time': String(json['TLS.time']) })
    expect(verifyUserSig(asStrings, key, { now }).hmacValid).toBe(true)
    expect(verifyUserSig(pack({ ...json, 'TLS.sdkappid': '01400000001' }), key, { now }).hmacValid).toBe(false)
  })

  it('a privateMap record for another user or app makes the key invalid', () => {
    const foreignRecord = encodePrivateMapRecord({ userID: 'mallory', sdkAppID: 7, roomID: 1, expireAt: 1_700_000_300, privilege: 255, accountType: 0 })
    const forged = genUserSig({ sdkAppID: 1400000001, secretKey: key, userID: 'alice', expire: 300, userbuf: foreignRecord, now })
    expect(verifyUserSig(forged, key, { now }).problems).toEqual(['privateMap record names another userID', 'privateMap record names another sdkAppID'])
  })

  it('decodes privateMapKey records', () => {
    const pmk = genPrivateMapKey({ sdkAppID: 1400000001, secretKey: key, userID: 'alice', expire: 300, roomID: 42, privilege: 42, now })
    expect(verifyUserSig(pmk, key, { now }).privateMap).toEqual({ userID: 'alice', sdkAppID: 1400000001, roomID: 42, expireAt: 1_700_000_300, privilege: 42, accountType: 0 })
  })

  it('an app-defined userbuf is returned as bytes without a record', () => {
    const own = genUserSig({ sdkAppID: 1400000001, secretKey: key, userID: 'alice', expire: 60, userbuf: Buffer.from('hello'), now })
    const check = verifyUserSig(own, key, { now })
    expect(check.userbuf?.toString()).toBe('hello')
    expect(check.privateMap).toBeUndefined()
  })

  it('hostile or broken input is a MALFORMED_SIG, not a crash', () => {
    malformed(() => verifyUserSig('', key), /non-empty/)
    malformed(() => verifyUserSig('abc$%', key), /alphabet/)
    malformed(() => verifyUserSig('eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamKlkZmqGK', key), /zlib|JSON/)
    malformed(() => verifyUserSig('a'.repeat(20_000), key), /longer than/)
    malformed(() => verifyUserSig(pack({ pad: 'x'.repeat(200_000) }, 9), key), /inflates to more than/)
    malformed(() => verifyUserSig(pack([1, 2]), key), /not an object/)
    malformed(() => verifyUserSig(pack({ 'TLS.ver': '2.0', 'TLS.identifier': 'a' }), key), /TLS.sdkappid/)
    malformed(() => verifyUserSig(pack({ ...sigJson(sig), 'TLS.time': -5 }), key), /TLS.time/)
    malformed(() => verifyUserSig(pack({ ...sigJson(sig), 'TLS.userbuf': '%%%' }), key), /userbuf/)
    malformed(() => verifyUserSig(genUserSigV1({ sdkAppID: 1, privateKey: fixtureKey('v1-p256-private.pem'), userID: 'a' }), key), /not a v2/)
  })
})

describe('verifyUserSigV1', () => {
  const privateKey = fixtureKey('v1-secp256k1-private.pem')
  const publicKey = fixtureKey('v1-secp256k1-public.pem')
  const v1 = genUserSigV1({ sdkAppID: 1400001052, privateKey, userID: 'abc', expire: 600, now })

  it('returns the v1 fields', () => {
    expect(verifyUserSigV1(v1, publicKey, { now })).toMatchObject({
      version: 'v1', tlsVersion: '201610110000', accountType: '0', appidAt3rd: '0', identifier: 'abc', sdkAppID: 1400001052,
      time: 1_700_000_000, expire: 600, signatureValid: true, valid: true,
    })
    // The private key works as the verification key too (its public half is derived).
    expect(verifyUserSigV1(v1, privateKey, { now }).signatureValid).toBe(true)
  })

  it('a tampered field or a garbage signature is invalid, not an exception', () => {
    expect(verifyUserSigV1(pack({ ...sigJson(v1), 'TLS.identifier': 'abd' }), publicKey, { now }).signatureValid).toBe(false)
    expect(verifyUserSigV1(pack({ ...sigJson(v1), 'TLS.sig': 'AAAA' }), publicKey, { now }).signatureValid).toBe(false)
  })

  it('refuses a non-EC verification key and a v2 signature', () => {
    expect(() => verifyUserSigV1(v1, fixtureKey('not-ec-rsa-private.pem'))).toThrow(/EC public key/)
    malformed(() => verifyUserSigV1(sig, publicKey), /not a v1/)
  })

  it('decodeUserSig tells the generations apart', () => {
    expect(decodeUserSig(v1).version).toBe('v1')
    expect(decodeUserSig(sig).version).toBe('2.0')
    expect(decodeUserSigV1(v1)).toMatchObject({ tlsVersion: '201610110000', identifier: 'abc' })
    expect(decodeUserSigV2(sig)).toMatchObject({ identifier: 'alice', expire: 600 })
    malformed(() => decodeUserSigV2(v1), /not a v2/)
  })
})

/**
 * v1 (ECDSA) against the official tls-sig-api 1.0.2. ECDSA output is randomized, so the tests fix
 * the clock, compare every JSON field except TLS.sig (values and key order), and check each
 * signature by verifying it with the public key — ours by the official verifier and vice versa.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import { Sig } from 'tls-sig-api'
import { genPrivateMapKeyV1, genUserSigV1, verifyUserSigV1 } from '../../src/index'
import * as gen from './helpers'

export const RUNS = 150

const privatePem = gen.fixtureKey('v1-secp256k1-private.pem')
const publicPem = gen.fixtureKey('v1-secp256k1-public.pem')
const officialFor = (sdkAppID: number, expire: number) =>
  new Sig({ sdk_appid: sdkAppID, expire_after: expire, private_key_string: privatePem, public_key_string: publicPem })

const withoutSig = (json: Record<string, unknown>) => Object.entries(json).filter(([key]) => key !== 'TLS.sig')

afterEach(() => vi.restoreAllMocks())

describe('userSig v1 vs tls-sig-api', () => {
  it('same JSON fields in the same order; each side verifies the other', () => {
    fc.assert(
      fc.property(gen.sdkAppID, gen.anyUserID, gen.expire, gen.clockMs, (sdkAppID, userID, expire, now) => {
        const official = gen.atClock(now, () => officialFor(sdkAppID, expire).genSig(userID))
        const ours = gen.atClock(now, () => genUserSigV1({ sdkAppID, privateKey: privatePem, userID, expire }))
        expect(withoutSig(gen.sigJson(ours))).toEqual(withoutSig(gen.sigJson(official)))
        expect(officialFor(sdkAppID, expire).verifySig(ours, userID)).toBe(true)
        const check = verifyUserSigV1(official, publicPem, { now })
        expect(check.signatureValid).toBe(true)
        expect(check).toMatchObject({ identifier: userID, sdkAppID, expire, time: Math.floor(now / 1000), valid: true })
      }),
      { numRuns: RUNS },
    )
  })

  it('with a userbuf: same fields, cross-verified, userbuf returned intact', () => {
    fc.assert(
      fc.property(gen.asciiUserID, gen.clockMs, fc.uint8Array({ minLength: 1, maxLength: 64 }), (userID, now, bytes) => {
        const userbuf = Buffer.from(bytes)
        const official = gen.atClock(now, () => officialFor(1400001052, 86400).genSigWithUserbuf(userID, userbuf))
        const ours = genUserSigV1({ sdkAppID: 1400001052, privateKey: privatePem, userID, expire: 86400, userbuf, now })
        expect(withoutSig(gen.sigJson(ours))).toEqual(withoutSig(gen.sigJson(official)))
        expect(officialFor(1400001052, 86400).verifySigWithUserbuf(ours, userID)).not.toBe(false)
        const check = verifyUserSigV1(official, publicPem, { now })
        expect(check.signatureValid).toBe(true)
        expect(check.userbuf).toEqual(userbuf)
      }),
      { numRuns: RUNS },
    )
  })

  it('the default expire is tls-sig-api\'s 180 days', () => {
    const now = 1_700_000_000_000
    const official = gen.atClock(now, () => new Sig({ sdk_appid: 1400001052, private_key_string: privatePem }).genSig('abc'))
    const ours = genUserSigV1({ sdkAppID: 1400001052, privateKey: privatePem, userID: 'abc', now })
    expect(withoutSig(gen.sigJson(ours))).toEqual(withoutSig(gen.sigJson(official)))
  })

  it('works with a P-256 key too (the curve comes from the PEM)', () => {
    const ours = genUserSigV1({ sdkAppID: 1400000001, privateKey: gen.fixtureKey('v1-p256-private.pem'), userID: 'alice', expire: 60 })
    expect(verifyUserSigV1(ours, gen.fixtureKey('v1-p256-public.pem')).valid).toBe(true)
    expect(verifyUserSigV1(ours, publicPem).signatureValid).toBe(false)
  })
})

describe('privateMapKey v1 (the original PrivMapEncrypt)', () => {
  it('is a tls-sig-api userbuf sig over the record, version 201512300000, verifiable by the official verifier', () => {
    fc.assert(
      fc.property(gen.asciiUserID, gen.clockMs, gen.roomID, gen.privilege, (userID, now, roomID, privilege) => {
        const ours = genPrivateMapKeyV1({ sdkAppID: 1400001052, privateKey: privatePem, userID, roomID, privilege, now })
        const fields = gen.sigJson(ours)
        expect(fields['TLS.version']).toBe('201512300000')
        expect(fields['TLS.expire_after']).toBe('300')
        const record = Buffer.from(fields['TLS.userbuf'] as string, 'base64')
        const official = gen.atClock(now, () => officialFor(1400001052, 300).genSigWithUserbuf(userID, record))
        const officialFields = { ...gen.sigJson(official), 'TLS.version': '201512300000' }
        expect(withoutSig(fields)).toEqual(withoutSig(officialFields))
        expect(officialFor(1400001052, 300).verifySigWithUserbuf(ours, userID)).not.toBe(false)
        const check = verifyUserSigV1(ours, publicPem, { now })
        expect(check.privateMap).toEqual({ userID, sdkAppID: 1400001052, roomID, expireAt: Math.floor(now / 1000) + 300, privilege, accountType: 0 })
      }),
      { numRuns: 100 },
    )
  })

  it('defaults to all privileges, and supports string rooms', () => {
    const sig = genPrivateMapKeyV1({ sdkAppID: 1400001052, privateKey: privatePem, userID: 'u1', strRoomID: 'room-a', expire: 900 })
    expect(verifyUserSigV1(sig, publicPem).privateMap).toMatchObject({ roomID: 0, strRoomID: 'room-a', privilege: 255 })
  })
})

/**
 * Differential tests against the official tls-sig-api-v2 1.0.2: same inputs, same fixed clock,
 * outputs compared as exact strings (so the deflate bytes match too).
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import { Api } from 'tls-sig-api-v2'
import { createV2Signer, decodePrivateMapRecord, genPrivateMapKey, genUserSig, verifyUserSig } from '../../src/index'
import * as gen from './helpers'

/** Runs per property; the report counts them. */
export const RUNS = 1000

afterEach(() => vi.restoreAllMocks())

describe('userSig v2 vs tls-sig-api-v2', () => {
  it('genUserSig is byte-identical for unicode/long userIDs, edge expiries, any sdkAppID and key', () => {
    fc.assert(
      fc.property(gen.sdkAppID, gen.secretKey, gen.anyUserID, gen.expire, gen.clockMs, (sdkAppID, secretKey, userID, expire, now) => {
        const official = gen.atClock(now, () => new Api(sdkAppID, secretKey).genUserSig(userID, expire))
        // Ours reads the same mocked Date.now() when no clock is passed.
        const ours = gen.atClock(now, () => genUserSig({ sdkAppID, secretKey, userID, expire }))
        expect(ours).toBe(official)
        expect(verifyUserSig(ours, secretKey, { now }).hmacValid).toBe(true)
      }),
      { numRuns: RUNS },
    )
  })

  it('an explicit clock gives the same bytes as the official signer at that time', () => {
    fc.assert(
      fc.property(gen.asciiUserID, gen.expire, gen.clockMs, (userID, expire, now) => {
        const official = gen.atClock(now, () => new Api(1400000000, 'k').genUserSig(userID, expire))
        expect(createV2Signer({ sdkAppID: 1400000000, secretKey: 'k' }).genUserSig(userID, expire, { now })).toBe(official)
      }),
      { numRuns: 200 },
    )
  })

  it('a userbuf is signed and carried exactly as genSig(userid, expire, userBuf) does', () => {
    fc.assert(
      fc.property(gen.asciiUserID, gen.expire, gen.clockMs, fc.uint8Array({ minLength: 0, maxLength: 200 }), (userID, expire, now, bytes) => {
        const userbuf = Buffer.from(bytes)
        const official = gen.atClock(now, () => new Api(1400000001, 'secret').genSig(userID, expire, userbuf))
        expect(genUserSig({ sdkAppID: 1400000001, secretKey: 'secret', userID, expire, userbuf, now })).toBe(official)
      }),
      { numRuns: 300 },
    )
  })
})

describe('privateMapKey v2 vs tls-sig-api-v2', () => {
  it('numeric rooms: byte-identical for every privilege map and room id (ASCII userIDs)', () => {
    fc.assert(
      fc.property(gen.sdkAppID, gen.asciiUserID, gen.expire, gen.clockMs, gen.roomID, gen.privilege, (sdkAppID, userID, expire, now, roomID, privilege) => {
        const official = gen.atClock(now, () => new Api(sdkAppID, 'k3y').genPrivateMapKey(userID, expire, roomID, privilege))
        const ours = genPrivateMapKey({ sdkAppID, secretKey: 'k3y', userID, expire, roomID, privilege, now })
        expect(ours).toBe(official)
        const check = verifyUserSig(ours, 'k3y', { now })
        expect(check.privateMap).toEqual({ userID, sdkAppID, roomID, expireAt: Math.floor(now / 1000) + expire, privilege, accountType: 0 })
      }),
      { numRuns: RUNS },
    )
  })

  it('string rooms: byte-identical for every privilege map and TRTC string room id (ASCII userIDs)', () => {
    fc.assert(
      fc.property(gen.asciiUserID, gen.expire, gen.clockMs, gen.strRoomID, gen.privilege, (userID, expire, now, strRoomID, privilege) => {
        const official = gen.atClock(now, () => new Api(1400000000, 'k3y').genPrivateMapKeyWithStringRoomID(userID, expire, strRoomID, privilege))
        const ours = genPrivateMapKey({ sdkAppID: 1400000000, secretKey: 'k3y', userID, expire, strRoomID, privilege, now })
        expect(ours).toBe(official)
        expect(verifyUserSig(ours, 'k3y', { now }).privateMap?.strRoomID).toBe(strRoomID)
      }),
      { numRuns: RUNS },
    )
  })

  it('all 256 privilege maps, one by one', () => {
    const now = 1_700_000_000_123
    for (let privilege = 0; privilege <= 255; privilege++) {
      const official = gen.atClock(now, () => new Api(1400000000, 'k').genPrivateMapKey('alice', 300, 1234, privilege))
      expect(genPrivateMapKey({ sdkAppID: 1400000000, secretKey: 'k', userID: 'alice', expire: 300, roomID: 1234, privilege, now })).toBe(official)
    }
  })

  it('non-ASCII userIDs: ours writes UTF-8 (as the Go/Java signers), the npm package garbles them; all else is equal', () => {
    fc.assert(
      fc.property(gen.unicodeUserID.filter((s) => !gen.isAscii(s)), gen.clockMs, gen.roomID, (userID, now, roomID) => {
        const official = gen.atClock(now, () => new Api(1400000000, 'k').genPrivateMapKey(userID, 600, roomID, 255))
        const ours = genPrivateMapKey({ sdkAppID: 1400000000, secretKey: 'k', userID, expire: 600, roomID, privilege: 255, now })
        const [a, b] = [gen.sigJson(ours), gen.sigJson(official)]
        for (const key of ['TLS.ver', 'TLS.identifier', 'TLS.sdkappid', 'TLS.time', 'TLS.expire']) expect(a[key]).toEqual(b[key])
        expect(decodePrivateMapRecord(Buffer.from(a['TLS.userbuf'] as string, 'base64')).userID).toBe(userID)
        expect(Buffer.from(b['TLS.userbuf'] as string, 'base64').includes(Buffer.from(userID, 'utf8'))).toBe(false)
      }),
      { numRuns: 200 },
    )
  })
})

/** The checked vectors of shared/vectors/usersig.json (copied here so a clean clone has them) (v2 exact, v1 verify-only). */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { decodePrivateMapRecord, decodeUserSig, genPrivateMapKey, genUserSig, verifyUserSig, verifyUserSigV1 } from '../../src/index'

interface V2Case { fn: string; userid: string; roomid?: number; strroomid?: string; privilege?: number; userbuf_hex?: string; tls_sig: string; usersig: string }
const vectors = JSON.parse(readFileSync(new URL('./usersig-vectors.json', import.meta.url), 'utf8').replace(/^\uFEFF/, '')) as {
  v2: { sdkappid: number; key: string; time: number; expire: number; cases: V2Case[] }
  v1_verify: { identifier: string; sdkappid: string; public_key_pem: string; usersig: string; userbuf_base64?: string }[]
}
const { v2 } = vectors
const base = { sdkAppID: v2.sdkappid, secretKey: v2.key, expire: v2.expire, now: v2.time * 1000 }

describe('v2 vectors', () => {
  it.each(v2.cases)('$fn($userid) reproduces the vector', (c) => {
    const sig =
      c.fn === 'genUserSig'
        ? genUserSig({ ...base, userID: c.userid })
        : c.roomid !== undefined
          ? genPrivateMapKey({ ...base, userID: c.userid, roomID: c.roomid, privilege: c.privilege! })
          : genPrivateMapKey({ ...base, userID: c.userid, strRoomID: c.strroomid!, privilege: c.privilege! })
    expect(sig).toBe(c.usersig)
    const check = verifyUserSig(c.usersig, v2.key, { now: base.now })
    expect(check).toMatchObject({ valid: true, identifier: c.userid, sdkAppID: v2.sdkappid, time: v2.time, expire: v2.expire })
    if (c.userbuf_hex) {
      expect(check.userbuf?.toString('hex')).toBe(c.userbuf_hex)
      expect(decodePrivateMapRecord(Buffer.from(c.userbuf_hex, 'hex'))).toMatchObject({ userID: c.userid, privilege: c.privilege })
    }
  })
})

describe('v1 vectors (official tls-sig-api-node tests)', () => {
  it.each(vectors.v1_verify)('verifies $identifier@$sdkappid ($note)', (c) => {
    const check = verifyUserSigV1(c.usersig, c.public_key_pem, { now: 0 })
    expect(check.signatureValid).toBe(true)
    expect(check.identifier).toBe(c.identifier)
    expect(check.sdkAppID).toBe(Number(c.sdkappid))
    if (c.userbuf_base64) expect(check.userbuf?.toString('base64')).toBe(c.userbuf_base64)
    expect(decodeUserSig(c.usersig).version).toBe('v1')
  })

  it('a flipped field breaks the v1 signature', () => {
    const c = vectors.v1_verify[0]
    const wrongKey = vectors.v1_verify[2].public_key_pem
    expect(verifyUserSigV1(c.usersig, wrongKey, { now: 0 })).toMatchObject({ signatureValid: false, valid: false })
  })
})

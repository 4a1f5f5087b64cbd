/**
 * An independent check of what the sign service hands out (PROTOCOL.md 6): decode a v2 userSig,
 * recompute its HMAC-SHA256 with the run's TEST-ONLY secret, and read a privateMapKey's room id.
 * Deliberately not the signer's own verifier, so the browser test cannot agree with a shared bug.
 */
import { createHmac } from 'node:crypto'
import { inflateSync } from 'node:zlib'

export interface DecodedSig {
  identifier: string
  sdkAppID: number
  time: number
  expire: number
  userbuf?: Buffer
  /** The HMAC matches the secret. */
  valid: boolean
}

export function decodeUserSigV2(sig: string, secretKey: string): DecodedSig {
  const b64 = sig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=')
  const json = JSON.parse(inflateSync(Buffer.from(b64, 'base64')).toString('utf8')) as Record<string, unknown>
  const identifier = String(json['TLS.identifier'])
  const sdkAppID = Number(json['TLS.sdkappid'])
  const time = Number(json['TLS.time'])
  const expire = Number(json['TLS.expire'])
  const userbuf = typeof json['TLS.userbuf'] === 'string' ? (json['TLS.userbuf'] as string) : undefined
  let text = `TLS.identifier:${identifier}\nTLS.sdkappid:${sdkAppID}\nTLS.time:${time}\nTLS.expire:${expire}\n`
  if (userbuf !== undefined) text += `TLS.userbuf:${userbuf}\n`
  const expected = createHmac('sha256', secretKey).update(text).digest('base64')
  return {
    identifier,
    sdkAppID,
    time,
    expire,
    userbuf: userbuf !== undefined ? Buffer.from(userbuf, 'base64') : undefined,
    valid: expected === json['TLS.sig'],
  }
}

/** The numeric room id and privilege map inside a privateMapKey's userbuf (big-endian record). */
export function privateMapKeyRoom(userbuf: Buffer): { userID: string; roomID: number; privilege: number } {
  const idLength = userbuf.readUInt16BE(1)
  const userID = userbuf.subarray(3, 3 + idLength).toString('utf8')
  let at = 3 + idLength
  at += 4 // sdkappid
  const roomID = userbuf.readUInt32BE(at)
  at += 4 + 4 // roomID, expiry
  const privilege = userbuf.readUInt32BE(at)
  return { userID, roomID, privilege }
}

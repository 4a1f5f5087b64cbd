/**
 * userSig v2 (today's TRTC and IM): HMAC-SHA256 with the app's secretKey over
 * `TLS.identifier:U\nTLS.sdkappid:S\nTLS.time:T\nTLS.expire:E\n[TLS.userbuf:B64\n]`, packed as
 * JSON → zlib → TLS base64. Byte-identical to tls-sig-api-v2 for the same inputs and clock.
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto'
import { packSig } from './sig-codec'
import { assertClock, assertExpire, assertSdkAppID, assertSecretKey, assertUserID } from './validate'
import { SignError } from './errors'

export interface V2Credentials {
  sdkAppID: number
  /** The app's key from the TRTC console, used as its UTF-8 text (not hex-decoded). Server side only. */
  secretKey: string
}

export interface V2SignOptions {
  /** Opaque bytes to bind into the signature (privateMapKey uses this for its record). */
  userbuf?: Uint8Array
  /** Clock in ms since the epoch (Date.now() when absent); the signature carries its whole second. */
  now?: number
}

export interface GenUserSigInput extends V2Credentials, V2SignOptions {
  userID: string
  /** Lifetime in seconds from now. */
  expire: number
}

export interface V2Signer {
  readonly sdkAppID: number
  /** Signs userID for `expire` seconds; throws SignError on bad input. */
  genUserSig(userID: string, expire: number, options?: V2SignOptions): string
  /**
   * The signing step alone, for callers in this package that validated userID, expire and the
   * clock already (privateMapKey): skips repeating the checks on a hot path.
   */
  signValidated(userID: string, expire: number, timeSeconds: number, userbufBase64?: string): string
}

/** The exact text the HMAC covers; verifiers rebuild it from the decoded JSON. */
export function v2SignedText(identifier: string, sdkAppID: string | number, time: string | number, expire: string | number, userbufBase64?: string): string {
  const text = `TLS.identifier:${identifier}\nTLS.sdkappid:${sdkAppID}\nTLS.time:${time}\nTLS.expire:${expire}\n`
  return userbufBase64 === undefined ? text : `${text}TLS.userbuf:${userbufBase64}\n`
}

export function v2Hmac(key: KeyObject, signedText: string): string {
  return createHmac('sha256', key).update(signedText, 'utf8').digest('base64')
}

export function v2Key(secretKey: string): KeyObject {
  assertSecretKey(secretKey)
  return createSecretKey(Buffer.from(secretKey, 'utf8'))
}

/** Validates the credentials once and keeps the key object, for services that sign many times. */
export function createV2Signer(credentials: V2Credentials): V2Signer {
  const { sdkAppID } = credentials
  assertSdkAppID(sdkAppID)
  const key = v2Key(credentials.secretKey)
  const signValidated = (userID: string, expire: number, time: number, userbufBase64?: string): string => {
    const sig = v2Hmac(key, v2SignedText(userID, sdkAppID, time, expire, userbufBase64))
    // Same key order and number formatting as JSON.stringify of the official object.
    const userbufField = userbufBase64 === undefined ? '' : `,"TLS.userbuf":"${userbufBase64}"`
    return packSig(
      `{"TLS.ver":"2.0","TLS.identifier":${JSON.stringify(userID)},"TLS.sdkappid":${sdkAppID},"TLS.time":${time},"TLS.expire":${expire}${userbufField},"TLS.sig":"${sig}"}`,
    )
  }
  return {
    sdkAppID,
    signValidated,
    genUserSig(userID, expire, options) {
      assertUserID(userID)
      assertExpire(expire)
      const now = options?.now ?? Date.now()
      assertClock(now)
      const userbuf = options?.userbuf
      if (userbuf !== undefined && !(userbuf instanceof Uint8Array)) throw new SignError('INVALID_USERBUF', 'userbuf must be bytes (Uint8Array/Buffer)')
      const userbufBase64 = userbuf && Buffer.from(userbuf.buffer, userbuf.byteOffset, userbuf.byteLength).toString('base64')
      return signValidated(userID, expire, Math.floor(now / 1000), userbufBase64)
    },
  }
}

/** One-shot form of createV2Signer(...).genUserSig(...). */
export function genUserSig(input: GenUserSigInput): string {
  return createV2Signer(input).genUserSig(input.userID, input.expire, { userbuf: input.userbuf, now: input.now })
}

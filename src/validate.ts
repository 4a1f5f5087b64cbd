/**
 * Input checks shared by every generator: each throws a SignError naming the field and the rule,
 * so bad input never reaches the crypto (or, worse, produces a signature for a garbled text).
 */
import { SignError } from './errors'
import { ALL_PRIVILEGES, MAX_EXPIRE_SECONDS, MAX_ROOM_ID, MAX_SDKAPPID, MAX_STR_ROOM_ID_LENGTH, MAX_USER_ID_BYTES } from './limits'

const isUint = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max

export function assertSdkAppID(sdkAppID: unknown): asserts sdkAppID is number {
  if (!isUint(sdkAppID, MAX_SDKAPPID) || sdkAppID === 0) {
    throw new SignError('INVALID_SDKAPPID', `sdkAppID must be an integer from 1 to ${MAX_SDKAPPID}, got ${describe(sdkAppID)}`)
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Any Unicode text is a valid IM identifier, but a control character (a newline above all) would
 * let a userID forge extra `key:value` lines in the signed text, so those are refused.
 */
export function assertUserID(userID: unknown): asserts userID is string {
  if (typeof userID !== 'string' || userID.length === 0) {
    throw new SignError('INVALID_USER_ID', `userID must be a non-empty string, got ${describe(userID)}`)
  }
  if (LONE_SURROGATE.test(userID)) {
    throw new SignError('INVALID_USER_ID', 'userID contains a lone UTF-16 surrogate (not valid Unicode)')
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(userID)) {
    throw new SignError('INVALID_USER_ID', 'userID must not contain control characters (newline, tab, ...)')
  }
  const bytes = Buffer.byteLength(userID, 'utf8')
  if (bytes > MAX_USER_ID_BYTES) {
    throw new SignError('INVALID_USER_ID', `userID is ${bytes} bytes in UTF-8; TRTC/IM allow at most ${MAX_USER_ID_BYTES}`)
  }
}

export function assertExpire(expire: unknown): asserts expire is number {
  if (!isUint(expire, MAX_EXPIRE_SECONDS) || expire === 0) {
    throw new SignError('INVALID_EXPIRE', `expire must be a positive whole number of seconds up to ${MAX_EXPIRE_SECONDS}, got ${describe(expire)}`)
  }
}

export function assertPrivilege(privilege: unknown): asserts privilege is number {
  if (!isUint(privilege, ALL_PRIVILEGES)) {
    throw new SignError(
      'INVALID_PRIVILEGE',
      `privilege must be a bitmap of the 8 known bits (0-255: 1 create, 2 enter, 4 send audio, 8 receive audio, 16 send video, 32 receive video, 64 send aux, 128 receive aux), got ${describe(privilege)}`,
    )
  }
}

export function assertRoomID(roomID: unknown): asserts roomID is number {
  if (!isUint(roomID, MAX_ROOM_ID) || roomID === 0) {
    throw new SignError('INVALID_ROOM_ID', `roomID must be an integer from 1 to ${MAX_ROOM_ID}, got ${describe(roomID)}`)
  }
}

/** TRTC's documented alphabet for string room ids (ASCII only, so every official signer agrees on the bytes). */
const STR_ROOM_ID = /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]+$/

export function assertStrRoomID(strRoomID: unknown): asserts strRoomID is string {
  if (typeof strRoomID !== 'string' || strRoomID.length === 0 || strRoomID.length > MAX_STR_ROOM_ID_LENGTH) {
    throw new SignError('INVALID_ROOM_ID', `strRoomID must be a string of 1 to ${MAX_STR_ROOM_ID_LENGTH} characters, got ${describe(strRoomID)}`)
  }
  if (!STR_ROOM_ID.test(strRoomID)) {
    throw new SignError('INVALID_ROOM_ID', 'strRoomID may contain only letters, digits, space and !#$%&()+-:;<=.>?@[]^_{}|~,')
  }
}

/** The v2 secretKey is used as its UTF-8 text; stray whitespace (a file's trailing newline) would sign with the wrong key. */
export function assertSecretKey(secretKey: unknown): asserts secretKey is string {
  if (typeof secretKey !== 'string' || secretKey.length === 0) {
    throw new SignError('INVALID_KEY', 'secretKey must be a non-empty string (the TRTC console key)')
  }
  if (secretKey.trim() !== secretKey) {
    throw new SignError('INVALID_KEY', 'secretKey has leading or trailing whitespace; strip it (a trailing newline from a file is the usual cause)')
  }
}

/** Milliseconds since the epoch, as Date.now() returns; the signers take the second it falls in. */
export function assertClock(nowMs: unknown): asserts nowMs is number {
  if (typeof nowMs !== 'number' || !Number.isFinite(nowMs) || nowMs < 0) {
    throw new SignError('INVALID_EXPIRE', `clock must be a non-negative number of milliseconds, got ${describe(nowMs)}`)
  }
}

/** For messages: the type and a short preview, never a long value. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? `a ${value.length}-character string` : JSON.stringify(value)
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value)
  return typeof value
}

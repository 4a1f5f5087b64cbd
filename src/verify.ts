/**
 * Decoding and checking of userSigs and privateMapKeys, v2 (HMAC, needs the secretKey) and v1
 * (ECDSA, needs only the public key). Malformed input throws SignError('MALFORMED_SIG'); a
 * well-formed signature that fails a check is returned with `valid: false` and the reasons.
 */
import { timingSafeEqual, verify as ecdsaVerify, type KeyObject } from 'node:crypto'
import { SignError } from './errors'
import { decodePrivateMapRecord, type PrivateMapRecord } from './private-map-record'
import { unpackSig, type SigJson } from './sig-codec'
import { v1PublicKey, v1SignedText } from './usersig-v1'
import { v2Hmac, v2Key, v2SignedText } from './usersig-v2'

export interface VerifyOptions {
  /** Clock in ms (Date.now() when absent), for `expired`. */
  now?: number
  /** When given, a signature for another userID / sdkAppID is not valid. */
  userID?: string
  sdkAppID?: number
}

interface CommonFields {
  identifier: string
  sdkAppID: number
  /** Unix seconds of signing. */
  time: number
  /** Lifetime in seconds. */
  expire: number
  /** time + expire. */
  expireAt: number
  userbuf?: Buffer
  /** The userbuf read as a privateMapKey record, when it is one. */
  privateMap?: PrivateMapRecord
}

export interface UserSigFieldsV2 extends CommonFields {
  version: '2.0'
}

export interface UserSigFieldsV1 extends CommonFields {
  version: 'v1'
  /** TLS.version, e.g. 201610110000. */
  tlsVersion: string
  accountType: string
  appidAt3rd?: string
}

interface Checks {
  expired: boolean
  /** Empty when valid: signature mismatch, expiry, userID/sdkAppID mismatch. */
  problems: string[]
  valid: boolean
}

export type VerifyResultV2 = UserSigFieldsV2 & Checks & { hmacValid: boolean }
export type VerifyResultV1 = UserSigFieldsV1 & Checks & { signatureValid: boolean }

const malformed = (why: string): never => {
  throw new SignError('MALFORMED_SIG', why)
}

/** Integer field written as a JSON number (v2) or a digit string (v1, and some older v2 signers). */
function uintField(json: SigJson, name: string): number {
  const value = json[name]
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value)
  return malformed(`${name} is missing or not a whole number`)
}

function stringField(json: SigJson, name: string): string {
  const value = json[name]
  return typeof value === 'string' && value.length > 0 ? value : malformed(`${name} is missing or not a string`)
}

function userbufFields(json: SigJson): Pick<CommonFields, 'userbuf' | 'privateMap'> {
  if (!('TLS.userbuf' in json)) return {}
  const text = stringField(json, 'TLS.userbuf')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) malformed('TLS.userbuf is not base64')
  const userbuf = Buffer.from(text, 'base64')
  try {
    return { userbuf, privateMap: decodePrivateMapRecord(userbuf) }
  } catch {
    return { userbuf } // An app's own userbuf, not a privateMapKey record.
  }
}

function common(json: SigJson, identifierKey: string, sdkAppIDKey: string, expireKey: string): CommonFields {
  const identifier = stringField(json, identifierKey)
  const sdkAppID = uintField(json, sdkAppIDKey)
  const time = uintField(json, 'TLS.time')
  const expire = uintField(json, expireKey)
  stringField(json, 'TLS.sig')
  return { identifier, sdkAppID, time, expire, expireAt: time + expire, ...userbufFields(json) }
}

function v2Fields(json: SigJson): UserSigFieldsV2 {
  if (json['TLS.ver'] !== '2.0') malformed('not a v2 signature (TLS.ver is not "2.0")')
  return { version: '2.0', ...common(json, 'TLS.identifier', 'TLS.sdkappid', 'TLS.expire') }
}

function v1Fields(json: SigJson): UserSigFieldsV1 {
  if ('TLS.ver' in json) malformed('not a v1 signature (it has TLS.ver)')
  return {
    version: 'v1',
    tlsVersion: typeof json['TLS.version'] === 'string' ? json['TLS.version'] : '',
    accountType: String(uintField(json, 'TLS.account_type')),
    ...('TLS.appid_at_3rd' in json ? { appidAt3rd: String(json['TLS.appid_at_3rd']) } : {}),
    ...common(json, 'TLS.identifier', 'TLS.sdk_appid', 'TLS.expire_after'),
  }
}

/** Decodes a v2 userSig / privateMapKey without checking it. */
export const decodeUserSigV2 = (sig: string): UserSigFieldsV2 => v2Fields(unpackSig(sig))

/** Decodes a v1 userSig / privateMapKey without checking it. */
export const decodeUserSigV1 = (sig: string): UserSigFieldsV1 => v1Fields(unpackSig(sig))

/** Either generation, told apart by its JSON (v2 has TLS.ver "2.0"). */
export function decodeUserSig(sig: string): UserSigFieldsV2 | UserSigFieldsV1 {
  const json = unpackSig(sig)
  return json['TLS.ver'] === '2.0' ? v2Fields(json) : v1Fields(json)
}

function checks(fields: CommonFields, signatureOk: boolean, what: string, options: VerifyOptions): Checks {
  const problems: string[] = []
  if (!signatureOk) problems.push(`${what} does not match`)
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000)
  const expired = nowSeconds > fields.expireAt
  if (expired) problems.push(`expired at ${new Date(fields.expireAt * 1000).toISOString()}`)
  if (options.userID !== undefined && options.userID !== fields.identifier) problems.push('signed for another userID')
  if (options.sdkAppID !== undefined && options.sdkAppID !== fields.sdkAppID) problems.push('signed for another sdkAppID')
  if (fields.privateMap && fields.privateMap.userID !== fields.identifier) problems.push('privateMap record names another userID')
  if (fields.privateMap && fields.privateMap.sdkAppID !== fields.sdkAppID) problems.push('privateMap record names another sdkAppID')
  return { expired, problems, valid: problems.length === 0 }
}

/** Decodes a v2 signature and checks its HMAC with the secretKey (constant-time compare). */
export function verifyUserSig(sig: string, secretKey: string | KeyObject, options: VerifyOptions = {}): VerifyResultV2 {
  const json = unpackSig(sig)
  const fields = v2Fields(json)
  const key = typeof secretKey === 'string' ? v2Key(secretKey) : secretKey
  // Rebuild the text from the values as written (numbers or digit strings, already checked), as Tencent's verifiers do.
  const raw = (name: string) => String(json[name])
  const text = v2SignedText(fields.identifier, raw('TLS.sdkappid'), raw('TLS.time'), raw('TLS.expire'), json['TLS.userbuf'] as string | undefined)
  const expected = Buffer.from(v2Hmac(key, text), 'base64')
  const given = Buffer.from(json['TLS.sig'] as string, 'base64')
  const hmacValid = given.length === expected.length && timingSafeEqual(given, expected)
  return { ...fields, hmacValid, ...checks(fields, hmacValid, 'HMAC', options) }
}

/** Decodes a v1 signature and checks its ECDSA signature with the app's public key. */
export function verifyUserSigV1(sig: string, publicKey: string | KeyObject, options: VerifyOptions = {}): VerifyResultV1 {
  const json = unpackSig(sig)
  const fields = v1Fields(json)
  const key = v1PublicKey(publicKey)
  let signatureValid: boolean
  try {
    signatureValid = ecdsaVerify('sha256', Buffer.from(v1SignedText(json), 'utf8'), key, Buffer.from(json['TLS.sig'] as string, 'base64'))
  } catch {
    signatureValid = false // Not DER, wrong length, ...: simply not a valid signature.
  }
  return { ...fields, signatureValid, ...checks(fields, signatureValid, 'ECDSA signature', options) }
}

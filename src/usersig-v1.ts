/**
 * userSig v1 (the 2018 original, "ECDSA-SHA256"): an ECDSA signature (SHA-256, DER) with the app's
 * private key over `name:value\n` lines, packed as JSON → zlib → TLS base64. Field order, values
 * and text follow tls-sig-api 1.0.2. ECDSA is randomized, so outputs are compared by verifying.
 * The curve is whatever the PEM says (Tencent's keys are secp256k1).
 */
import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto'
import { SignError } from './errors'
import { DEFAULT_USERSIG_V1_EXPIRE } from './limits'
import { packSig } from './sig-codec'
import { assertClock, assertExpire, assertSdkAppID, assertUserID } from './validate'

/** tls-sig-api writes this version; the 2018 PHP sample and privateMapKey v1 wrote 201512300000. */
export const V1_USERSIG_VERSION = '201610110000'
export const V1_PRIVATE_MAP_KEY_VERSION = '201512300000'

export interface GenUserSigV1Input {
  sdkAppID: number
  /** PEM text (or a KeyObject) of the app's EC private key. Server side only. */
  privateKey: string | KeyObject
  userID: string
  /** Seconds; default 180 days as in tls-sig-api. */
  expire?: number
  userbuf?: Uint8Array
  now?: number
  /** TLS.version to write; default the one tls-sig-api writes. */
  version?: string
}

/** Lines in the signed text. appid_at_3rd leads when present; the userbuf form always has it. */
export function v1SignedText(fields: Record<string, unknown>): string {
  const names = ['TLS.account_type', 'TLS.identifier', 'TLS.sdk_appid', 'TLS.time', 'TLS.expire_after']
  if ('TLS.userbuf' in fields) names.push('TLS.userbuf')
  if ('TLS.appid_at_3rd' in fields) names.unshift('TLS.appid_at_3rd')
  return names.map((name) => `${name}:${fields[name]}\n`).join('')
}

export function v1PrivateKey(privateKey: string | KeyObject): KeyObject {
  let key: KeyObject
  try {
    key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey
  } catch {
    throw new SignError('INVALID_KEY', 'privateKey is not a readable PEM private key')
  }
  if (key.type !== 'private' || key.asymmetricKeyType !== 'ec') {
    throw new SignError('INVALID_KEY', `v1 signing needs an EC private key, got ${key.type} ${key.asymmetricKeyType ?? 'secret'} key`)
  }
  return key
}

export function v1PublicKey(publicKey: string | KeyObject): KeyObject {
  let key: KeyObject
  try {
    key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey.type === 'private' ? createPublicKey(publicKey) : publicKey
  } catch {
    throw new SignError('INVALID_KEY', 'publicKey is not a readable PEM key')
  }
  if (key.asymmetricKeyType !== 'ec') throw new SignError('INVALID_KEY', `v1 verification needs an EC public key, got ${key.asymmetricKeyType ?? 'secret'} key`)
  return key
}

export function genUserSigV1(input: GenUserSigV1Input): string {
  const { sdkAppID, userID } = input
  const expire = input.expire ?? DEFAULT_USERSIG_V1_EXPIRE
  assertSdkAppID(sdkAppID)
  assertUserID(userID)
  assertExpire(expire)
  const now = input.now ?? Date.now()
  assertClock(now)
  const key = v1PrivateKey(input.privateKey)
  if (input.userbuf !== undefined && !(input.userbuf instanceof Uint8Array)) {
    throw new SignError('INVALID_USERBUF', 'userbuf must be bytes (Uint8Array/Buffer)')
  }
  // v1 writes every value as a string, in this key order (tls-sig-api).
  const fields: Record<string, string> = {
    'TLS.account_type': '0',
    'TLS.identifier': userID,
    'TLS.appid_at_3rd': '0',
    'TLS.sdk_appid': String(sdkAppID),
    'TLS.expire_after': String(expire),
    'TLS.version': input.version ?? V1_USERSIG_VERSION,
    'TLS.time': String(Math.floor(now / 1000)),
  }
  if (input.userbuf !== undefined) fields['TLS.userbuf'] = Buffer.from(input.userbuf).toString('base64')
  fields['TLS.sig'] = sign('sha256', Buffer.from(v1SignedText(fields), 'utf8'), key).toString('base64')
  return packSig(JSON.stringify(fields))
}

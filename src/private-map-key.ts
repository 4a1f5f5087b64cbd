/**
 * privateMapKey: a signature that binds a userID to one room and a set of privileges, for apps
 * that turn on "room permission keys" in the TRTC console. v2 = a v2 userSig whose userbuf is the
 * record of private-map-record.ts; v1 = the 2018 original's ECDSA form with the same record.
 */
import type { KeyObject } from 'node:crypto'
import { SignError } from './errors'
import { ALL_PRIVILEGES, DEFAULT_PRIVATE_MAP_KEY_V1_EXPIRE } from './limits'
import { encodePrivateMapRecord } from './private-map-record'
import { createV2Signer, type V2Credentials, type V2Signer } from './usersig-v2'
import { genUserSigV1, V1_PRIVATE_MAP_KEY_VERSION } from './usersig-v1'
import { assertClock, assertExpire, assertPrivilege, assertRoomID, assertSdkAppID, assertStrRoomID, assertUserID } from './validate'

/** Exactly one of roomID (numeric, 1..2^32-1) and strRoomID (TRTC string room id). */
export type RoomTarget = { roomID: number; strRoomID?: undefined } | { strRoomID: string; roomID?: undefined }

export type PrivateMapKeyParams = RoomTarget & {
  userID: string
  /** Seconds from now. */
  expire: number
  /** Bitmap: 1 create, 2 enter, 4 send audio, 8 receive audio, 16 send video, 32 receive video, 64 send aux, 128 receive aux; 255 = all. */
  privilege: number
  now?: number
}

export type GenPrivateMapKeyInput = V2Credentials & PrivateMapKeyParams

export type GenPrivateMapKeyV1Input = RoomTarget & {
  sdkAppID: number
  privateKey: string | KeyObject
  userID: string
  /** Seconds; default 300 as in the original. */
  expire?: number
  /** Default 255 (the original always granted all). */
  privilege?: number
  now?: number
}

/** Validates everything a privateMapKey needs and returns its record and the signing second. */
function buildRecord(sdkAppID: number, params: PrivateMapKeyParams, nowMs: number): { record: Buffer; time: number } {
  const { userID, expire, privilege } = params
  assertSdkAppID(sdkAppID)
  assertUserID(userID)
  assertExpire(expire)
  assertPrivilege(privilege)
  assertClock(nowMs)
  const hasNumeric = params.roomID !== undefined
  if (hasNumeric === (params.strRoomID !== undefined)) throw new SignError('INVALID_ROOM_ID', 'give exactly one of roomID and strRoomID')
  let roomID = 0
  if (hasNumeric) {
    assertRoomID(params.roomID)
    roomID = params.roomID
  } else {
    assertStrRoomID(params.strRoomID)
  }
  const time = Math.floor(nowMs / 1000)
  const expireAt = time + expire
  if (expireAt > 0xffffffff) throw new SignError('INVALID_EXPIRE', 'now + expire does not fit the record\'s 32-bit expiry')
  // Plain literals, no spreads: this runs once per signature in a service.
  const record = encodePrivateMapRecord({ userID, sdkAppID, roomID, strRoomID: params.strRoomID, expireAt, privilege, accountType: 0 })
  return { record, time }
}

/** v2 privateMapKey with a prepared signer (what a service keeps). */
export function signPrivateMapKey(signer: V2Signer, params: PrivateMapKeyParams): string {
  const { record, time } = buildRecord(signer.sdkAppID, params, params.now ?? Date.now())
  return signer.signValidated(params.userID, params.expire, time, record.toString('base64'))
}

/** v2 privateMapKey; same bytes as tls-sig-api-v2's genPrivateMapKey / genPrivateMapKeyWithStringRoomID for ASCII userIDs. */
export function genPrivateMapKey(input: GenPrivateMapKeyInput): string {
  return signPrivateMapKey(createV2Signer(input), input)
}

/** v1 privateMapKey (the original's PrivMapEncrypt): ECDSA userSig with the record in TLS.userbuf. */
export function genPrivateMapKeyV1(input: GenPrivateMapKeyV1Input): string {
  const now = input.now ?? Date.now()
  const expire = input.expire ?? DEFAULT_PRIVATE_MAP_KEY_V1_EXPIRE
  const params = { ...input, expire, privilege: input.privilege ?? ALL_PRIVILEGES } as PrivateMapKeyParams
  const { record: userbuf } = buildRecord(input.sdkAppID, params, now)
  return genUserSigV1({
    sdkAppID: input.sdkAppID,
    privateKey: input.privateKey,
    userID: input.userID,
    expire,
    userbuf,
    now,
    version: V1_PRIVATE_MAP_KEY_VERSION,
  })
}

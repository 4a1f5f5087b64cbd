/**
 * The body of POST /api/usersig: `{userID, roomID?, strRoomID?, privilege?}`. userID must be what
 * the plugin accepts in a room URL (letters, digits, `_`, `-`, at most 32); a room asks for a
 * privateMapKey too, with `privilege` (default 255). Shared by the HTTP service and the uniCloud
 * cloud function (src/unicloud/), so both accept and sign exactly the same requests.
 */
import { signPrivateMapKey, type RoomTarget } from '../private-map-key'
import type { V2Signer } from '../usersig-v2'
import { SignError } from '../errors'
import { ALL_PRIVILEGES } from '../limits'
import { assertPrivilege, assertRoomID, assertStrRoomID } from '../validate'
import { HttpError } from './http-error'

export interface SignRequest {
  userID: string
  room?: RoomTarget
  privilege: number
}

const USER_ID = /^[A-Za-z0-9_-]{1,32}$/

function fromSignError(run: () => void): void {
  try {
    run()
  } catch (err) {
    if (err instanceof SignError && (err.code === 'INVALID_ROOM_ID' || err.code === 'INVALID_PRIVILEGE')) {
      throw new HttpError(400, err.code, err.message)
    }
    throw err
  }
}

export function parseSignRequest(body: unknown): SignRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'BAD_REQUEST', 'the body must be a JSON object like {"userID":"alice","roomID":1234}')
  }
  const { userID, roomID, strRoomID, privilege } = body as Record<string, unknown>
  if (userID === undefined || userID === null || userID === '') throw new HttpError(400, 'INVALID_USER_ID', 'userID is required')
  if (typeof userID !== 'string' || !USER_ID.test(userID)) {
    throw new HttpError(400, 'INVALID_USER_ID', 'userID must be 1-32 characters of letters, digits, "_" or "-"')
  }
  if (roomID !== undefined && strRoomID !== undefined) throw new HttpError(400, 'INVALID_ROOM_ID', 'give roomID or strRoomID, not both')
  let room: RoomTarget | undefined
  if (roomID !== undefined) {
    fromSignError(() => assertRoomID(roomID))
    room = { roomID: roomID as number }
  } else if (strRoomID !== undefined) {
    fromSignError(() => assertStrRoomID(strRoomID))
    room = { strRoomID: strRoomID as string }
  }
  if (privilege !== undefined) {
    if (!room) throw new HttpError(400, 'INVALID_PRIVILEGE', 'privilege applies to a privateMapKey: give roomID or strRoomID with it')
    fromSignError(() => assertPrivilege(privilege))
  }
  return { userID, ...(room ? { room } : {}), privilege: (privilege as number | undefined) ?? ALL_PRIVILEGES }
}

export interface SignedCredentials {
  userSig: string
  privateMapKey?: string
  /** Unix seconds when both expire. */
  expireAt: number
}

/** Signs a parsed request: a userSig, and a privateMapKey when it names a room, both for `expire` seconds. */
export function signRequest(signer: V2Signer, request: SignRequest, expire: number, now = Date.now()): SignedCredentials {
  const userSig = signer.genUserSig(request.userID, expire, { now })
  const expireAt = Math.floor(now / 1000) + expire
  if (!request.room) return { userSig, expireAt }
  const privateMapKey = signPrivateMapKey(signer, { ...request.room, userID: request.userID, expire, privilege: request.privilege, now })
  return { userSig, privateMapKey, expireAt }
}

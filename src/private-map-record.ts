/**
 * The binary record a privateMapKey carries in `TLS.userbuf` (big-endian):
 * u8 version (0 numeric room, 1 string room) · u16 userID length · userID bytes · u32 sdkAppID ·
 * u32 roomID (0 for string rooms) · u32 absolute expiry · u32 privilege map · u32 account type ·
 * [string rooms: u16 length · room bytes].
 *
 * userID is written as UTF-8 with its byte length, as Tencent's Go/Java/C++ signers do. The npm
 * package tls-sig-api-v2 writes one byte per UTF-16 unit (`charCodeAt`, truncated), which differs
 * only for non-ASCII userIDs and garbles them; TRTC userIDs are ASCII in practice.
 */
import { SignError } from './errors'

export interface PrivateMapRecord {
  userID: string
  sdkAppID: number
  /** 0 when the record names a string room. */
  roomID: number
  strRoomID?: string
  /** Unix seconds (mod 2^32): time of signing + expire. */
  expireAt: number
  privilege: number
  accountType: number
}

const FIXED_BYTES = 1 + 2 + 4 * 5

export function encodePrivateMapRecord(record: PrivateMapRecord): Buffer {
  const user = Buffer.from(record.userID, 'utf8')
  const room = record.strRoomID === undefined ? null : Buffer.from(record.strRoomID, 'utf8')
  // Every byte is written below, so the pooled unsafe allocation leaks nothing.
  const buf = Buffer.allocUnsafe(FIXED_BYTES + user.length + (room ? 2 + room.length : 0))
  let at = buf.writeUInt8(room ? 1 : 0, 0)
  at = buf.writeUInt16BE(user.length, at)
  at += user.copy(buf, at)
  at = buf.writeUInt32BE(record.sdkAppID >>> 0, at)
  at = buf.writeUInt32BE(record.roomID >>> 0, at)
  at = buf.writeUInt32BE(record.expireAt >>> 0, at)
  at = buf.writeUInt32BE(record.privilege >>> 0, at)
  at = buf.writeUInt32BE(record.accountType >>> 0, at)
  if (room) {
    at = buf.writeUInt16BE(room.length, at)
    room.copy(buf, at)
  }
  return buf
}

/** Reads a record back; anything short, long or with an unknown version is an INVALID_USERBUF. */
export function decodePrivateMapRecord(bytes: Uint8Array): PrivateMapRecord {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const fail = (why: string): never => {
    throw new SignError('INVALID_USERBUF', `userbuf is not a privateMapKey record: ${why}`)
  }
  if (buf.length < FIXED_BYTES) fail(`${buf.length} bytes is too short`)
  const version = buf.readUInt8(0)
  if (version !== 0 && version !== 1) fail(`unknown version ${version}`)
  const userLength = buf.readUInt16BE(1)
  let at = 3 + userLength
  if (buf.length < at + 20) fail('userID length runs past the end')
  const userID = buf.toString('utf8', 3, at)
  const sdkAppID = buf.readUInt32BE(at)
  const roomID = buf.readUInt32BE(at + 4)
  const expireAt = buf.readUInt32BE(at + 8)
  const privilege = buf.readUInt32BE(at + 12)
  const accountType = buf.readUInt32BE(at + 16)
  at += 20
  let strRoomID: string | undefined
  if (version === 1) {
    if (buf.length < at + 2) fail('string room length missing')
    const roomLength = buf.readUInt16BE(at)
    at += 2
    if (buf.length !== at + roomLength) fail('string room length does not match the record')
    strRoomID = buf.toString('utf8', at, at + roomLength)
  } else if (buf.length !== at) {
    fail(`${buf.length - at} trailing bytes`)
  }
  return { userID, sdkAppID, roomID, ...(strRoomID !== undefined ? { strRoomID } : {}), expireAt, privilege, accountType }
}

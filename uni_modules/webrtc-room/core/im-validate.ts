/**
 * Input checks for the four send methods, before anything reaches the SDK. In the core (not the opt-in
 * IM entry) so the controller reports a bad input before "not ready", with or without IM installed.
 *
 * Limits are the original component's (webim): C2C 12000 bytes, group 8898
 * bytes, counted in UTF-8 like the server counts the message body. tim-wx-sdk itself sends an
 * over-long body and lets the server refuse it (80002 ERR_SVR_COMM_BODY_SIZE_LIMIT); checking here
 * fails fast, offline and with a clear code.
 */
import { WebrtcRoomError } from './error-codes'
import * as E from './error-codes'
import type { ImConversationType } from '../im/types'

export const IM_TEXT_LIMIT_BYTES: Record<ImConversationType, number> = { C2C: 12000, GROUP: 8898 }

/** UTF-8 length of a JS string without TextEncoder (older mini-program base libraries lack it). */
export function utf8ByteLength(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) bytes += 1
    else if (unit < 0x800) bytes += 2
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4 // a surrogate pair = one code point above U+FFFF
        i++
      } else bytes += 3 // lone surrogate: encoded as U+FFFD
    } else bytes += 3
  }
  return bytes
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
}

export function validateReceiver(receiveUser: unknown): WebrtcRoomError | null {
  if (typeof receiveUser !== 'string' || receiveUser.trim() === '') {
    return new WebrtcRoomError(E.IM_INVALID_RECEIVER, 'receiveUser must be a non-empty userID string', {
      received: describe(receiveUser),
    })
  }
  return null
}

function checkLength(bytes: number, type: ImConversationType): WebrtcRoomError | null {
  const limit = IM_TEXT_LIMIT_BYTES[type]
  if (bytes > limit) {
    return new WebrtcRoomError(
      E.IM_MESSAGE_TOO_LONG,
      `message is ${bytes} bytes (UTF-8); ${type === 'C2C' ? 'C2C' : 'group'} messages allow at most ${limit}`,
      { bytes, limit },
    )
  }
  return null
}

/** A text message: a string with something besides whitespace, within the byte limit. */
export function validateText(msg: unknown, type: ImConversationType): WebrtcRoomError | null {
  if (typeof msg !== 'string') {
    return new WebrtcRoomError(E.IM_INVALID_DATA, `msg must be a string, got ${describe(msg)}`, {
      received: describe(msg),
    })
  }
  if (msg.trim() === '') return new WebrtcRoomError(E.IM_EMPTY_MESSAGE, 'msg is empty')
  return checkLength(utf8ByteLength(msg), type)
}

/** A custom message `{data, ext?, desc?}`: string fields only, non-empty data, all three within the byte limit. */
export function validateCustom(msg: unknown, type: ImConversationType): WebrtcRoomError | null {
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
    return new WebrtcRoomError(E.IM_INVALID_DATA, `custom message must be an object {data, ext, desc}, got ${describe(msg)}`, {
      received: describe(msg),
    })
  }
  const { data, ext, desc } = msg as Record<string, unknown>
  if (typeof data !== 'string') {
    return new WebrtcRoomError(E.IM_INVALID_DATA, `data must be a string (serialize objects with JSON.stringify), got ${describe(data)}`, {
      field: 'data',
      received: describe(data),
    })
  }
  for (const [field, value] of [['ext', ext], ['desc', desc]] as const) {
    if (value !== undefined && value !== null && typeof value !== 'string') {
      return new WebrtcRoomError(E.IM_INVALID_DATA, `${field} must be a string when given, got ${describe(value)}`, {
        field,
        received: describe(value),
      })
    }
  }
  if (data === '') return new WebrtcRoomError(E.IM_EMPTY_MESSAGE, 'data is empty', { field: 'data' })
  const bytes = utf8ByteLength(data) + utf8ByteLength((ext as string) ?? '') + utf8ByteLength((desc as string) ?? '')
  return checkLength(bytes, type)
}

/**
 * Element ids of the video containers, shared by the building blocks (which render them) and the H5
 * engine (which plays the TRTC web SDK's video into them). One scheme, one place:
 *
 * - local preview: `webrtc-room-local-<roomKey>`
 * - remote stream: `webrtc-room-remote-<roomKey>-<userID>-<streamType>`
 *
 * Room keys and user ids are sanitized to `[A-Za-z0-9_-]` (ids must be valid in CSS selectors and
 * WXML); characters outside it become `_`, with a short hash appended so two different ids never
 * collide after sanitizing.
 *
 * @example
 * localViewId('room-1')                      // 'webrtc-room-local-room-1'
 * remoteViewId('room-1', 'alice', 'main')    // 'webrtc-room-remote-room-1-alice-main'
 */
import type { StreamType } from './types'

const SAFE = /^[A-Za-z0-9_-]*$/

/** FNV-1a, 32 bit, base 36: a stable short suffix for sanitized ids. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(36)
}

/** `value` unchanged when already id-safe, else sanitized + hash suffix. */
export function idPart(value: string): string {
  if (SAFE.test(value)) return value
  return `${value.replace(/[^A-Za-z0-9_-]/g, '_')}_${shortHash(value)}`
}

export function localViewId(roomKey: string): string {
  return `webrtc-room-local-${idPart(roomKey)}`
}

export function remoteViewId(roomKey: string, userID: string, streamType: StreamType = 'main'): string {
  return `webrtc-room-remote-${idPart(roomKey)}-${idPart(userID)}-${streamType}`
}

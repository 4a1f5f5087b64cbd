/**
 * Numeric codes the plugin emits on `error` / `warning` events (and IM failures).
 *
 * - The original component's room error codes (-4 … -10) are kept so code written for it keeps
 *   working; the native live-pusher/live-player code travels in `detail.nativeCode`.
 * - The plugin's own codes live in -90000 … -90999. The media-codes table (codes.ts) gives each
 *   one a source, level, zh + en message and advice.
 *
 * Each code is a `const` of its own, and the plugin's modules import the constants, not the object: inside the
 * one-module runtime (lib/runtime.js) the app's minifier renames a constant to a 1–2 letter name, while
 * `RoomErrorCode.INVALID_PROP` keeps its property name in every use. `RoomErrorCode` (the public, documented
 * object) is assembled from the constants and ships only in an app that imports it.
 * tests/core/error-codes.test.ts checks that the object and the constants agree.
 */
// The 2018 original's codes.
export const CAMERA_OPEN_FAILED = -4
export const MIC_OPEN_FAILED = -5
export const PUSH_DISCONNECTED = -6
export const MEDIA_PERMISSION = -7
export const OVER_CAPACITY = -8
export const ROOM_SIG_FAILED = -9
export const JOIN_ROOM_FAILED = -10

// Props (-900xx).
export const INVALID_PROP = -90001
export const MISSING_PROP = -90002
export const INVALID_SDKAPPID = -90003
export const INVALID_USERID = -90004
export const INVALID_USERSIG = -90005
export const INVALID_ROOMID = -90006
export const INVALID_BITRATE = -90007
/** Warning: a value was clamped into range (beauty, whiteness). */
export const PROP_CLAMPED = -90008

// Platform / preflight (-901xx).
export const UNSUPPORTED_PLATFORM = -90100
export const DEVTOOLS_SIMULATOR = -90101
export const BASE_LIBRARY_TOO_OLD = -90102
export const WECHAT_TOO_OLD = -90103
export const CAMERA_PERMISSION_DENIED = -90104
export const RECORD_PERMISSION_DENIED = -90105
export const LIVE_PUSHER_NOT_GRANTED = -90106

// Room life (-902xx).
export const USERSIG_EXPIRED = -90200
export const USERSIG_MALFORMED = -90201
export const ENTER_TIMEOUT = -90203
/** Warning: a method called in the wrong state (pause before start, start twice). */
export const INVALID_STATE = -90204
export const KICKED_OUT = -90205

// IM (-903xx).
export const IM_DISABLED = -90300
export const IM_NOT_INSTALLED = -90301
export const IM_LOGIN_FAILED = -90302
export const IM_JOIN_GROUP_FAILED = -90303
export const IM_SEND_FAILED = -90304
export const IM_INVALID_RECEIVER = -90305
export const IM_EMPTY_MESSAGE = -90306
export const IM_MESSAGE_TOO_LONG = -90307
export const IM_INVALID_DATA = -90308
export const IM_NOT_READY = -90309
/** tim-wx-sdk reported an error of its own (`TIM.EVENT.ERROR`); its code is in `detail.nativeCode`. */
export const IM_SDK_ERROR = -90310

// Browser / H5 engine (-904xx).
export const BROWSER_UNSUPPORTED = -90400
export const INSECURE_CONTEXT = -90401
export const DEVICE_NOT_FOUND = -90402
export const MEDIA_PERMISSION_DENIED = -90403
export const ENTER_ROOM_FAILED = -90404
/** Warning: the browser blocked autoplay of remote audio until a user gesture. */
export const AUTOPLAY_BLOCKED = -90405
export const ENGINE_LOAD_FAILED = -90406
/** Warning: a prop or call with no browser equivalent (beauty, whiteness; switchCamera with one camera). */
export const BROWSER_FEATURE_IGNORED = -90407
/** Warning: the user closed the browser's screen picker (or denied screen capture). */
export const SCREEN_SHARE_CANCELLED = -90408
/** Warning: this browser cannot capture the screen (no getDisplayMedia: most mobile browsers). */
export const SCREEN_SHARE_UNSUPPORTED = -90409
export const SCREEN_SHARE_FAILED = -90410
/** Warning: listing or switching cameras / microphones / speakers failed (unknown deviceId ...). */
export const DEVICE_SELECT_FAILED = -90411
/** Warning: an H5-only method (screen share, devices) called on mp-weixin. */
export const H5_ONLY = -90412

// Live scene and co-hosting (-906xx; docs/live.md).
/** `role` is not 'anchor' / 'audience'. */
export const INVALID_ROLE = -90600
/** `role` set while `scene` is not 'live' (the rtc scene has no roles). */
export const ROLE_NEEDS_LIVE = -90601
/** Warning: co-hosting refused, the room already has 50 anchors publishing. */
export const ANCHOR_LIMIT = -90602
/** Warning: the role switch failed (H5 switchRole, or the camera / microphone scope was denied); the role is unchanged. */
export const ROLE_SWITCH_FAILED = -90603
/** Co-host answer to a request that is unknown, already answered or expired. */
export const COHOST_STALE = -90604
/** Co-host call not possible now (not a live room, wrong role, IM not ready, a request already pending). */
export const COHOST_NOT_ALLOWED = -90605
/** Warning: a co-host request got no answer in time. */
export const COHOST_TIMEOUT = -90606

/** Every error code by name (public API: `RoomErrorCode.INVALID_PROP`). */
export const RoomErrorCode = {
  CAMERA_OPEN_FAILED, MIC_OPEN_FAILED, PUSH_DISCONNECTED, MEDIA_PERMISSION, OVER_CAPACITY, ROOM_SIG_FAILED,
  JOIN_ROOM_FAILED,
  INVALID_PROP, MISSING_PROP, INVALID_SDKAPPID, INVALID_USERID, INVALID_USERSIG, INVALID_ROOMID,
  INVALID_BITRATE, PROP_CLAMPED,
  UNSUPPORTED_PLATFORM, DEVTOOLS_SIMULATOR, BASE_LIBRARY_TOO_OLD, WECHAT_TOO_OLD, CAMERA_PERMISSION_DENIED,
  RECORD_PERMISSION_DENIED, LIVE_PUSHER_NOT_GRANTED,
  USERSIG_EXPIRED, USERSIG_MALFORMED, ENTER_TIMEOUT, INVALID_STATE, KICKED_OUT,
  IM_DISABLED, IM_NOT_INSTALLED, IM_LOGIN_FAILED, IM_JOIN_GROUP_FAILED, IM_SEND_FAILED, IM_INVALID_RECEIVER,
  IM_EMPTY_MESSAGE, IM_MESSAGE_TOO_LONG, IM_INVALID_DATA, IM_NOT_READY, IM_SDK_ERROR,
  BROWSER_UNSUPPORTED, INSECURE_CONTEXT, DEVICE_NOT_FOUND, MEDIA_PERMISSION_DENIED, ENTER_ROOM_FAILED,
  AUTOPLAY_BLOCKED, ENGINE_LOAD_FAILED, BROWSER_FEATURE_IGNORED, SCREEN_SHARE_CANCELLED,
  SCREEN_SHARE_UNSUPPORTED, SCREEN_SHARE_FAILED, DEVICE_SELECT_FAILED, H5_ONLY,
  INVALID_ROLE, ROLE_NEEDS_LIVE, ANCHOR_LIMIT, ROLE_SWITCH_FAILED, COHOST_STALE, COHOST_NOT_ALLOWED,
  COHOST_TIMEOUT,
} as const

export type RoomErrorCodeName = keyof typeof RoomErrorCode
export type RoomErrorCodeValue = (typeof RoomErrorCode)[RoomErrorCodeName]

/**
 * The room code for a userSig the server rejected (live-pusher -100018, the web SDK's extraCode
 * -100018): expired when the server's message says so, malformed otherwise.
 */
export function userSigRejected(message: string): number {
  return /expire|过期/i.test(message) ? USERSIG_EXPIRED : USERSIG_MALFORMED
}

/** The numeric `code` of a thrown value, else `fallback`. */
export function errorCode(err: unknown, fallback: number): number {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'number' && Number.isFinite(code) ? code : fallback
}

/** The message of a thrown value, else `fallback`. */
export function errorText(err: unknown, fallback: string): string {
  const message = (err as { message?: unknown } | null)?.message
  return typeof message === 'string' && message ? message : fallback
}

/** A typed error: what rejected Promises of the room and IM methods carry. */
export class WebrtcRoomError extends Error {
  readonly code: number
  readonly detail: Record<string, unknown>
  constructor(code: number, message: string, detail: Record<string, unknown> = {}) {
    super(message)
    this.name = 'WebrtcRoomError'
    this.code = code
    this.detail = detail
  }
}

/**
 * Numeric codes the plugin emits on `error` / `warning` events (and IM failures).
 *
 * - The original component's room error codes (-4 … -10) are kept so code written for it keeps
 *   working; the native live-pusher/live-player code travels in `detail.nativeCode`.
 * - The plugin's own codes live in -90000 … -90999. The media-codes table (codes.ts) gives each
 *   one a source, level, zh + en message and advice.
 */
export const RoomErrorCode = {
  // The 2018 original's codes.
  CAMERA_OPEN_FAILED: -4,
  MIC_OPEN_FAILED: -5,
  PUSH_DISCONNECTED: -6,
  MEDIA_PERMISSION: -7,
  OVER_CAPACITY: -8,
  ROOM_SIG_FAILED: -9,
  JOIN_ROOM_FAILED: -10,

  // Props (-900xx).
  INVALID_PROP: -90001,
  MISSING_PROP: -90002,
  INVALID_SDKAPPID: -90003,
  INVALID_USERID: -90004,
  INVALID_USERSIG: -90005,
  INVALID_ROOMID: -90006,
  INVALID_BITRATE: -90007,
  /** Warning: a value was clamped into range (beauty, whiteness). */
  PROP_CLAMPED: -90008,

  // Platform / preflight (-901xx).
  UNSUPPORTED_PLATFORM: -90100,
  DEVTOOLS_SIMULATOR: -90101,
  BASE_LIBRARY_TOO_OLD: -90102,
  WECHAT_TOO_OLD: -90103,
  CAMERA_PERMISSION_DENIED: -90104,
  RECORD_PERMISSION_DENIED: -90105,
  LIVE_PUSHER_NOT_GRANTED: -90106,

  // Room life (-902xx).
  USERSIG_EXPIRED: -90200,
  USERSIG_MALFORMED: -90201,
  ENTER_TIMEOUT: -90203,
  /** Warning: a method called in the wrong state (pause before start, start twice). */
  INVALID_STATE: -90204,
  KICKED_OUT: -90205,

  // IM (-903xx).
  IM_DISABLED: -90300,
  IM_NOT_INSTALLED: -90301,
  IM_LOGIN_FAILED: -90302,
  IM_JOIN_GROUP_FAILED: -90303,
  IM_SEND_FAILED: -90304,
  IM_INVALID_RECEIVER: -90305,
  IM_EMPTY_MESSAGE: -90306,
  IM_MESSAGE_TOO_LONG: -90307,
  IM_INVALID_DATA: -90308,
  IM_NOT_READY: -90309,
  /** tim-wx-sdk reported an error of its own (`TIM.EVENT.ERROR`); its code is in `detail.nativeCode`. */
  IM_SDK_ERROR: -90310,

  // Browser / H5 engine (-904xx).
  BROWSER_UNSUPPORTED: -90400,
  INSECURE_CONTEXT: -90401,
  DEVICE_NOT_FOUND: -90402,
  MEDIA_PERMISSION_DENIED: -90403,
  ENTER_ROOM_FAILED: -90404,
  /** Warning: the browser blocked autoplay of remote audio until a user gesture. */
  AUTOPLAY_BLOCKED: -90405,
  ENGINE_LOAD_FAILED: -90406,
  /** Warning: a prop or call with no browser equivalent (beauty, whiteness; switchCamera with one camera). */
  BROWSER_FEATURE_IGNORED: -90407,
  /** Warning: the user closed the browser's screen picker (or denied screen capture). */
  SCREEN_SHARE_CANCELLED: -90408,
  /** Warning: this browser cannot capture the screen (no getDisplayMedia: most mobile browsers). */
  SCREEN_SHARE_UNSUPPORTED: -90409,
  SCREEN_SHARE_FAILED: -90410,
  /** Warning: listing or switching cameras / microphones / speakers failed (unknown deviceId ...). */
  DEVICE_SELECT_FAILED: -90411,
  /** Warning: an H5-only method (screen share, devices) called on mp-weixin. */
  H5_ONLY: -90412,

  // Live scene and co-hosting (-906xx; docs/live.md).
  /** `role` is not 'anchor' / 'audience'. */
  INVALID_ROLE: -90600,
  /** `role` set while `scene` is not 'live' (the rtc scene has no roles). */
  ROLE_NEEDS_LIVE: -90601,
  /** Warning: co-hosting refused, the room already has 50 anchors publishing. */
  ANCHOR_LIMIT: -90602,
  /** Warning: the role switch failed (H5 switchRole, or the camera / microphone scope was denied); the role is unchanged. */
  ROLE_SWITCH_FAILED: -90603,
  /** Co-host answer to a request that is unknown, already answered or expired. */
  COHOST_STALE: -90604,
  /** Co-host call not possible now (not a live room, wrong role, IM not ready, a request already pending). */
  COHOST_NOT_ALLOWED: -90605,
  /** Warning: a co-host request got no answer in time. */
  COHOST_TIMEOUT: -90606,
} as const

export type RoomErrorCodeName = keyof typeof RoomErrorCode
export type RoomErrorCodeValue = (typeof RoomErrorCode)[RoomErrorCodeName]

/** The original component's success/status codes, kept on status events. */
export const RoomStatusCode = {
  PUSH_OK: 10,
  JOINED: 11,
  MEMBER_LIST: 12,
  NETWORK_CHANGE: 13,
  PUSHER_LOADING: 14,
  PUSHER_PLAYING: 15,
  PLAYER_LOADING: 16,
  PLAYER_PLAYING: 17,
  PLAYER_DISCONNECTED: 18,
  LEFT: 19,
} as const

/**
 * The room code for a userSig the server rejected (live-pusher -100018, the web SDK's extraCode
 * -100018): expired when the server's message says so, malformed otherwise.
 */
export function userSigRejected(message: string): number {
  return /expire|过期/i.test(message) ? RoomErrorCode.USERSIG_EXPIRED : RoomErrorCode.USERSIG_MALFORMED
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

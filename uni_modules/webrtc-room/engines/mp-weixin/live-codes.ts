/**
 * The live-pusher / live-player engine's translation layer: native `event.detail` → normalized
 * `EngineAction`s. Stateless and pure; the reducer decides what the
 * actions mean in the current state. Every native state change also yields its raw
 * `push_state` / `play_state` action first.
 */
import { RoomErrorCode, userSigRejected } from '../../core/error-codes'
import type { AnnouncedUser, EngineAction, StreamChange } from '../../core/actions'
import type { NetStatusDetail, PusherErrorDetail, StateChangeDetail, StreamType } from '../../core/types'

const PusherCode = {
  PUSHING: 1002,
  FIRST_FRAME_CAPTURED: 1007,
  RECONNECTING: 1102,
  ENTERED: 1018,
  LEFT: 1019,
  MEMBER_LIST: 1020,
  NETWORK_CHANGED: 1021,
  ENTER_FAILED: 1022,
  USER_ENTER: 1031,
  USER_LEAVE: 1032,
  USER_VIDEO: 1033,
  USER_AUDIO: 1034,
  CAMERA_FAILED: -1301,
  MIC_FAILED: -1302,
  DISCONNECTED: -1307,
  INVALID_ADDRESS: -1313,
  SERVER_CONNECT_FAILED: -1324,
  NETWORK_UNAVAILABLE: -1325,
  SERVER_REFUSED: -1326,
  ENTER_ROOM_FAILED: -3301,
  USERSIG_CHECK_FAILED: -100018,
  SUSPENDED: 5000,
  FLOAT_WINDOW_CLOSED: 5001,
} as const

const PlayerCode = {
  FIRST_FRAME: 2003,
  PLAYING: 2004,
  LOADING: 2007,
  DISCONNECTED: -2301,
} as const

const PusherErrCode = {
  NO_CAMERA_PERMISSION: 10001,
  NO_RECORD_PERMISSION: 10002,
} as const

// Member notifications (1020, 1031–1034): their JSON `message` parsed into announced users.
// Tolerant: a malformed message yields `null`, entries without a string `userid` are skipped and
// counted, `hasvideo`/`hasaudio` accept 0/1/booleans, the original's `accelerateURL` is read as `playurl`.

interface RawUser {
  userid?: unknown
  userID?: unknown
  playurl?: unknown
  accelerateURL?: unknown
  streamtype?: unknown
  hasvideo?: unknown
  hasaudio?: unknown
}

function flag(value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return value !== 0
  if (typeof value === 'string') return value !== '' && value !== '0' && value !== 'false'
  return undefined
}

function streamType(value: unknown): StreamType | undefined {
  return value === 'main' || value === 'aux' ? value : undefined
}

export interface UserList {
  users: AnnouncedUser[]
  /** Entries without a string userid (or not objects): skipped, counted. */
  skipped: number
}

export function parseUserList(message: unknown): UserList | null {
  let data: unknown = message
  if (typeof message === 'string') {
    try {
      data = JSON.parse(message)
    } catch {
      return null
    }
  }
  if (typeof data !== 'object' || data === null) return null
  const list = (data as { userlist?: unknown }).userlist
  if (!Array.isArray(list)) return null
  const users: AnnouncedUser[] = []
  let skipped = 0
  for (const entry of list as RawUser[]) {
    const userID = typeof entry !== 'object' || entry === null ? '' : typeof entry.userid === 'string' ? entry.userid : typeof entry.userID === 'string' ? entry.userID : ''
    if (userID === '') {
      skipped += 1
      continue
    }
    const url = typeof entry.playurl === 'string' ? entry.playurl : typeof entry.accelerateURL === 'string' ? entry.accelerateURL : undefined
    const user: AnnouncedUser = { userID }
    const type = streamType(entry.streamtype)
    if (type) user.streamType = type
    if (url) user.playURL = url
    const video = flag(entry.hasvideo)
    if (video !== undefined) user.hasVideo = video
    const audio = flag(entry.hasaudio)
    if (audio !== undefined) user.hasAudio = audio
    users.push(user)
  }
  return { users, skipped }
}

function text(detail: { message?: unknown; errMsg?: unknown }): string {
  if (typeof detail.message === 'string') return detail.message
  if (typeof detail.errMsg === 'string') return detail.errMsg
  return ''
}

function userIDs(message: string): string[] | null {
  const list = parseUserList(message)
  return list && list.users.map((user) => user.userID)
}

/** 1033: video per stream type; 1034: audio, always on the main stream (trtc-wx-sdk). */
function streamChanges(code: number, message: string): StreamChange[] | null {
  const list = parseUserList(message)
  if (list === null) return null
  return list.users.map((user) =>
    code === PusherCode.USER_VIDEO
      ? { userID: user.userID, streamType: user.streamType ?? 'main', hasVideo: user.hasVideo ?? false, playURL: user.playURL }
      : { userID: user.userID, streamType: 'main', hasAudio: user.hasAudio ?? false, playURL: user.playURL },
  )
}

/** Pusher codes whose action carries nothing but the native code. */
const NATIVE_ONLY: Record<number, 'publishing' | 'entered' | 'preview_started' | 'pusher_loading'> = {
  [PusherCode.PUSHING]: 'publishing',
  [PusherCode.ENTERED]: 'entered',
  [PusherCode.FIRST_FRAME_CAPTURED]: 'preview_started',
  [PusherCode.RECONNECTING]: 'pusher_loading',
}

/** live-pusher `bindstatechange`. */
export function translatePusherState(detail: StateChangeDetail): EngineAction[] {
  const code = Number(detail?.code)
  // A detail without a numeric code is not a WeChat event: nothing to report or apply.
  if (!Number.isFinite(code)) return []
  const message = text(detail ?? {})
  const actions: EngineAction[] = [{ type: 'push_state', code, message }]
  const add = (action: EngineAction | null) => {
    if (action) actions.push(action)
  }
  const simple = NATIVE_ONLY[code]
  if (simple) add({ type: simple, nativeCode: code })
  switch (code) {
    case PusherCode.LEFT:
      add({ type: 'left', nativeCode: code, kicked: !message.includes('reason[0]'), message })
      break
    case PusherCode.MEMBER_LIST: {
      const list = parseUserList(message)
      add(list && { type: 'member_list', users: list.users, skipped: list.skipped, nativeCode: code })
      break
    }
    case PusherCode.USER_ENTER: {
      const ids = userIDs(message)
      add(ids && { type: 'members_joined', userIDs: ids })
      break
    }
    case PusherCode.USER_LEAVE: {
      const ids = userIDs(message)
      add(ids && { type: 'members_left', userIDs: ids })
      break
    }
    case PusherCode.USER_VIDEO:
    case PusherCode.USER_AUDIO: {
      const changes = streamChanges(code, message)
      add(changes && { type: 'streams_changed', changes })
      break
    }
    case PusherCode.NETWORK_CHANGED:
    case PusherCode.DISCONNECTED:
    case PusherCode.SERVER_CONNECT_FAILED:
    case PusherCode.NETWORK_UNAVAILABLE:
      add({ type: 'connection_lost', nativeCode: code, message })
      break
    case PusherCode.CAMERA_FAILED:
      add({ type: 'device_failed', code: RoomErrorCode.CAMERA_OPEN_FAILED, nativeCode: code, message })
      break
    case PusherCode.MIC_FAILED:
      add({ type: 'device_failed', code: RoomErrorCode.MIC_OPEN_FAILED, nativeCode: code, message })
      break
    case PusherCode.ENTER_FAILED:
    case PusherCode.ENTER_ROOM_FAILED:
    case PusherCode.INVALID_ADDRESS:
    case PusherCode.SERVER_REFUSED:
      add({ type: 'enter_failed', code: RoomErrorCode.JOIN_ROOM_FAILED, nativeCode: code, message })
      break
    case PusherCode.USERSIG_CHECK_FAILED:
      add({ type: 'enter_failed', code: userSigRejected(message), nativeCode: code, message })
      break
    case PusherCode.SUSPENDED:
    case PusherCode.FLOAT_WINDOW_CLOSED:
      add({ type: 'suspended', nativeCode: code, message })
      break
    default:
      // Other negative codes (encoder, screen capture ...) and 3xxx network codes: non-fatal notices.
      if (code < 0 || (code >= 3001 && code <= 3005)) add({ type: 'notice', code, nativeCode: code, message })
  }
  return actions
}

/** live-player `bindstatechange` of one member's stream. */
export function translatePlayerState(userID: string, streamType: StreamType, detail: StateChangeDetail): EngineAction[] {
  const code = Number(detail?.code)
  if (!Number.isFinite(code)) return []
  const message = text(detail ?? {})
  const actions: EngineAction[] = [{ type: 'play_state', userID, streamType, code, message }]
  switch (code) {
    case PlayerCode.FIRST_FRAME:
    case PlayerCode.PLAYING:
      actions.push({ type: 'stream_playing', userID, streamType, nativeCode: code })
      break
    case PlayerCode.LOADING:
      actions.push({ type: 'stream_loading', userID, streamType, nativeCode: code })
      break
    case PlayerCode.DISCONNECTED:
      actions.push({ type: 'stream_disconnected', userID, streamType, nativeCode: code })
      break
    default:
      // Negative codes, 3001–3005 network and 6002–6005 player warnings.
      if (code < 0 || (code >= 3001 && code <= 3005) || (code >= 6002 && code <= 6005)) {
        actions.push({ type: 'notice', code, nativeCode: code, message: `${userID}: ${message}` })
      }
  }
  return actions
}

/** live-pusher `binderror`. */
export function translatePusherError(detail: PusherErrorDetail): EngineAction[] {
  const code = Number(detail?.errCode)
  if (!Number.isFinite(code)) return []
  const message = text(detail ?? {})
  if (code === PusherErrCode.NO_CAMERA_PERMISSION || code === PusherErrCode.NO_RECORD_PERMISSION) {
    return [{ type: 'permission_denied', nativeCode: code, message }]
  }
  return [{ type: 'notice', code, nativeCode: code, message }]
}

/** netstatus: the stats (their quality level is the levels entry's, native-levels.ts). */
export function translatePusherNet(detail: NetStatusDetail): EngineAction[] {
  return [{ type: 'pusher_net', info: { ...(detail?.info ?? {}) } }]
}

export function translatePlayerNet(userID: string, streamType: StreamType, detail: NetStatusDetail): EngineAction[] {
  return [{ type: 'player_net', userID, streamType, info: { ...(detail?.info ?? {}) } }]
}

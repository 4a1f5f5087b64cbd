/**
 * Prop validation and defaults: raw `RoomOptions` (the component's props, or what a headless app
 * passes) → `ValidOptions`, or typed issues in the -90000 range. Pure; no globals.
 */
import { RoomErrorCode } from './error-codes'
import { checkLive } from './live-role'
import { ROOM_ID_MAX } from './room-id'
import type { Aspect, EnterMode, GetUserSig, LiveRole, LiveScene, ReconnectPolicy, RoomOptions, TemplateName } from './types'
import { DEFAULT_PUSHER, DEFAULT_WAITING_IMG } from './room-state'

// Module-local aliases: a local name minifies to one letter, a cross-module property path does not.
const E = RoomErrorCode

export type RoomRef = { kind: 'numeric'; id: number } | { kind: 'string'; id: string }

/** Options after validation: numbers are numbers, defaults applied, room id classified. */
export interface ValidOptions {
  template: TemplateName
  sdkAppID: number
  userID: string
  userSig: string
  room: RoomRef
  privateMapKey: string
  beauty: number
  whiteness: number
  muted: boolean
  debug: boolean
  enableIM: boolean
  aspect: Aspect
  minBitrate: number
  maxBitrate: number
  autoplay: boolean
  enableCamera: boolean
  pureAudioPushMod?: 1 | 2
  recordId?: number
  streamID?: string
  recvMode?: 1 | 2 | 3 | 4
  enableBlackStream?: boolean
  /** undefined = the platform's default (room.ts). */
  pauseOnHide?: boolean
  enableSmallStream: boolean
  enterMode: EnterMode
  useCloud: boolean
  userName: string
  roomName: string
  imGroupType: 'AVChatRoom' | 'ChatRoom' | 'Public' | 'Meeting'
  reconnect: ReconnectPolicy
  enterTimeout: number
  soundMode: 'speaker' | 'ear'
  waitingImg: string
  loadingImg: string
  getUserSig?: GetUserSig
  scene: LiveScene
  /** 'anchor' in the rtc scene. */
  role: LiveRole
}

/** One problem with one prop. */
export interface OptionIssue {
  code: number
  prop: string
  message: string
}

export type ValidationResult =
  | { ok: true; options: ValidOptions; warnings: OptionIssue[] }
  | { ok: false; errors: OptionIssue[]; warnings: OptionIssue[] }

const USER_ID_MAX_LENGTH = 32
const STR_ROOM_ID_MAX_LENGTH = 64
/** Letters, digits and `_ - . @`: URL-safe, so the push URL carries them unencoded (see push-url.ts). */
export const USER_ID_PATTERN = /^[A-Za-z0-9_\-.@]+$/
/** TRTC's string room id alphabet (no CJK, no control characters). */
const STR_ROOM_ID_PATTERN = /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]+$/
/** userSig / privateMapKey: base64 with `*-_` (current) or plain base64 (some older signers). */
export const SIG_PATTERN = /^[A-Za-z0-9*\-_+/=]+$/

export const DEFAULT_RECONNECT: ReconnectPolicy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 16000 }
const DEFAULT_ENTER_TIMEOUT_MS = 20000

const IDENTITY_PROPS = ['sdkAppID', 'userID', 'userSig', 'roomID', 'roomId', 'privateMapKey', 'scene'] as const

/**
 * Props whose change while in a room means exit + re-enter with a new URL. Compared by the room they
 * lead to, not by raw value: roomID 1234 → '1234', sdkAppID '1400' → 1400, or setting the alias
 * roomId while roomID wins, keep the session.
 */
export function isIdentityChange(partial: Partial<RoomOptions>, current: RoomOptions): boolean {
  if (!IDENTITY_PROPS.some((prop) => prop in partial && partial[prop] !== undefined)) return false
  return identityOf({ ...current, ...partial }) !== identityOf(current)
}

function identityOf(o: RoomOptions): string {
  const rawRoom = isBlank(o.roomID) ? o.roomId : o.roomID
  const parsed = parseRoomRef(rawRoom)
  const room = isIssue(parsed) ? `raw:${String(rawRoom)}` : `${parsed.kind}:${parsed.id}`
  const sdkAppID = toNumber(o.sdkAppID)
  return JSON.stringify([Number.isFinite(sdkAppID) ? sdkAppID : String(o.sdkAppID), o.userID, o.userSig, room, o.privateMapKey ?? '', o.scene === 'live'])
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === ''
}

/** A number, or a string that is exactly a decimal number; else NaN. */
function toNumber(value: unknown): number {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value)
  return Number.NaN
}

const LOOKS_NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i

/** Classify a room id: `^\d+$` (or a number) = numeric room, anything else = string room. */
export function parseRoomRef(value: unknown): RoomRef | OptionIssue {
  const invalid = (message: string): OptionIssue => ({ code: E.INVALID_ROOMID, prop: 'roomID', message })
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > ROOM_ID_MAX) {
      return invalid(`roomID must be an integer in 1..${ROOM_ID_MAX} (got ${value})`)
    }
    return { kind: 'numeric', id: value }
  }
  if (typeof value !== 'string') return invalid(`roomID must be a number or a string (got ${typeof value})`)
  if (/^\d+$/.test(value)) {
    const id = Number(value)
    if (id < 1 || id > ROOM_ID_MAX) return invalid(`numeric roomID must be in 1..${ROOM_ID_MAX} (got ${value})`)
    return { kind: 'numeric', id }
  }
  // '-5', '1.5', ' 12', '1e3' were almost surely meant as numbers: a silent string room would put
  // this user alone in another room than the peers who typed 5, 1 or 12.
  if (LOOKS_NUMERIC.test(value)) {
    return invalid(`roomID "${value}" looks like a number but is not an integer in 1..${ROOM_ID_MAX}`)
  }
  if (value.trim() === '') return invalid('string roomID must not be blank')
  if (value.length > STR_ROOM_ID_MAX_LENGTH) {
    return invalid(`string roomID is at most ${STR_ROOM_ID_MAX_LENGTH} characters (got ${value.length})`)
  }
  if (!STR_ROOM_ID_PATTERN.test(value)) {
    return invalid('string roomID may only use letters, digits, spaces and !#$%&()+-:;<=.>?@[]^_{}|~, (no CJK)')
  }
  return { kind: 'string', id: value }
}

/** The room id as users write it (store key, IM group id). */
export function roomIDText(room: RoomRef): string {
  return String(room.id)
}

function isIssue(value: unknown): value is OptionIssue {
  return typeof value === 'object' && value !== null && 'code' in value && 'prop' in value
}

/** Validate every prop; collects all errors (the room reports the first) and clamping warnings. */
export function validateOptions(input: RoomOptions): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    const issue = { code: E.INVALID_PROP, prop: 'options', message: `options must be an object of props (got ${input === null ? 'null' : typeof input})` }
    return { ok: false, errors: [issue], warnings: [] }
  }
  const raw = input
  const errors: OptionIssue[] = []
  const warnings: OptionIssue[] = []
  const fail = (code: number, prop: string, message: string) => errors.push({ code, prop, message })

  const required = (prop: keyof RoomOptions, value: unknown): boolean => {
    if (!isBlank(value)) return true
    fail(E.MISSING_PROP, prop, `${prop} is required`)
    return false
  }

  // sdkAppID: positive integer, number or numeric string.
  let sdkAppID = 0
  if (required('sdkAppID', raw.sdkAppID)) {
    sdkAppID = toNumber(raw.sdkAppID)
    // TRTC app ids are uint32 (the privateMapKey record stores them in 4 bytes).
    if (!Number.isSafeInteger(sdkAppID) || sdkAppID <= 0 || sdkAppID > 4294967295) {
      fail(E.INVALID_SDKAPPID, 'sdkAppID', `sdkAppID must be a positive 32-bit integer (got ${String(raw.sdkAppID)})`)
    }
  }

  if (required('userID', raw.userID)) {
    if (typeof raw.userID !== 'string') {
      fail(E.INVALID_USERID, 'userID', 'userID must be a string')
    } else if (raw.userID.length > USER_ID_MAX_LENGTH) {
      fail(E.INVALID_USERID, 'userID', `userID is at most ${USER_ID_MAX_LENGTH} characters (got ${raw.userID.length})`)
    } else if (!USER_ID_PATTERN.test(raw.userID)) {
      fail(E.INVALID_USERID, 'userID', 'userID may only use letters, digits, _ - . @ (no spaces, no CJK)')
    }
  }

  if (required('userSig', raw.userSig)) {
    if (typeof raw.userSig !== 'string' || !SIG_PATTERN.test(raw.userSig)) {
      fail(E.INVALID_USERSIG, 'userSig', 'userSig must be the base64 string your server signed (no spaces)')
    }
  }

  let room: RoomRef = { kind: 'numeric', id: 0 }
  const rawRoom = isBlank(raw.roomID) ? raw.roomId : raw.roomID
  if (isBlank(rawRoom)) {
    fail(E.MISSING_PROP, 'roomID', 'roomID is required')
  } else {
    const parsed = parseRoomRef(rawRoom)
    if (isIssue(parsed)) errors.push(parsed)
    else room = parsed
  }

  const privateMapKey = raw.privateMapKey ?? ''
  if (typeof privateMapKey !== 'string' || (privateMapKey !== '' && !SIG_PATTERN.test(privateMapKey))) {
    fail(E.INVALID_PROP, 'privateMapKey', 'privateMapKey must be the base64 string your server signed')
  }

  const level = (prop: 'beauty' | 'whiteness'): number => {
    const value = raw[prop]
    if (isBlank(value)) return 0
    const n = toNumber(value)
    if (!Number.isFinite(n)) {
      fail(E.INVALID_PROP, prop, `${prop} must be a number 0–9`)
      return 0
    }
    const clamped = Math.min(9, Math.max(0, Math.round(n)))
    if (clamped !== n) warnings.push({ code: E.PROP_CLAMPED, prop, message: `${prop} ${n} clamped to ${clamped} (0–9)` })
    return clamped
  }
  const beauty = level('beauty')
  const whiteness = level('whiteness')

  const bitrate = (prop: 'minBitrate' | 'maxBitrate', fallback: number): number => {
    const value = raw[prop]
    if (isBlank(value)) return fallback
    const n = toNumber(value)
    if (!Number.isFinite(n) || n <= 0) {
      fail(E.INVALID_BITRATE, prop, `${prop} must be a positive number of kbps (got ${String(value)})`)
      return fallback
    }
    return n
  }
  const minBitrate = bitrate('minBitrate', DEFAULT_PUSHER.minBitrate)
  const maxBitrate = bitrate('maxBitrate', DEFAULT_PUSHER.maxBitrate)
  if (minBitrate > maxBitrate) {
    fail(E.INVALID_BITRATE, 'minBitrate', `minBitrate (${minBitrate}) must not exceed maxBitrate (${maxBitrate})`)
  }

  /** One optional prop: absent (`isAbsent`) → fallback; else `valid` or an INVALID_PROP error and the fallback. */
  const check = <T>(prop: keyof RoomOptions, fallback: T, valid: (value: unknown) => boolean, must: string, isAbsent: (value: unknown) => boolean = (v) => v == null): T => {
    const value = raw[prop]
    if (isAbsent(value)) return fallback
    if (valid(value)) return value as T
    fail(E.INVALID_PROP, prop, `${prop} must be ${must} (got ${String(value)})`)
    return fallback
  }
  const bool = (prop: keyof RoomOptions, fallback: boolean) => check(prop, fallback, (v) => typeof v === 'boolean', 'a boolean')
  const text = (prop: keyof RoomOptions, fallback: string) => check(prop, fallback, (v) => typeof v === 'string', 'a string')
  /** Without a fallback the prop is optional: blank = unset. */
  const oneOf = <T extends string | number, F extends T | undefined = undefined>(prop: keyof RoomOptions, allowed: readonly T[], fallback?: F): T | F =>
    check<T | F>(prop, fallback as F, (v) => allowed.includes(v as T), `one of ${allowed.join(', ')}`, fallback === undefined ? isBlank : undefined)

  let recordId: number | undefined
  if (!isBlank(raw.recordId)) {
    const n = toNumber(raw.recordId)
    if (!Number.isSafeInteger(n) || n < 0) fail(E.INVALID_PROP, 'recordId', 'recordId must be a non-negative integer')
    else recordId = n
  }

  let streamID: string | undefined
  if (!isBlank(raw.streamID)) {
    if (typeof raw.streamID !== 'string' || !/^[A-Za-z0-9_\-]{1,64}$/.test(raw.streamID)) {
      fail(E.INVALID_PROP, 'streamID', 'streamID: 1–64 letters, digits, _ or -')
    } else streamID = raw.streamID
  }

  const reconnect = { ...DEFAULT_RECONNECT }
  if (raw.reconnect !== undefined && (typeof raw.reconnect !== 'object' || raw.reconnect === null)) {
    fail(E.INVALID_PROP, 'reconnect', 'reconnect must be an object { maxAttempts, baseDelayMs, maxDelayMs }')
  } else if (raw.reconnect !== undefined) {
    for (const key of Object.keys(DEFAULT_RECONNECT) as Array<keyof ReconnectPolicy>) {
      const value = raw.reconnect[key]
      if (value === undefined) continue
      if (!Number.isInteger(value) || value < 0) fail(E.INVALID_PROP, `reconnect.${key}`, `reconnect.${key} must be a non-negative integer`)
      else reconnect[key] = value
    }
  }

  let enterTimeout = DEFAULT_ENTER_TIMEOUT_MS
  if (raw.enterTimeout !== undefined) {
    if (!Number.isFinite(raw.enterTimeout) || raw.enterTimeout < 0) fail(E.INVALID_PROP, 'enterTimeout', 'enterTimeout must be ≥ 0 ms')
    else enterTimeout = raw.enterTimeout
  }

  const options: ValidOptions = {
    template: text('template', 'float') || 'float',
    sdkAppID,
    userID: raw.userID,
    userSig: raw.userSig,
    room,
    privateMapKey: typeof privateMapKey === 'string' ? privateMapKey : '',
    beauty,
    whiteness,
    muted: bool('muted', false),
    debug: bool('debug', false),
    enableIM: bool('enableIM', false),
    aspect: oneOf('aspect', ['9:16', '3:4'] as const, '9:16'),
    minBitrate,
    maxBitrate,
    autoplay: bool('autoplay', false),
    enableCamera: bool('enableCamera', true),
    pureAudioPushMod: oneOf('pureAudioPushMod', [1, 2] as const),
    recordId,
    streamID,
    recvMode: oneOf('recvMode', [1, 2, 3, 4] as const),
    enableBlackStream: raw.enableBlackStream === undefined ? undefined : bool('enableBlackStream', false),
    pauseOnHide: raw.pauseOnHide === undefined ? undefined : bool('pauseOnHide', true),
    enableSmallStream: bool('enableSmallStream', false),
    enterMode: oneOf('enterMode', ['auto', 'modern', 'legacy'] as const, 'auto'),
    useCloud: bool('useCloud', true),
    userName: text('userName', ''),
    roomName: text('roomName', ''),
    imGroupType: oneOf('imGroupType', ['AVChatRoom', 'ChatRoom', 'Public', 'Meeting'] as const, 'AVChatRoom'),
    reconnect,
    enterTimeout,
    soundMode: oneOf('soundMode', ['speaker', 'ear'] as const, 'speaker'),
    waitingImg: text('waitingImg', DEFAULT_WAITING_IMG) || DEFAULT_WAITING_IMG,
    loadingImg: text('loadingImg', ''),
    getUserSig: check<GetUserSig | undefined>('getUserSig', undefined, (v) => typeof v === 'function', 'a function'),
    ...checkLive(raw, fail),
  }

  if (options.enterMode === 'legacy' && room.kind === 'string') {
    fail(E.INVALID_ROOMID, 'roomID', 'string room ids need the modern enter mode (the legacy flow only knows numeric rooms)')
  }
  if (options.enterMode === 'legacy' && options.scene === 'live') {
    fail(E.INVALID_PROP, 'scene', "scene 'live' needs the modern enter mode (the legacy URL has no scene)")
  }

  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, options, warnings }
}

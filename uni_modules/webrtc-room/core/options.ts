/**
 * Prop validation and defaults: raw `RoomOptions` (the component's props, or what a headless app
 * passes) → `ValidOptions`, or typed issues in the -90000 range. Pure; no globals.
 */
import { RoomErrorCode } from './error-codes'
import { checkScene } from './live-role'
import { smallStream } from './member-media'
import { ROOM_ID_MAX } from './room-id'
import type { Aspect, BackgroundPolicy, EnterMode, GetUserSig, LiveRole, LiveScene, LocalMirror, ReconnectPolicy, RoomOptions, TemplateName } from './types'
import { BACKGROUND_POLICIES, DEFAULT_PUSHER, DEFAULT_WAITING_IMG, LOCAL_MIRRORS } from './room-state'

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
  /** undefined = the platform's default (background-policy.ts). */
  pauseOnHide?: boolean
  backgroundPolicy?: BackgroundPolicy
  localMirror: LocalMirror
  remoteMirror: boolean
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

/** Letters, digits and `_ - . @`, 1–32: URL-safe, so the push URL carries them unencoded (see push-url.ts). */
export const USER_ID_PATTERN = /^[A-Za-z0-9_\-.@]{1,32}$/
/** TRTC's string room id: 1–64 of this alphabet (no CJK, no control characters). */
const STR_ROOM_ID_PATTERN = /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]{1,64}$/
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
  const room = 'code' in parsed ? `raw:${String(rawRoom)}` : `${parsed.kind}:${parsed.id}`
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

/**
 * One issue, its message generated from the prop and what it must be: `<prop> must be <must>
 * (got <value>)`. Credentials pass no value (it would put the secret in the message).
 */
function issue(code: number, prop: string, must: string, got?: unknown): OptionIssue {
  const shown = typeof got === 'string' ? `"${got}"` : String(got)
  return { code, prop, message: `${prop} must be ${must}${arguments.length > 3 ? ` (got ${shown})` : ''}` }
}

const ROOM_RANGE = `an integer in 1..${ROOM_ID_MAX}`

/** Classify a room id: `^\d+$` (or a number) = numeric room, anything else = string room. */
export function parseRoomRef(value: unknown): RoomRef | OptionIssue {
  // '-5', '1.5', ' 12', '1e3' were almost surely meant as numbers: a silent string room would put
  // this user alone in another room than the peers who typed 5, 1 or 12.
  const numeric = typeof value === 'number' || (typeof value === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(value))
  const id = numeric ? Number(value) : value
  if (numeric) {
    return Number.isInteger(id) && (id as number) >= 1 && (id as number) <= ROOM_ID_MAX && (typeof value === 'number' || /^\d+$/.test(value as string))
      ? { kind: 'numeric', id: id as number }
      : issue(E.INVALID_ROOMID, 'roomID', ROOM_RANGE, value)
  }
  if (typeof id !== 'string' || id.trim() === '' || !STR_ROOM_ID_PATTERN.test(id)) {
    return issue(E.INVALID_ROOMID, 'roomID', `${ROOM_RANGE} or a string of 1–64 letters, digits, spaces, !#$%&()+-:;<=.>?@[]^_{}|~,`, value)
  }
  return { kind: 'string', id }
}

/** The room id as users write it (store key, IM group id). */
export function roomIDText(room: RoomRef): string {
  return String(room.id)
}

/** Validate every prop; collects all errors (the room reports the first) and clamping warnings. */
export function validateOptions(input: RoomOptions): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [issue(E.INVALID_PROP, 'options', 'an object of props', input)], warnings: [] }
  }
  const raw = input
  const errors: OptionIssue[] = []
  const warnings: OptionIssue[] = []
  const fail = (code: number, prop: string, must: string, ...got: unknown[]) => errors.push(issue(code, prop, must, ...(got as [unknown])))

  const required = (prop: keyof RoomOptions, value: unknown): boolean => {
    if (!isBlank(value)) return true
    errors.push({ code: E.MISSING_PROP, prop, message: `${prop} is required` })
    return false
  }

  // sdkAppID: positive integer, number or numeric string. TRTC app ids are uint32 (the
  // privateMapKey record stores them in 4 bytes).
  let sdkAppID = 0
  if (required('sdkAppID', raw.sdkAppID)) {
    sdkAppID = toNumber(raw.sdkAppID)
    if (!Number.isSafeInteger(sdkAppID) || sdkAppID <= 0 || sdkAppID > 4294967295) fail(E.INVALID_SDKAPPID, 'sdkAppID', 'a positive 32-bit integer', raw.sdkAppID)
  }

  if (required('userID', raw.userID) && (typeof raw.userID !== 'string' || !USER_ID_PATTERN.test(raw.userID))) {
    fail(E.INVALID_USERID, 'userID', '1–32 letters, digits, _ - . @ (no spaces, no CJK)', raw.userID)
  }

  if (required('userSig', raw.userSig) && (typeof raw.userSig !== 'string' || !SIG_PATTERN.test(raw.userSig))) {
    fail(E.INVALID_USERSIG, 'userSig', 'the base64 string your server signed (no spaces)')
  }

  let room: RoomRef = { kind: 'numeric', id: 0 }
  const rawRoom = isBlank(raw.roomID) ? raw.roomId : raw.roomID
  if (required('roomID', rawRoom)) {
    const parsed = parseRoomRef(rawRoom)
    if ('code' in parsed) errors.push(parsed)
    else room = parsed
  }

  const privateMapKey = raw.privateMapKey ?? ''
  if (typeof privateMapKey !== 'string' || (privateMapKey !== '' && !SIG_PATTERN.test(privateMapKey))) {
    fail(E.INVALID_PROP, 'privateMapKey', 'the base64 string your server signed')
  }

  const level = (prop: 'beauty' | 'whiteness'): number => {
    const value = raw[prop]
    if (isBlank(value)) return 0
    const n = toNumber(value)
    if (!Number.isFinite(n)) {
      fail(E.INVALID_PROP, prop, 'a number 0–9', value)
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
    if (n > 0 && n < Infinity) return n
    fail(E.INVALID_BITRATE, prop, 'a positive number of kbps', value)
    return fallback
  }
  const minBitrate = bitrate('minBitrate', DEFAULT_PUSHER.minBitrate)
  const maxBitrate = bitrate('maxBitrate', DEFAULT_PUSHER.maxBitrate)
  if (minBitrate > maxBitrate) fail(E.INVALID_BITRATE, 'minBitrate', `≤ maxBitrate (${maxBitrate})`, minBitrate)

  /** One optional prop: absent (`isAbsent`) → fallback; else `valid` or an INVALID_PROP error and the fallback. */
  const check = <T>(prop: keyof RoomOptions, fallback: T, valid: (value: unknown) => boolean, must: string, isAbsent: (value: unknown) => boolean = (v) => v == null, issues = errors): T => {
    const value = raw[prop]
    if (isAbsent(value)) return fallback
    if (valid(value)) return value as T
    issues.push(issue(E.INVALID_PROP, prop, must, value))
    return fallback
  }
  const bool = (prop: keyof RoomOptions, fallback: boolean) => check(prop, fallback, (v) => typeof v === 'boolean', 'a boolean')
  const text = (prop: keyof RoomOptions, fallback: string) => check(prop, fallback, (v) => typeof v === 'string', 'a string')
  /** Without a fallback the prop is optional: blank = unset. */
  const oneOf = <T extends string | number | boolean, F extends T | undefined = undefined>(prop: keyof RoomOptions, allowed: readonly T[], fallback?: F, issues?: OptionIssue[]): T | F =>
    check<T | F>(prop, fallback as F, (v) => allowed.includes(v as T), `one of ${allowed.join(', ')}`, fallback === undefined ? isBlank : undefined, issues)

  let recordId: number | undefined
  if (!isBlank(raw.recordId)) {
    const n = toNumber(raw.recordId)
    if (Number.isSafeInteger(n) && n >= 0) recordId = n
    else fail(E.INVALID_PROP, 'recordId', 'a non-negative integer', raw.recordId)
  }

  const streamID: string | undefined = check('streamID', undefined, (v) => typeof v === 'string' && /^[A-Za-z0-9_\-]{1,64}$/.test(v), '1–64 letters, digits, _ or -', isBlank)

  const reconnect = { ...DEFAULT_RECONNECT }
  if (raw.reconnect !== undefined && (typeof raw.reconnect !== 'object' || raw.reconnect === null)) {
    fail(E.INVALID_PROP, 'reconnect', 'an object { maxAttempts, baseDelayMs, maxDelayMs }', raw.reconnect)
  } else if (raw.reconnect !== undefined) {
    for (const key of Object.keys(DEFAULT_RECONNECT) as Array<keyof ReconnectPolicy>) {
      const value = raw.reconnect[key]
      if (value === undefined) continue
      if (Number.isInteger(value) && value >= 0) reconnect[key] = value
      else fail(E.INVALID_PROP, `reconnect.${key}`, 'a non-negative integer', value)
    }
  }

  const enterTimeout = check('enterTimeout', DEFAULT_ENTER_TIMEOUT_MS, (v) => (v as number) >= 0 && Number.isFinite(v), 'a number of ms ≥ 0', (v) => v === undefined)

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
    // Media preferences: a bad value is a warning naming the prop and the default applies (the room still enters).
    backgroundPolicy: oneOf('backgroundPolicy', BACKGROUND_POLICIES, undefined, warnings),
    localMirror: oneOf('localMirror', LOCAL_MIRRORS, 'auto', warnings),
    remoteMirror: oneOf('remoteMirror', [true, false], false, warnings),
    enableSmallStream: smallStream(bool('enableSmallStream', false), warnings),
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
    ...checkScene(raw, errors),
  }

  if (options.enterMode === 'legacy' && room.kind === 'string') {
    fail(E.INVALID_ROOMID, 'roomID', `numeric with enterMode 'legacy'`, room.id)
  }

  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, options, warnings }
}

/**
 * Prop validation and defaults: raw `RoomOptions` (the component's props, or what a headless app
 * passes) → `ValidOptions`, or typed issues in the -90000 range. Pure; no globals.
 */
import * as E from './error-codes'
import { checkScene } from './live-role'
import { smallStream } from './member-media'
import { ROOM_ID_MAX } from './room-id'
import type { Aspect, BackgroundPolicy, EnterMode, GetUserSig, LiveRole, LiveScene, LocalMirror, ReconnectPolicy, RoomOptions, TemplateName } from './types'

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

export const DEFAULT_WAITING_IMG = 'https://mc.qcloudimg.com/static/img/daeed8616ac5df256c0591c22a65c4d3/pause_publish.jpg'

/** kbps. */
const DEFAULT_BITRATE = { minBitrate: 200, maxBitrate: 400 }

export const BACKGROUND_POLICIES: readonly BackgroundPolicy[] = ['keep', 'mute', 'pause', 'leave']
export const LOCAL_MIRRORS: readonly LocalMirror[] = ['auto', 'enable', 'disable']

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

function identityOf(raw: RoomOptions): string {
  const o = readOptions(raw).options
  return JSON.stringify([o.sdkAppID, o.userID, o.userSig, o.room, o.privateMapKey, o.scene])
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

type Check = (value: unknown) => boolean
/** What a prop's value must be: its test and how a message names it. */
type Kind = readonly [test: Check, must: string]

const BOOLEAN: Kind = [(v) => typeof v === 'boolean', 'a boolean']
const STRING: Kind = [(v) => typeof v === 'string', 'a string']
const FUNCTION: Kind = [(v) => typeof v === 'function', 'a function']
const STREAM_ID: Kind = [(v) => typeof v === 'string' && /^[A-Za-z0-9_\-]{1,64}$/.test(v), '1–64 letters, digits, _ or -']
const MS: Kind = [(v) => (v as number) >= 0 && Number.isFinite(v), 'a number of ms ≥ 0']

/** Props checked by the table below; the others need more than one test (validateOptions). */
type TableProp = Exclude<keyof ValidOptions, 'sdkAppID' | 'userID' | 'userSig' | 'room' | 'privateMapKey' | 'beauty' | 'whiteness' | 'minBitrate' | 'maxBitrate' | 'recordId' | 'reconnect' | 'scene' | 'role'>

/**
 * One optional prop: its kind (or the values it may take), its fallback, and whether a bad value is
 * only a warning (media preferences: the room still enters with the fallback). Absent (null, undefined;
 * also '' when there is no fallback or the prop is text) means the fallback.
 */
type Rule<K extends TableProp> = readonly [allowed: Kind | readonly ValidOptions[K][], fallback: ValidOptions[K], warn?: true]

const RULES: { [K in TableProp]: Rule<K> } = {
  template: [STRING, 'float'],
  muted: [BOOLEAN, false],
  debug: [BOOLEAN, false],
  enableIM: [BOOLEAN, false],
  aspect: [['9:16', '3:4'], '9:16'],
  autoplay: [BOOLEAN, false],
  enableCamera: [BOOLEAN, true],
  pureAudioPushMod: [[1, 2], undefined],
  streamID: [STREAM_ID, undefined],
  recvMode: [[1, 2, 3, 4], undefined],
  enableBlackStream: [BOOLEAN, undefined],
  pauseOnHide: [BOOLEAN, undefined],
  backgroundPolicy: [BACKGROUND_POLICIES, undefined, true],
  localMirror: [LOCAL_MIRRORS, 'auto', true],
  remoteMirror: [BOOLEAN, false, true],
  enableSmallStream: [BOOLEAN, false],
  enterMode: [['auto', 'modern', 'legacy'], 'auto'],
  useCloud: [BOOLEAN, true],
  userName: [STRING, ''],
  roomName: [STRING, ''],
  imGroupType: [['AVChatRoom', 'ChatRoom', 'Public', 'Meeting'], 'AVChatRoom'],
  enterTimeout: [MS, DEFAULT_ENTER_TIMEOUT_MS],
  soundMode: [['speaker', 'ear'], 'speaker'],
  waitingImg: [STRING, DEFAULT_WAITING_IMG],
  loadingImg: [STRING, ''],
  getUserSig: [FUNCTION, undefined],
}

/** Validate every prop; collects all errors (the room reports the first) and clamping warnings. */
export function validateOptions(input: RoomOptions): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [issue(E.INVALID_PROP, 'options', 'an object of props', input)], warnings: [] }
  }
  const { options, errors, warnings } = readOptions(input)
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, options, warnings }
}

/**
 * Every prop read: its value when valid, else its fallback — what an idle room shows before a
 * valid start — with the errors and warnings found.
 */
export function readOptions(raw: RoomOptions): { options: ValidOptions; errors: OptionIssue[]; warnings: OptionIssue[] } {
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

  /** A required text prop that must match its pattern (userSig: the message shows no value, it is a secret). */
  const text = (prop: 'userID' | 'userSig', pattern: RegExp, code: number, must: string, ...got: unknown[]) => {
    const value = raw[prop]
    if (required(prop, value) && (typeof value !== 'string' || !pattern.test(value))) fail(code, prop, must, ...got)
  }
  text('userID', USER_ID_PATTERN, E.INVALID_USERID, '1–32 letters, digits, _ - . @ (no spaces, no CJK)', raw.userID)
  text('userSig', SIG_PATTERN, E.INVALID_USERSIG, 'the base64 string your server signed (no spaces)')

  let room: RoomRef = { kind: 'numeric', id: 0 }
  const rawRoom = isBlank(raw.roomID) ? raw.roomId : raw.roomID
  if (required('roomID', rawRoom)) {
    const parsed = parseRoomRef(rawRoom)
    if ('code' in parsed) errors.push(parsed)
    else room = parsed
  }

  let privateMapKey = raw.privateMapKey ?? ''
  if (typeof privateMapKey !== 'string' || (privateMapKey !== '' && !SIG_PATTERN.test(privateMapKey))) {
    fail(E.INVALID_PROP, 'privateMapKey', 'the base64 string your server signed')
    privateMapKey = ''
  }

  /** A numeric prop (numeric strings too): blank → fallback; `valid` or else the error and the fallback. */
  const numeric = <F extends number | undefined>(prop: 'beauty' | 'whiteness' | 'minBitrate' | 'maxBitrate' | 'recordId', fallback: F, valid: Check, must: string, code: number = E.INVALID_PROP): number | F => {
    const value = raw[prop]
    if (isBlank(value)) return fallback
    const n = toNumber(value)
    if (valid(n)) return n
    fail(code, prop, must, value)
    return fallback
  }
  const level = (prop: 'beauty' | 'whiteness'): number => {
    const n = numeric(prop, 0, Number.isFinite, 'a number 0–9')
    const clamped = Math.min(9, Math.max(0, Math.round(n)))
    if (clamped !== n) warnings.push({ code: E.PROP_CLAMPED, prop, message: `${prop} ${n} clamped to ${clamped} (0–9)` })
    return clamped
  }
  const bitrate = (prop: 'minBitrate' | 'maxBitrate'): number =>
    numeric(prop, DEFAULT_BITRATE[prop], (n) => (n as number) > 0 && (n as number) < Infinity, 'a positive number of kbps', E.INVALID_BITRATE)
  const minBitrate = bitrate('minBitrate')
  const maxBitrate = bitrate('maxBitrate')
  if (minBitrate > maxBitrate) fail(E.INVALID_BITRATE, 'minBitrate', `≤ maxBitrate (${maxBitrate})`, minBitrate)

  const reconnect = { ...DEFAULT_RECONNECT }
  const rawReconnect = raw.reconnect
  if (rawReconnect !== undefined && (typeof rawReconnect !== 'object' || rawReconnect === null)) {
    fail(E.INVALID_PROP, 'reconnect', 'an object { maxAttempts, baseDelayMs, maxDelayMs }', rawReconnect)
  } else {
    for (const key in reconnect) {
      const value = rawReconnect?.[key as keyof ReconnectPolicy]
      if (value === undefined) continue
      if (Number.isInteger(value) && value >= 0) reconnect[key as keyof ReconnectPolicy] = value
      else fail(E.INVALID_PROP, `reconnect.${key}`, 'a non-negative integer', value)
    }
  }

  const options = {
    sdkAppID,
    userID: raw.userID,
    userSig: raw.userSig,
    room,
    privateMapKey,
    beauty: level('beauty'),
    whiteness: level('whiteness'),
    minBitrate,
    maxBitrate,
    recordId: numeric('recordId', undefined, (n) => Number.isSafeInteger(n) && (n as number) >= 0, 'a non-negative integer'),
    reconnect,
    ...checkScene(raw, errors),
  } as ValidOptions
  for (const prop of Object.keys(RULES) as TableProp[]) {
    const [allowed, fallback, warn] = RULES[prop] as Rule<TableProp>
    const value = raw[prop]
    // A kind starts with its test; a list of values never holds a function.
    const [test, must] = typeof allowed[0] === 'function' ? (allowed as Kind) : [(v: unknown) => allowed.includes(v as never), `one of ${allowed.join(', ')}`]
    // '' is absent too where there is no fallback, and for text props ('' template = the default one).
    let valid = value == null || (value === '' && (fallback === undefined || allowed === STRING)) ? fallback : value
    if (valid !== fallback && !test(valid)) {
      ;(warn ? warnings : errors).push(issue(E.INVALID_PROP, prop, must, value))
      valid = fallback
    }
    ;(options as unknown as Record<string, unknown>)[prop] = valid
  }
  // Small-stream playback is the member-media entry's: without it a warning, and no small stream.
  options.enableSmallStream = smallStream(options.enableSmallStream, warnings)

  if (options.enterMode === 'legacy' && room.kind === 'string') {
    fail(E.INVALID_ROOMID, 'roomID', `numeric with enterMode 'legacy'`, room.id)
  }

  return { options, errors, warnings }
}

/**
 * The enter-room form as plain data: defaults, validation and the hand-off to the sign service.
 * Pure functions (no `uni`): unit-tested in tests/demo/form.test.ts.
 */
import type { Aspect } from '@/uni_modules/webrtc-room'

/** Templates the demo offers: the three built-ins and the '1v3' custom page. */
export const DEMO_TEMPLATES = ['float', 'bigsmall', 'grid', '1v3'] as const
export type DemoTemplate = (typeof DEMO_TEMPLATES)[number]

export const ASPECTS: readonly Aspect[] = ['9:16', '3:4']

/** Largest numeric room id TRTC accepts from live-pusher (SPEC: 1..4294967294). */
export const MAX_ROOM_ID = 4294967294

/** What the user typed: strings, as inputs deliver them, plus the switches. */
export interface EnterForm {
  /** Empty = use the sign service's sdkAppID. */
  sdkAppID: string
  userID: string
  roomID: string
  template: DemoTemplate
  enableIM: boolean
  /** 0..9 */
  beauty: number
  aspect: Aspect
  /** Base URL of the sign service, e.g. http://127.0.0.1:8787 */
  signBaseURL: string
  /** The sign service's ACCESS_TOKEN when it requires one ('' = none). */
  signToken: string
  /** Keep the token in storage for later visits; otherwise it lives in memory for this app session only. */
  rememberToken: boolean
}

export type FormField = 'sdkAppID' | 'userID' | 'roomID' | 'signBaseURL' | 'signToken'

/** Message keys (see pages/shared/i18n.ts) so the page shows them in the user's language. */
export type FormErrorKey =
  | 'err.sdkAppID.format'
  | 'err.userID.empty'
  | 'err.userID.tooLong'
  | 'err.userID.chars'
  | 'err.roomID.empty'
  | 'err.roomID.notNumber'
  | 'err.roomID.range'
  | 'err.signBaseURL.format'
  | 'err.signToken.format'

export type FormErrors = Partial<Record<FormField, FormErrorKey>>

/** The validated form, typed for the sign request and the room page. */
export interface EnterParams {
  sdkAppID: number | null
  userID: string
  roomID: number
  template: DemoTemplate
  enableIM: boolean
  beauty: number
  aspect: Aspect
  signBaseURL: string
  signToken: string | null
}

const USER_ID_PATTERN = /^[A-Za-z0-9_-]+$/
const USER_ID_MAX = 32

export function validateUserID(raw: string): FormErrorKey | undefined {
  const value = raw.trim()
  if (!value) return 'err.userID.empty'
  if (value.length > USER_ID_MAX) return 'err.userID.tooLong'
  // URL-safe only: the push URL carries it unencoded and trtc-wx-sdk rejects CJK (PROTOCOL.md 1).
  if (!USER_ID_PATTERN.test(value)) return 'err.userID.chars'
  return undefined
}

export function validateRoomID(raw: string): FormErrorKey | undefined {
  const value = raw.trim()
  if (!value) return 'err.roomID.empty'
  if (!/^\d+$/.test(value)) return 'err.roomID.notNumber'
  const n = Number(value)
  if (n < 1 || n > MAX_ROOM_ID) return 'err.roomID.range'
  return undefined
}

export function validateSdkAppID(raw: string): FormErrorKey | undefined {
  const value = raw.trim()
  if (!value) return undefined
  return /^[1-9]\d{0,9}$/.test(value) && Number(value) <= 0xffffffff ? undefined : 'err.sdkAppID.format'
}

export function validateSignBaseURL(raw: string): FormErrorKey | undefined {
  return /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(raw.trim()) ? undefined : 'err.signBaseURL.format'
}

/** Optional; when given it travels in an HTTP header, so: printable ASCII without spaces. */
export function validateSignToken(raw: string): FormErrorKey | undefined {
  const value = raw.trim()
  return !value || /^[\x21-\x7e]{1,256}$/.test(value) ? undefined : 'err.signToken.format'
}

export function validateForm(form: EnterForm): FormErrors {
  const errors: FormErrors = {}
  const checks: [FormField, FormErrorKey | undefined][] = [
    ['sdkAppID', validateSdkAppID(form.sdkAppID)],
    ['userID', validateUserID(form.userID)],
    ['roomID', validateRoomID(form.roomID)],
    ['signBaseURL', validateSignBaseURL(form.signBaseURL)],
    ['signToken', validateSignToken(form.signToken)],
  ]
  for (const [field, error] of checks) if (error) errors[field] = error
  return errors
}

/** Validated params, or the errors to show next to each field. */
export function parseForm(form: EnterForm): { ok: true; params: EnterParams } | { ok: false; errors: FormErrors } {
  const errors = validateForm(form)
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const sdkAppID = form.sdkAppID.trim()
  return {
    ok: true,
    params: {
      sdkAppID: sdkAppID ? Number(sdkAppID) : null,
      userID: form.userID.trim(),
      roomID: Number(form.roomID.trim()),
      template: form.template,
      enableIM: form.enableIM,
      beauty: clampBeauty(form.beauty),
      aspect: form.aspect,
      signBaseURL: form.signBaseURL.trim().replace(/\/+$/, ''),
      signToken: form.signToken.trim() || null,
    },
  }
}

export function clampBeauty(value: number): number {
  if (!Number.isFinite(value)) return 0
  return Math.min(9, Math.max(0, Math.round(value)))
}

const ADJECTIVES = ['amber', 'brave', 'calm', 'eager', 'fuzzy', 'happy', 'jolly', 'lucky', 'mellow', 'nimble', 'quiet', 'rapid', 'sunny', 'swift', 'witty', 'zesty']
const ANIMALS = ['otter', 'panda', 'tiger', 'koala', 'heron', 'lynx', 'whale', 'gecko', 'robin', 'yak', 'fox', 'owl', 'seal', 'crane', 'bison', 'moth']

/** A readable random userID such as `swift_panda_42`; `random` is injectable for tests. */
export function randomUserID(random: () => number = Math.random): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length) % list.length]
  const suffix = String(Math.floor(random() * 100)).padStart(2, '0')
  return `${pick(ADJECTIVES)}_${pick(ANIMALS)}_${suffix}`
}

/** A random 6-digit room id, so two testers do not collide by accident. */
export function randomRoomID(random: () => number = Math.random): string {
  return String(100000 + Math.floor(random() * 900000))
}

/** The page a template opens: the built-ins use the room page, '1v3' the custom-layout page. */
export function roomPagePath(template: DemoTemplate): string {
  return template === '1v3' ? '/pages/custom/custom' : '/pages/room/room'
}

export function isDemoTemplate(value: unknown): value is DemoTemplate {
  return typeof value === 'string' && (DEMO_TEMPLATES as readonly string[]).includes(value)
}

/**
 * The form a visit starts with: remembered values where they are still valid, a fresh random
 * userID/roomID otherwise (a stale saved value must not break the form).
 */
export function initialForm(saved: Partial<EnterForm>, defaultSignBaseURL: string, random: () => number = Math.random): EnterForm {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
  const userID = str(saved.userID)
  const roomID = str(saved.roomID)
  return {
    sdkAppID: str(saved.sdkAppID) !== undefined && !validateSdkAppID(saved.sdkAppID!) ? saved.sdkAppID! : '',
    userID: userID !== undefined && !validateUserID(userID) ? userID : randomUserID(random),
    roomID: roomID !== undefined && !validateRoomID(roomID) ? roomID : randomRoomID(random),
    template: isDemoTemplate(saved.template) ? saved.template : 'float',
    enableIM: typeof saved.enableIM === 'boolean' ? saved.enableIM : true,
    beauty: typeof saved.beauty === 'number' ? clampBeauty(saved.beauty) : 3,
    aspect: saved.aspect && ASPECTS.includes(saved.aspect) ? saved.aspect : '9:16',
    signBaseURL: str(saved.signBaseURL) !== undefined && !validateSignBaseURL(saved.signBaseURL!) ? saved.signBaseURL! : defaultSignBaseURL,
    signToken: str(saved.signToken) !== undefined && !validateSignToken(saved.signToken!) ? saved.signToken! : '',
    rememberToken: saved.rememberToken === true,
  }
}

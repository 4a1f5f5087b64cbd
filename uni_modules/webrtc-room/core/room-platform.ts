/**
 * What the controller asks of the platform, each piece small and session-agnostic: named timers,
 * app show / hide listeners, the preflight and the legacy signed URL (when the `legacy` entry
 * installed it). Results come back as plain values; the controller tags them with the session's epoch.
 *
 * The preflight before pushing (live-pusher needs a phone, not the devtools simulator; base library
 * ≥ 1.7.0, WeChat ≥ 6.6.6, modern URL ≥ 2.10.0 / 7.0.8; scope.camera + scope.record) is pure over
 * `Platform`: platform name, the devtools simulator, WeChat / base library versions, and the camera / record scopes. It also decides the enter
 * mode when `enterMode` is 'auto': modern on WeChat ≥ 7.0.8 (iOS ≥ 7.0.9) with base library ≥ 2.10.0,
 * legacy for older clients that still meet the hard minimum (1.7.0 / 6.6.6).
 *
 * It never loops on a denied scope: a denial is one failure with advice; the app may call
 * `controller.openSetting()` (→ `platform.openSetting`) from a user gesture, then `start()` again.
 */
import type { TimerName } from './actions'
import { errorText } from './error-codes'
import * as E from './error-codes'
import type { ValidOptions } from './options'
import { publishes } from './live-role'
import type { EnterMode, Platform, SystemInfo, TimerHandle, Unsubscribe } from './types'

/** Compare dotted version strings numerically ('2.10.0' > '2.9.9'). Missing parts count as 0. */
export function compareVersion(a: string, b: string): number {
  const parts = (version: string) => version.split('.').map((part) => parseInt(part, 10) || 0)
  const pa = parts(a)
  const pb = parts(b)
  const length = Math.max(pa.length, pb.length)
  for (let i = 0; i < length; i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (diff) return diff > 0 ? 1 : -1
  }
  return 0
}

/** true when `version` is set and ≥ `min`. */
export function isAtLeast(version: string | undefined, min: string): boolean {
  return !!version && compareVersion(version, min) >= 0
}

export const VERSION_THRESHOLDS = {
  modernBaseLibrary: '2.10.0',
  modernWechat: '7.0.8',
  modernWechatIOS: '7.0.9',
  minBaseLibrary: '1.7.0',
  minWechat: '6.6.6',
} as const

export interface PreflightInput {
  enterMode: EnterMode
  /** Ask for scope.camera (false for audio-only rooms). */
  needCamera: boolean
  /** false: ask for no media scope at all (the live audience). */
  needMic?: boolean
  /** The opt-in `legacy` entry is installed (else a client that needs the legacy flow fails here). */
  legacy?: boolean
}

/** What a legacy enter needs when the app did not import the entry. */
export const LEGACY_MISSING = "the legacy enter flow needs import '@/uni_modules/webrtc-room/legacy' (main.ts)"

export type PreflightResult =
  | { ok: true; mode: 'modern' | 'legacy'; system: SystemInfo | null }
  | { ok: false; code: number; message: string; detail: Record<string, unknown> }

type PreflightFailure = PreflightResult & { ok: false }

/**
 * Which URL generation a client supports, or why it supports none (below the hard minimum).
 * Unknown versions count as modern (nothing to block on).
 */
export function classifyClient(info: SystemInfo): 'modern' | 'legacy' | PreflightFailure {
  const { SDKVersion, version, platform } = info
  const versions = { SDKVersion, version, platform }
  if (SDKVersion && !isAtLeast(SDKVersion, VERSION_THRESHOLDS.minBaseLibrary)) {
    return failure(E.BASE_LIBRARY_TOO_OLD, `base library ${SDKVersion} is older than ${VERSION_THRESHOLDS.minBaseLibrary}`, versions)
  }
  if (version && !isAtLeast(version, VERSION_THRESHOLDS.minWechat)) {
    return failure(E.WECHAT_TOO_OLD, `WeChat ${version} is older than ${VERSION_THRESHOLDS.minWechat}`, versions)
  }
  const modernWechat = platform === 'ios' ? VERSION_THRESHOLDS.modernWechatIOS : VERSION_THRESHOLDS.modernWechat
  const baseOk = !SDKVersion || isAtLeast(SDKVersion, VERSION_THRESHOLDS.modernBaseLibrary)
  const wechatOk = !version || isAtLeast(version, modernWechat)
  return baseOk && wechatOk ? 'modern' : 'legacy'
}

/**
 * What a legacy-only client lacks for the modern flow (its base library or its WeChat version).
 * Also used when such a client is asked to enter a string room: the 2018 flow knows numeric rooms only.
 */
export function missingForModern(system: SystemInfo | null): { code: number; message: string } {
  const baseTooOld = !!system?.SDKVersion && !isAtLeast(system.SDKVersion, VERSION_THRESHOLDS.modernBaseLibrary)
  return baseTooOld
    ? { code: E.BASE_LIBRARY_TOO_OLD, message: `needs base library ≥ ${VERSION_THRESHOLDS.modernBaseLibrary}` }
    : { code: E.WECHAT_TOO_OLD, message: `needs WeChat ≥ ${VERSION_THRESHOLDS.modernWechat} (iOS ${VERSION_THRESHOLDS.modernWechatIOS})` }
}

function failure(code: number, message: string, detail: Record<string, unknown> = {}): PreflightFailure {
  return { ok: false, code, message, detail }
}

const CAMERA = ['scope.camera', E.CAMERA_PERMISSION_DENIED] as const
const MIC = ['scope.record', E.RECORD_PERMISSION_DENIED] as const

/** Ask for the camera (when needed) and microphone scopes: the failure of the first one denied, else null. */
export async function mediaScopes(platform: Platform, needCamera: boolean): Promise<PreflightFailure | null> {
  for (const [scope, code] of needCamera ? [CAMERA, MIC] : [MIC]) {
    // A throwing authorize counts as denied.
    if (!(await platform.authorize(scope).catch(() => false))) {
      return failure(code, `${scope} was denied`, { scope, canOpenSetting: typeof platform.openSetting === 'function' })
    }
  }
  return null
}

export async function runPreflight(platform: Platform, input: PreflightInput): Promise<PreflightResult> {
  // H5: the browser engine does its own checks (secure context, devices); URLs are not used there.
  if (platform.name === 'h5') return { ok: true, mode: 'modern', system: null }
  if (platform.name !== 'mp-weixin') {
    return failure(E.UNSUPPORTED_PLATFORM, `webrtc-room runs on mp-weixin and H5, not on ${platform.name}`, { platform: platform.name })
  }

  if (input.enterMode === 'legacy' && !input.legacy) {
    return failure(E.INVALID_PROP, `enterMode 'legacy': ${LEGACY_MISSING}`, { prop: 'enterMode' })
  }
  let system: SystemInfo
  try {
    system = platform.getSystemInfo()
  } catch (err) {
    return failure(E.UNSUPPORTED_PLATFORM, 'could not read the system info', { cause: String(err) })
  }
  if (system.platform === 'devtools') {
    // The code's own message says it all: the devtools simulator has no live-pusher.
    return failure(E.DEVTOOLS_SIMULATOR, '', { platform: system.platform })
  }
  const generation = classifyClient(system)
  if (typeof generation !== 'string') return generation
  // A legacy-only client fails when modern is asked for, or when the legacy entry is missing.
  if (generation === 'legacy' && (input.enterMode === 'modern' || !input.legacy)) {
    const missing = missingForModern(system)
    const message = input.enterMode === 'modern' ? `enterMode 'modern' ${missing.message}` : `this client ${missing.message}; ${LEGACY_MISSING}`
    return failure(missing.code, message, { SDKVersion: system.SDKVersion, version: system.version, platform: system.platform })
  }
  const mode = input.enterMode === 'auto' ? generation : input.enterMode

  // The live audience publishes nothing: no camera or microphone prompt until it co-hosts.
  const denied = input.needMic === false ? null : await mediaScopes(platform, input.needCamera)
  if (denied) return denied
  return { ok: true, mode: mode as 'modern' | 'legacy', system }
}

// ---- Controller helpers ---------------------------------------------------------------------

/** One pending timer per name; setting a name again replaces it. */
export function createTimers(platform: Platform, fire: (name: TimerName, epoch: number) => void) {
  const timers: Partial<Record<TimerName, TimerHandle>> = {}
  function clear(name: TimerName): void {
    if (!(name in timers)) return
    platform.clearTimeout(timers[name]!)
    delete timers[name]
  }
  return {
    set(name: TimerName, ms: number, epoch: number): void {
      clear(name)
      const handle = (timers[name] = platform.setTimeout(() => {
        if (timers[name] !== handle) return
        delete timers[name]
        fire(name, epoch)
      }, ms))
    },
    clear,
    clearAll(): void {
      for (const name in timers) clear(name as TimerName)
    },
  }
}

/** App show / hide listeners, held only while a session may need them (a room left alone leaks nothing). */
export function createAppWatch(platform: Platform, onHide: () => void, onShow: () => void, warn: (message: string, error: unknown) => void) {
  let offs: Unsubscribe[] = []
  return {
    active: () => offs.length > 0,
    ensure(): void {
      if (offs.length > 0) return
      try {
        offs = [platform.onAppHide(onHide), platform.onAppShow(onShow)]
      } catch (err) {
        warn('app show/hide listeners unavailable', err)
      }
    },
    release(): void {
      const current = offs
      offs = []
      for (const off of current) {
        try {
          off()
        } catch (err) {
          warn('app listener removal threw', err)
        }
      }
    },
  }
}

/** The preflight of a session; never rejects (a throwing platform is a typed failure). */
export function preflight(platform: Platform, options: ValidOptions): Promise<PreflightResult> {
  const needMic = publishes(options)
  return runPreflight(platform, { enterMode: options.enterMode, needCamera: needMic && options.enableCamera, needMic, legacy: legacyFlow !== null }).catch(
    (err): PreflightResult => ({ ok: false, code: E.UNSUPPORTED_PLATFORM, message: errorText(err, 'preflight failed'), detail: {} }),
  )
}

/** What the legacy flow answers: the signed push URL, or why there is none. */
export type SignedURLAnswer = { ok: true; pushURL: string } | { ok: false; message: string; errorCode?: number }
export type SignedURLRequest = (platform: Platform, options: ValidOptions) => Promise<SignedURLAnswer>

/** The legacy flow, installed by the opt-in `legacy` entry (null: modern URLs only). */
let legacyFlow: SignedURLRequest | null = null

export function installLegacyFlow(flow: SignedURLRequest | null): void {
  legacyFlow = flow
}

/** The legacy push URL (room signature first); never rejects. Preflight fails before this without the entry. */
export function requestRoomSig(platform: Platform, options: ValidOptions): Promise<SignedURLAnswer> {
  return legacyFlow ? legacyFlow(platform, options) : Promise.resolve({ ok: false, message: LEGACY_MISSING })
}


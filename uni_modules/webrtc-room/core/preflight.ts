/**
 * Preflight before pushing (live-pusher needs a phone, not the devtools simulator; base library ≥ 1.7.0, WeChat ≥ 6.6.6, modern URL ≥ 2.10.0 / 7.0.8; scope.camera + scope.record), pure over `Platform`: platform name, the devtools
 * simulator, WeChat / base library versions, and the camera / record scopes. It also decides the enter
 * mode when `enterMode` is 'auto': modern on WeChat ≥ 7.0.8 (iOS ≥ 7.0.9) with base library ≥ 2.10.0,
 * legacy for older clients that still meet the hard minimum (1.7.0 / 6.6.6).
 *
 * It never loops on a denied scope: a denial is one failure with advice; the app may call
 * `controller.openSetting()` (→ `platform.openSetting`) from a user gesture, then `start()` again.
 */
import { RoomErrorCode } from './error-codes'
import type { EnterMode, Platform, SystemInfo } from './types'

// Module-local aliases: a local name minifies to one letter, a cross-module property path does not.
const E = RoomErrorCode

/** Compare dotted version strings numerically ('2.10.0' > '2.9.9'). Missing parts count as 0. */
export function compareVersion(a: string, b: string): number {
  const pa = a.split('.').map((part) => parseInt(part, 10) || 0)
  const pb = b.split('.').map((part) => parseInt(part, 10) || 0)
  const length = Math.max(pa.length, pb.length)
  for (let i = 0; i < length; i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (diff !== 0) return diff > 0 ? 1 : -1
  }
  return 0
}

/** true when `version` is set and ≥ `min`. */
export function isAtLeast(version: string | undefined, min: string): boolean {
  return typeof version === 'string' && version !== '' && compareVersion(version, min) >= 0
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

const CAMERA = ['scope.camera', E.CAMERA_PERMISSION_DENIED, 'camera'] as const
const MIC = ['scope.record', E.RECORD_PERMISSION_DENIED, 'microphone'] as const

/** Ask for the camera (when needed) and microphone scopes: the failure of the first one denied, else null. */
export async function mediaScopes(platform: Platform, needCamera: boolean): Promise<PreflightFailure | null> {
  for (const [scope, code, device] of needCamera ? [CAMERA, MIC] : [MIC]) {
    // A throwing authorize counts as denied.
    if (!(await platform.authorize(scope).catch(() => false))) {
      return failure(code, `${device} permission (${scope}) was denied`, { scope, canOpenSetting: typeof platform.openSetting === 'function' })
    }
  }
  return null
}

export async function runPreflight(platform: Platform, input: PreflightInput): Promise<PreflightResult> {
  // H5: the browser engine does its own checks (secure context, devices); URLs are not used there.
  if (platform.name === 'h5') return { ok: true, mode: 'modern', system: null }
  if (platform.name !== 'mp-weixin') {
    return failure(E.UNSUPPORTED_PLATFORM, `webrtc-room runs on WeChat mini-programs and H5, not on ${platform.name}`, { platform: platform.name })
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

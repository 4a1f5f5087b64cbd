/**
 * What the controller asks of the platform, each piece small and session-agnostic: named timers,
 * app show / hide listeners, the preflight and the legacy signed URL (when the `legacy` entry installed it). Results come back
 * as plain values; the controller tags them with the session's epoch.
 */
import type { TimerName } from './actions'
import { errorText, RoomErrorCode } from './error-codes'
import type { ValidOptions } from './options'
import { publishes } from './live-role'
import { LEGACY_MISSING, runPreflight, type PreflightResult } from './preflight'
import type { Platform, TimerHandle, Unsubscribe } from './types'

/** One pending timer per name; setting a name again replaces it. */
export function createTimers(platform: Platform, fire: (name: TimerName, epoch: number) => void) {
  const timers = new Map<TimerName, TimerHandle>()
  function clear(name: TimerName): void {
    const handle = timers.get(name)
    if (handle === undefined) return
    timers.delete(name)
    platform.clearTimeout(handle)
  }
  return {
    set(name: TimerName, ms: number, epoch: number): void {
      clear(name)
      const handle = platform.setTimeout(() => {
        if (timers.get(name) !== handle) return
        timers.delete(name)
        fire(name, epoch)
      }, ms)
      timers.set(name, handle)
    },
    clear,
    clearAll(): void {
      for (const name of [...timers.keys()]) clear(name)
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
    (err): PreflightResult => ({ ok: false, code: RoomErrorCode.UNSUPPORTED_PLATFORM, message: errorText(err, 'preflight failed'), detail: {} }),
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


/**
 * What the controller asks of the platform, each piece small and session-agnostic: named timers,
 * app show / hide listeners, the preflight and the legacy room-signature request. Results come back
 * as plain values; the controller tags them with the session's epoch.
 */
import type { TimerName } from './actions'
import type { RoomEngine } from './engine'
import { errorCode, errorText, RoomErrorCode } from './error-codes'
import type { ValidOptions } from './options'
import { publishes } from './live-role'
import { mediaScopes, runPreflight, type PreflightResult } from './preflight'
import { buildRoomSigRequest, parseRoomSigResponse, type RoomSigResult } from './room-signature'
import type { LiveRole, Platform, TimerHandle, Unsubscribe } from './types'

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
  return runPreflight(platform, { enterMode: options.enterMode, needCamera: needMic && options.enableCamera, needMic }).catch(
    (err): PreflightResult => ({ ok: false, code: RoomErrorCode.UNSUPPORTED_PLATFORM, message: errorText(err, 'preflight failed'), detail: {} }),
  )
}

/** The legacy room-signature request; never rejects. */
export function requestRoomSig(platform: Platform, options: ValidOptions): Promise<RoomSigResult> {
  const random = Math.floor(platform.random() * 0xffffffff) >>> 0
  let request
  try {
    request = platform.request(buildRoomSigRequest(options, random))
  } catch (err) {
    request = Promise.reject(err)
  }
  return request.then(parseRoomSigResponse, (err): RoomSigResult => ({ ok: false, message: errorText(err, 'room signature request failed') }))
}

/**
 * A live-scene role switch; never rejects. Co-hosting on a mini-program asks for the camera /
 * microphone scopes first (the audience never did); then the engine switches (H5 `switchRole`; the
 * mini-program pusher follows its attributes, no call needed).
 */
export async function switchRole(platform: Platform, engine: RoomEngine, options: ValidOptions, role: LiveRole): Promise<{ ok: boolean; code?: number; message?: string }> {
  try {
    const denied = role === 'anchor' && platform.name !== 'h5' ? await mediaScopes(platform, options.enableCamera) : null
    if (denied) return { ok: false, code: RoomErrorCode.ROLE_SWITCH_FAILED, message: `co-hosting needs ${denied.detail.scope}: ${denied.message}` }
    await engine.switchRole?.(role)
    return { ok: true }
  } catch (err) {
    return { ok: false, code: errorCode(err, RoomErrorCode.ROLE_SWITCH_FAILED), message: errorText(err, `switching to ${role} failed`) }
  }
}

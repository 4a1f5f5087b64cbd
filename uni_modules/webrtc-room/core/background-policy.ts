/**
 * Background policy and mirror values: which policy applies (the prop, its deprecated alias
 * `pauseOnHide`, the platform default) and what it binds on the tags. Pure; no imports at runtime.
 */
import type { CoreState } from './room-state'
import type { BackgroundPolicy, LocalMirror, RoomOptions } from './types'

export const BACKGROUND_POLICIES: readonly BackgroundPolicy[] = ['keep', 'mute', 'pause', 'leave']
export const LOCAL_MIRRORS: readonly LocalMirror[] = ['auto', 'enable', 'disable']

/**
 * A mini-program pauses (WeChat stops the camera in the background anyway); a browser tab keeps the
 * call going (users switch tabs during calls).
 */
export function defaultBackgroundPolicy(platformName: string): BackgroundPolicy {
  return platformName === 'h5' ? 'keep' : 'pause'
}

/**
 * The policy in force: a valid `backgroundPolicy` wins, else `pauseOnHide` (true → pause, false →
 * keep), else the platform's default. An invalid value falls through (validation warned about it).
 */
export function backgroundPolicy(o: Pick<RoomOptions, 'backgroundPolicy' | 'pauseOnHide'>, fallback: BackgroundPolicy): BackgroundPolicy {
  const policy = o.backgroundPolicy
  if (policy && BACKGROUND_POLICIES.includes(policy)) return policy
  return typeof o.pauseOnHide === 'boolean' ? (o.pauseOnHide ? 'pause' : 'keep') : fallback
}

/** The policy of a room's state (its options as given, its platform's default). */
export function policyOf(state: Pick<CoreState, 'raw' | 'hideDefault'>): BackgroundPolicy {
  return backgroundPolicy(state.raw, state.hideDefault)
}

/** `value` when it is one of `allowed`, else `fallback` (idle pusher attributes before validation). */
export function oneOfOr<T>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback
}

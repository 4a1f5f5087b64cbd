/**
 * The seam of the opt-in userSig refresh. The `sig-refresh` entry installs it
 * (`import '@/uni_modules/webrtc-room/sig-refresh'` in main.ts); without it a refused userSig
 * (TRTC -100018, IM 70001 / the `userSigExpired` kick) ends the way it does without `getUserSig`
 * — `error` -90200 (-90201 for an invalid one), a legacy room signature's 700xx its -9 after the
 * retry — and a `getUserSig` given anyway gets one `warning` at start naming the import.
 */
import type { EngineAction } from './actions'
import type { Step } from './reduce-session'
import type { createSigRefresh, SigRefreshed } from './sig-refresh'

export const SIG_MISSING = "getUserSig needs import '@/uni_modules/webrtc-room/sig-refresh' (main.ts)"

export interface Refresher {
  /** Reducer: TRTC refused the userSig on enter; true = getUserSig asked (else the caller fails). */
  enterFailed(step: Step, action: Extract<EngineAction, { type: 'enter_failed' }>): boolean
  /** Reducer: the legacy room-signature request failed with `errorCode`; true = getUserSig asked. */
  roomSigRefused(step: Step, errorCode: number | undefined, message: string): boolean
  /** Reducer: getUserSig answered. */
  refreshed(step: Step, action: SigRefreshed): void
  /** Controller: the requester (one request in flight, bounded by a timeout). */
  create: typeof createSigRefresh
}

/** The installed refresher (null: none — a refused userSig is the error it always was). */
export let refresher: Refresher | null = null

export function installSigRefresh(installed: Refresher | null): void {
  refresher = installed
}

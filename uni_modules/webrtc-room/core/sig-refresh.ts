/**
 * userSig refresh: when TRTC (-100018 on mp-weixin and H5, a legacy room-signature 700xx) or IM
 * (login 70001 …, kicked out `userSigExpired`) refuses the signature, ask the app's `getUserSig` for a
 * new one and carry on with it: the room leaves and re-enters (IM, options and the user's choices
 * stay), IM logs in again (room-im.ts). One request at a time (TRTC and IM asking together share it),
 * bounded by a timeout; an answer that is no signature, or the very one just rejected, is a failure,
 * never a re-enter with it. SIG_REFRESH_LIMIT asks per rejection (reset once in / logged in), so a
 * refresher that fails or hands out rejected signatures ends in ONE -90200.
 * Without `getUserSig` a rejection is the error it always was.
 *
 * Opt-in: only the `sig-refresh` entry installs it (core/refresher.ts is the seam the reducer and the
 * controller call), so apps that never refresh ship none of it. Three parts in one module (one file,
 * no cross-file names): the reducer's side (enterFailed, roomSigRefused, refreshed), the controller's
 * requester (createSigRefresh) and the account codes that mean "signature refused" (sigReason, which
 * the IM link also reads).
 */
import type { EngineAction } from './actions'
import { errorText } from './error-codes'
import * as E from './error-codes'
import { roomIDText, SIG_PATTERN, type ValidOptions } from './options'
import { fatal, leaveToReenter, nativeDetail, obtainURL, type Step } from './reduce-session'
import type { ErrorDetail, Platform, UserSigRequest } from './types'


export type SigReason = UserSigRequest['reason']
export type SigAnswer = { ok: true; userSig: string; privateMapKey?: string } | { ok: false; message: string }
/** What the reducer gets: the answer, for the session (epoch) that asked. */
export type SigRefreshed = { type: 'sig_refreshed'; epoch: number; source: UserSigRequest['source'] } & SigAnswer

/** getUserSig calls per rejection episode (reset once the room entered / IM logged in). */
export const SIG_REFRESH_LIMIT = 2
export const SIG_REFRESH_TIMEOUT_MS = 10000

/**
 * Account (TLS) codes — tim login errors, the legacy room-signature `ErrorCode` — that refuse the
 * userSig itself: 70001 expired, 70052 invalidated; 70002–70016 malformed, wrong key, signed for
 * another userID / sdkAppID.
 */
export function sigReason(code: unknown): SigReason | undefined {
  return code === 70001 || code === 70052 ? 'expired' : (code as number) > 70001 && (code as number) <= 70016 ? 'invalid' : undefined
}

// ---- Reducer ----------------------------------------------------------------------------------

function giveUp(step: Step, message: string, detail?: Partial<ErrorDetail>): void {
  fatal(step, E.USERSIG_EXPIRED, { ...detail, message: `${message}; sign a new userSig`, refreshes: step.state.sigTries })
}

function ask(step: Step, reason: SigReason): void {
  step.state.sigTries += 1
  step.effect({ type: 'refresh_sig', epoch: step.state.epoch, reason })
}

/** A refused userSig: leave and ask getUserSig (bounded). False = no `reason` or no refresher: the caller fails as before. */
function sigRejected(step: Step, reason: SigReason | undefined, detail: Partial<ErrorDetail>): boolean {
  if (!reason || !step.state.options?.getUserSig) return false
  if (step.state.sigTries >= SIG_REFRESH_LIMIT) giveUp(step, `userSig refused again after ${step.state.sigTries} refreshes (${detail.message})`, detail)
  else {
    const dropped = leaveToReenter(step)
    step.emit('reconnecting', reason === 'expired' ? E.USERSIG_EXPIRED : E.USERSIG_MALFORMED, { message: `userSig ${reason}: refreshing`, reason: 'usersig', nativeCode: detail.nativeCode, membersCleared: dropped })
    ask(step, reason)
  }
  return true
}

/** TRTC refused the userSig on enter (-90200 expired, -90201 invalid): true = getUserSig asked. */
export function enterFailed(step: Step, a: Extract<EngineAction, { type: 'enter_failed' }>): boolean {
  return sigRejected(step, a.code === E.USERSIG_EXPIRED ? 'expired' : a.code === E.USERSIG_MALFORMED ? 'invalid' : undefined, nativeDetail(a))
}

/** The legacy room-signature request failed: true = its account code refused the userSig and getUserSig asked. */
export function roomSigRefused(step: Step, errorCode: number | undefined, message: string): boolean {
  return sigRejected(step, sigReason(errorCode), { message, nativeCode: errorCode })
}

/** getUserSig answered (for the session that asked). */
export function refreshed(step: Step, a: SigRefreshed): void {
  const o = step.state.options
  if (!o || a.epoch !== step.state.epoch) return
  if (a.ok) {
    // The newest signature serves every later enter, reconnect and IM login (update() merges raw).
    const privateMapKey = a.privateMapKey ?? o.privateMapKey
    step.state.options = { ...o, userSig: a.userSig, privateMapKey }
    step.state.raw = { ...step.state.raw, userSig: a.userSig, privateMapKey }
  }
  // Only the TRTC side's own request, while it waits, re-enters.
  if (a.source !== 'trtc' || step.room.status !== 'reconnecting' || !step.state.sigTries) return
  if (a.ok) obtainURL(step)
  else if (step.state.sigTries < SIG_REFRESH_LIMIT) ask(step, 'expired')
  else giveUp(step, a.message)
}

// ---- Controller -------------------------------------------------------------------------------

const failed = (why: string): SigAnswer => ({ ok: false, message: `getUserSig ${why}` })

function check(value: unknown, rejected: string): SigAnswer {
  const { userSig, privateMapKey } = ((typeof value === 'string' ? { userSig: value } : value) ?? {}) as { userSig?: unknown; privateMapKey?: unknown }
  const valid = (sig: unknown): sig is string => typeof sig === 'string' && SIG_PATTERN.test(sig)
  if (!valid(userSig)) return failed('answered no userSig')
  if (privateMapKey != null && !valid(privateMapKey)) return failed('answered a bad privateMapKey')
  if (userSig === rejected) return failed('answered the userSig just refused')
  return privateMapKey ? { ok: true, userSig, privateMapKey } : { ok: true, userSig }
}

export interface SigRefresh {
  /**
   * Ask for the session `epoch` (default: the current one). `answered` gets the result before the
   * returned Promise does (so IM logs in again with options that already hold it). Never rejects;
   * without a `getUserSig` answers `ok: false` at once.
   */
  ask(reason: SigReason, source: UserSigRequest['source'], epoch?: number): Promise<SigAnswer>
  /** Drop the request in flight (stop): its late answer goes nowhere. */
  cancel(): void
}

export function createSigRefresh(
  platform: Platform,
  session: () => { options: ValidOptions | null; epoch: number },
  answered: (action: SigRefreshed) => void,
  timeoutMs = SIG_REFRESH_TIMEOUT_MS,
): SigRefresh {
  /** The request in flight, for the userSig it replaces. */
  let pending: Promise<SigAnswer> | null = null
  let replacing = ''
  let settle = (_: SigAnswer) => {}

  function request(reason: SigReason, source: UserSigRequest['source']): Promise<SigAnswer> {
    const o = session().options
    const get = o?.getUserSig
    if (!get) return Promise.resolve(failed('is not set'))
    if (pending && replacing === o.userSig) return pending
    const rejected = (replacing = o.userSig)
    let done!: (a: SigAnswer) => void
    const answer: Promise<SigAnswer> = (pending = new Promise((resolve) => {
      const timer = platform.setTimeout(() => done(failed(`gave no answer in ${timeoutMs} ms`)), timeoutMs)
      settle = done = (a) => {
        platform.clearTimeout(timer)
        if (pending === answer) pending = null
        resolve(a)
      }
    }))
    new Promise((resolve) => resolve(get({ userID: o.userID, sdkAppID: o.sdkAppID, roomID: roomIDText(o.room), reason, source }))).then(
      (value) => done(check(value, rejected)),
      (err) => done(failed(`failed: ${errorText(err, String(err))}`)),
    )
    return answer
  }

  return {
    ask: (reason, source, epoch = session().epoch) =>
      request(reason, source).then((answer) => {
        answered({ type: 'sig_refreshed', epoch, source, ...answer })
        return answer
      }),
    cancel: () => pending && settle(failed('stopped')),
  }
}

/**
 * userSig refresh: asks the app's `getUserSig` for a new signature when TRTC or IM rejected the
 * current one. One request at a time (TRTC and IM asking together share it), bounded by a timeout,
 * and the answer is checked before anyone uses it: a non-string, a malformed sig or the very sig that
 * was just rejected is a failure, never a re-enter with it (no loop). The reducer (reduce-sig.ts) and
 * the IM link (room-im.ts) count the attempts: at most SIG_REFRESH_LIMIT per rejection episode.
 *
 * @example
 * const sig = createSigRefresh(platform, () => core, (action) => dispatch(action))
 * sig.ask('expired', 'im').then((a) => (a.ok ? login() : fail(a.message)))
 */
import { errorText } from './error-codes'
import { roomIDText, SIG_PATTERN, type ValidOptions } from './options'
import { redact } from './redact'
import type { Platform, UserSigRequest } from './types'

export type SigReason = UserSigRequest['reason']
export type SigAnswer = { ok: true; userSig: string; privateMapKey?: string } | { ok: false; message: string }

/** getUserSig calls per rejection episode (reset once the room entered / IM logged in). */
export const SIG_REFRESH_LIMIT = 2
export const SIG_REFRESH_TIMEOUT_MS = 10000

/**
 * Account (TLS) codes that refuse the userSig itself — tim login errors and the legacy room-signature
 * request's `ErrorCode`: 70001 expired, 70052 invalidated; 70002/70003/70005 malformed, 70009/70016
 * wrong key, 70013/70014 signed for another userID / sdkAppID.
 */
export function sigReason(code: unknown): SigReason | undefined {
  if (code === 70001 || code === 70052) return 'expired'
  return [70002, 70003, 70005, 70009, 70013, 70014, 70016].includes(code as number) ? 'invalid' : undefined
}

const failed = (why: string): SigAnswer => ({ ok: false, message: `getUserSig ${why}` })

function check(value: unknown, rejected: string): SigAnswer {
  const answer = (typeof value === 'string' ? { userSig: value } : value) as { userSig?: unknown; privateMapKey?: unknown } | null
  const sig = answer?.userSig
  const key = answer?.privateMapKey
  if (typeof sig !== 'string' || !SIG_PATTERN.test(sig)) return failed('answered no userSig string')
  if (key != null && (typeof key !== 'string' || !SIG_PATTERN.test(key))) return failed('answered an invalid privateMapKey')
  if (sig === rejected) return failed('answered the userSig just rejected')
  return key ? { ok: true, userSig: sig, privateMapKey: key } : { ok: true, userSig: sig }
}

/** What the reducer gets: the answer, for the session (epoch) that asked. */
export type SigRefreshed = { type: 'sig_refreshed'; epoch: number; source: UserSigRequest['source'] } & SigAnswer

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
  let pending: { who: string; answer: Promise<SigAnswer>; settle: (a: SigAnswer) => void } | null = null

  function request(reason: SigReason, source: UserSigRequest['source']): Promise<SigAnswer> {
    const o = session().options
    const get = o?.getUserSig
    if (!get) return Promise.resolve(failed('is not set'))
    // TRTC and IM of one user asking together share one request.
    const who = `${o.sdkAppID}/${o.userID}`
    if (pending?.who === who) return pending.answer
    let settle!: (a: SigAnswer) => void
    const answer = new Promise<SigAnswer>((resolve) => {
      const timer = platform.setTimeout(() => settle(failed(`gave no answer within ${timeoutMs} ms`)), timeoutMs)
      settle = (a) => {
        platform.clearTimeout(timer)
        if (pending?.answer === answer) pending = null
        resolve(a)
      }
    })
    pending = { who, answer, settle }
    const rejected = o.userSig
    new Promise((resolve) => resolve(get({ userID: o.userID, sdkAppID: o.sdkAppID, roomID: roomIDText(o.room), reason, source }))).then(
      (value) => settle(check(value, rejected)),
      (err) => settle(failed(redact(`failed: ${errorText(err, String(err))}`))),
    )
    return answer
  }

  return {
    ask: (reason, source, epoch = session().epoch) =>
      request(reason, source).then((answer) => {
        answered({ type: 'sig_refreshed', epoch, source, ...answer })
        return answer
      }),
    cancel: () => pending?.settle(failed('stopped')),
  }
}

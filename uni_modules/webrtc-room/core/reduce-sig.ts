/**
 * The userSig-refresh concern of the reducer. A signature the server refused (-100018 on mp-weixin and
 * H5, a legacy room-signature 700xx) with a `getUserSig` set: leave (IM, options and the user's
 * choices stay), ask for a new one, re-enter with it. Bounded: SIG_REFRESH_LIMIT asks until the room
 * is back in, so a refresher that fails or hands out rejected signatures ends in ONE -90200 error.
 * Without `getUserSig` the rejection is the fatal error it always was.
 */
import type { RoomAction } from './actions'
import { RoomErrorCode } from './error-codes'
import { fatal, leaveToReenter, obtainURL, type Handlers, type Step } from './reduce-session'
import { SIG_REFRESH_LIMIT, type SigReason } from './sig-refresh'
import type { ErrorDetail } from './types'

const E = RoomErrorCode

function giveUp(step: Step, message: string, detail: Partial<ErrorDetail> = {}): void {
  fatal(step, E.USERSIG_EXPIRED, { ...detail, message: `${message}; sign a new userSig and start() again`, refreshes: step.state.sigTries })
}

function ask(step: Step, reason: SigReason): void {
  step.state.sigTries += 1
  step.effect({ type: 'refresh_sig', epoch: step.state.epoch, reason })
}

/** `code` is what to report without a refresher; `reason` undefined = not a signature failure. */
export function sigRejected(step: Step, code: number, reason: SigReason | undefined, detail: Partial<ErrorDetail>): void {
  if (!reason || !step.state.options?.getUserSig) return fatal(step, code, detail)
  if (step.state.sigTries >= SIG_REFRESH_LIMIT) return giveUp(step, `userSig rejected again after ${step.state.sigTries} getUserSig refreshes (${detail.message})`, detail)
  const dropped = leaveToReenter(step)
  step.emit('reconnecting', code, { message: `userSig ${reason}: asking getUserSig for a new one`, reason: 'usersig', nativeCode: detail.nativeCode, attempt: step.state.sigTries + 1, membersCleared: dropped })
  ask(step, reason)
}

export const SIG_ENGINE = {
  enter_failed: (step, a) => {
    const reason = a.code === E.USERSIG_EXPIRED ? 'expired' : a.code === E.USERSIG_MALFORMED ? 'invalid' : undefined
    sigRejected(step, a.code, reason, { message: a.message, nativeCode: a.nativeCode })
  },
} satisfies Partial<Handlers<RoomAction['type']>>

export const SIG_CONTROL = {
  sig_refreshed: (step, a) => {
    const o = step.state.options
    if (!o || a.epoch !== step.state.epoch) return
    if (a.ok) {
      // The newest signature serves every later enter, reconnect and IM login (update() merges raw).
      const privateMapKey = a.privateMapKey ?? o.privateMapKey
      step.state.options = { ...o, userSig: a.userSig, privateMapKey }
      step.state.raw = { ...step.state.raw, userSig: a.userSig, privateMapKey }
    }
    // Only the TRTC side's own request, while it waits, re-enters.
    if (a.source !== 'trtc' || step.room.status !== 'reconnecting' || step.state.sigTries === 0) return
    if (a.ok) obtainURL(step)
    else if (step.state.sigTries < SIG_REFRESH_LIMIT) ask(step, 'expired')
    else giveUp(step, a.message)
  },
} satisfies Partial<Handlers<RoomAction['type']>>

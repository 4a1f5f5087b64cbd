/**
 * The reducer's background concern: app hide / show under `backgroundPolicy` (background-policy.ts).
 * - keep: nothing happens to media; mute: the mic is muted while hidden (restored on show to what
 *   `muted` says then, so a mute the user made meanwhile stays); pause: push and every player pause
 *   (as `pause()`), resume on show; leave: the session ends on hide (`exit_room`, reason 'background').
 * - A policy changed while hidden takes effect at once (the old one undone, the new one applied).
 * `syncBackground` runs after every step: the mic mute and `background-mute` bound on the tags always
 * follow the policy, whichever handler changed the pusher attributes.
 */
import { RoomStatusCode } from './error-codes'
import { endSession, pauseBy, resumeRoom, type Handlers, type Step } from './reduce-session'
import { isActive, policyOf, type CoreState } from './room-state'
import type { BackgroundPolicy } from './types'

const HIDDEN = 'app hidden'

/** What `policy` does to a hidden room now. */
function applyHidden(step: Step, policy: BackgroundPolicy): void {
  const status = step.room.status
  if (policy === 'pause' && status === 'in_room') pauseBy(step, 'hide')
  if (policy !== 'leave' || !isActive(status)) return
  const dropped = endSession(step, true)
  step.status('exited')
  step.emit('exit_room', RoomStatusCode.LEFT, { message: HIDDEN, reason: 'background', membersCleared: dropped })
}

function resumeHidden(step: Step): void {
  if (step.room.status === 'paused' && step.state.pausedBy === 'hide') resumeRoom(step)
}

export const BACKGROUND = {
  app_hide: (step) => {
    const policy = policyOf(step.state)
    step.state.hidden = true
    step.emit('background', 0, { message: HIDDEN, status: step.room.status, policy })
    applyHidden(step, policy)
  },
  app_show: (step) => {
    step.state.hidden = false
    step.emit('foreground', 0, { message: 'app shown', status: step.room.status })
    resumeHidden(step)
  },
} satisfies Partial<Handlers<'app_hide' | 'app_show'>>

/**
 * After every step: a policy changed while hidden applies now; the pusher's `muted` (the user's
 * `muted`, or the hidden room's 'mute') and `backgroundMute` are rebound when they differ.
 */
export function syncBackground(step: Step, before: CoreState): void {
  const state = step.state
  const policy = policyOf(state)
  if (state.hidden && before.hidden && policy !== policyOf(before)) {
    if (policy !== 'leave') resumeHidden(step)
    applyHidden(step, policy)
  }
  const options = state.options
  const muted = isActive(step.room.status) && options ? options.muted || (state.hidden && policy === 'mute') : state.raw.muted === true
  const backgroundMute = policy !== 'keep'
  const pusher = step.room.pusher
  if (pusher && (pusher.muted !== muted || pusher.backgroundMute !== backgroundMute)) step.room.pusher = { ...pusher, muted, backgroundMute }
  if (step.room.self.muted !== muted) step.room.self = { ...step.room.self, muted }
}

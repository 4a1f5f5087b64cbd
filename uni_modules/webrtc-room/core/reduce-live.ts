/**
 * The reducer's live-scene concern: a `role` change in the room co-hosts or steps down without
 * leaving it. The change is asked of the controller (`switch_role`: permissions, the engine's
 * switchRole) and applied when `role_done` answers; until then the session keeps its role, so the
 * pusher publishes nothing early and a failure leaves everything as it was.
 */
import { RoomErrorCode } from './error-codes'
import { anchorCount, MAX_ANCHORS } from './live-role'
import type { ValidOptions } from './options'
import { type Handlers, type Step } from './reduce-session'
import { isActive, pusherFromOptions } from './room-state'

/** Options of an in-room update with the session's current role; a new role is requested, not applied. */
export function requestRole(step: Step, next: ValidOptions): ValidOptions {
  const role = step.state.options!.role
  if (next.role === role) return next
  if (next.role === 'anchor' && anchorCount(step.room) >= MAX_ANCHORS) {
    step.state.raw = { ...step.state.raw, role }
    step.notice('warning', RoomErrorCode.ANCHOR_LIMIT, { message: `${MAX_ANCHORS} anchors already publish: co-hosting refused`, anchors: anchorCount(step.room) })
  } else {
    step.effect({ type: 'switch_role', role: next.role, epoch: step.state.epoch })
  }
  return { ...next, role }
}

export const LIVE_CONTROL = {
  role_done: (step, a) => {
    const options = step.state.options
    if (a.epoch !== step.state.epoch || !options || !isActive(step.room.status) || options.role === a.role) return
    if (!a.ok) {
      // The prop goes back to the role the room still has: a later update does not retry by surprise.
      step.state.raw = { ...step.state.raw, role: options.role }
      step.notice('warning', a.code ?? RoomErrorCode.ROLE_SWITCH_FAILED, { message: a.message, role: a.role })
      return
    }
    step.state.options = { ...options, role: a.role }
    step.room.pusher = pusherFromOptions(step.state.options, step.room.pusher)
    step.room.self = { ...step.room.self, role: a.role, cameraOn: step.room.pusher.enableCamera }
    step.emit('self_update', 0, { message: a.role === 'anchor' ? 'co-hosting: publishing' : 'stepped down: watching', role: a.role })
  },
} satisfies Partial<Handlers<'role_done'>>

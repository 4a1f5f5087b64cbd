/**
 * The room reducer: `(state, action) → { state, effects }`. Pure: no clock (actions carry `at`), no
 * platform, no mutation of its input. Every decision about the room lives here and the controller
 * only runs the effects. One handler per action type, by concern: session (reduce-session.ts),
 * members (reduce-members.ts), control (reduce-control.ts).
 */
import type { ControlAction, EngineAction, RoomAction } from './actions'
import { CONTROL } from './reduce-control'
import { MEMBER_ENGINE, playMember } from './reduce-members'
import { SESSION_ENGINE } from './reduce-session'
import type { CoreState } from './room-state'
import { acceptsEngineEvents } from './status'
import { Step, type ActionOf, type Handlers, type ReduceResult } from './step'

export type { ReduceResult } from './step'

const ENGINE: Handlers<EngineAction['type']> = { ...SESSION_ENGINE, ...MEMBER_ENGINE }
const CONTROLS: Handlers<ControlAction['type']> = { ...CONTROL, play_member: playMember }

export function isEngineAction(action: RoomAction): action is EngineAction & { at?: number } {
  return Object.prototype.hasOwnProperty.call(ENGINE, action.type)
}

function run<K extends RoomAction['type']>(table: Handlers<K>, step: Step, type: K, action: ActionOf<K>): void {
  table[type](step, action)
}

export function reduce(state: CoreState, action: RoomAction): ReduceResult {
  const step = new Step(state, action.at ?? 0)
  if (!isEngineAction(action)) {
    run(CONTROLS, step, action.type, action)
  } else if (acceptsEngineEvents(step.room.status) && step.state.pushURL !== '') {
    // Native events only mean something while a push URL is live. Before it (preflight), while the
    // pusher is down (reconnecting) and after the session they are stale — and so are events while
    // a legacy session still waits for its room signature (they come from the previous pusher).
    run(ENGINE, step, action.type, action)
  }
  return step.result()
}

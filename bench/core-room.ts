/**
 * Our side of the event-cost benchmark: the pure core exactly as the controller drives it —
 * `translatePusherState` (native detail → actions) then `reduce` (actions → state + effects) — on a
 * room that has entered. No component, no store: those are measured by the setData benchmark.
 */
import { translatePusherState } from '../uni_modules/webrtc-room/engines/mp-weixin/live-tags-engine'
import { reduce } from '../uni_modules/webrtc-room/core/reducer'
import { createCoreState, type CoreState } from '../uni_modules/webrtc-room/core/room-state'
import type { RoomOptions, StateChangeDetail } from '../uni_modules/webrtc-room/core/types'
import { snapshotOfRoom, type RoomSnapshot } from './room-snapshot'

export interface BenchRoom {
  apply(detail: StateChangeDetail): void
  snapshot(): RoomSnapshot
  /** Release what the room holds (timers, listeners), after the timed part. */
  dispose?(): Promise<void> | void
}

/** 'custom' template: unlimited capacity, so 50 members raise no over-capacity warning. */
export function benchOptions(selfID: string): RoomOptions {
  return { sdkAppID: 1400000001, userID: selfID, userSig: 'test-only-sig', roomID: 1234, template: 'custom', autoplay: true }
}

function step(state: CoreState, detail: StateChangeDetail): CoreState {
  for (const action of translatePusherState(detail)) state = reduce(state, action).state
  return state
}

/** A core state that has started, passed preflight and received 1018 (in_room). */
export function enteredCoreState(selfID: string): CoreState {
  let state = createCoreState('bench', benchOptions(selfID))
  state = reduce(state, { type: 'start' }).state
  state = reduce(state, { type: 'preflight_done', epoch: state.epoch, result: { ok: true, mode: 'modern', system: null } }).state
  state = step(state, { code: 1018, message: 'entered room' })
  if (state.room.status !== 'in_room') {
    throw new Error(`bench room did not enter: status ${state.room.status}, last error ${JSON.stringify(state.room.lastError)}`)
  }
  return state
}

export function createCoreRoom(selfID: string): BenchRoom {
  let state = enteredCoreState(selfID)
  return {
    apply(detail) {
      state = step(state, detail)
    },
    snapshot: () => snapshotOfRoom(state.room),
  }
}

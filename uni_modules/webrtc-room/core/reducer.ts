/**
 * The room reducer: `(state, action) → { state, effects }`. Pure: no clock (actions carry `at`), no
 * platform, no mutation of its input. Every decision about the room lives here and the controller
 * only runs the effects. One handler per action type, by concern: session (reduce-session.ts),
 * members (reduce-members.ts), and control — the app's calls, timers and async answers — here.
 */
import type { ControlAction, EngineAction, RoomAction } from './actions'
import { RoomErrorCode, RoomStatusCode } from './error-codes'
import { isIdentityChange, validateOptions } from './options'
import { missingForModern } from './preflight'
import { LEVEL_ENGINE, settleLevels } from './reduce-levels'
import { publishes } from './live-role'
import { BACKGROUND, syncBackground } from './reduce-background'
import { checkCapacity, MEMBER_ENGINE, playMember } from './reduce-members'
import { LIVE_CONTROL, requestRole } from './reduce-live'
import { memberChoice, settlePlayback } from './reduce-playback'
import {
  beginSession, connectionLost, emitWarnings, endSession, enterWith, fatal, invalidState, obtainURL, pauseBy, resumeRoom,
  SESSION_ENGINE, Step, type ActionOf, type Handlers, type ReduceResult,
} from './reduce-session'
import { SIG_CONTROL, SIG_ENGINE, sigReason, sigRejected } from './sig-refresh'
import { acceptsEngineEvents, isActive, pusherFromOptions, pusherFromRaw, templateCapacity, type CoreState } from './room-state'
import type { LocalDevices, RoomOptions } from './types'

export type { ReduceResult } from './reduce-session'
export { memberMethods } from './reduce-playback'

/** The legacy room signature: retried once after 1 s (as the original did) before reporting -9. */
export const ROOM_SIG_RETRIES = 1
export const ROOM_SIG_RETRY_DELAY_MS = 1000

// #ifdef H5
const NO_DEVICES: LocalDevices = { cameras: [], microphones: [], speakers: [], cameraId: '', microphoneId: '', speakerId: '' }
// #endif

function applyUpdate(step: Step, partial: Partial<RoomOptions>): void {
  if (typeof partial !== 'object' || partial === null || Array.isArray(partial)) {
    step.notice('warning', RoomErrorCode.INVALID_PROP, { message: 'update() takes an object of props', prop: 'options' })
    return
  }
  const previous = step.state.raw
  const merged: RoomOptions = { ...previous, ...partial }
  if (!isActive(step.room.status)) {
    step.state.raw = merged
    step.room.pusher = pusherFromRaw(merged)
    step.room.self = { ...step.room.self, muted: step.room.pusher.muted, cameraOn: step.room.pusher.enableCamera, role: publishes(merged) ? 'anchor' : 'audience' }
    step.room.capacity = templateCapacity(merged.template ?? 'float')
    step.room.scene = merged.scene === 'live' ? 'live' : 'rtc'
    return
  }
  const result = validateOptions(merged)
  if (!result.ok) {
    const [first] = result.errors
    step.notice('warning', first.code, { message: `update rejected: ${first.message}`, prop: first.prop, errors: result.errors })
    return
  }
  step.state.raw = merged
  if (isIdentityChange(partial, previous)) {
    const dropped = endSession(step, true)
    step.emit('exit_room', RoomStatusCode.LEFT, { message: 'identity changed: re-entering', reason: 'identity_change', membersCleared: dropped })
    beginSession(step)
    return
  }
  const options = requestRole(step, result.options)
  const hadIM = step.state.options!.enableIM
  step.state.options = { ...options, room: step.state.options!.room }
  // enableIM toggled in the room: start / stop the IM session now (else turning it off would leave
  // the session running, and endSession would no longer stop it).
  if (options.enableIM !== hadIM) step.effect({ type: options.enableIM ? 'im_start' : 'im_stop' })
  step.room.pusher = pusherFromOptions(options, step.room.pusher ?? pusherFromRaw(merged))
  step.room.self = { ...step.room.self, muted: options.muted, cameraOn: step.room.pusher.enableCamera }
  step.room.capacity = templateCapacity(options.template)
  emitWarnings(step, result.warnings)
  checkCapacity(step)
}

/** What the app and the controller ask, timers firing and async answers (tagged with their epoch). */
const CONTROL = {
  start: (step) => {
    if (isActive(step.room.status)) invalidState(step, 'start')
    else beginSession(step)
  },
  preflight_done: (step, a) => {
    if (a.epoch !== step.state.epoch || step.room.status !== 'preflight') return
    const result = a.result
    if (!result.ok) {
      fatal(step, result.code, { ...result.detail, message: result.message })
      return
    }
    const o = step.state.options!
    if (result.mode === 'legacy' && (o.room.kind === 'string' || o.scene === 'live')) {
      // An old client (auto mode chose legacy) cannot enter a string room or a live room: that flow
      // has numeric rooms and no scene.
      const missing = missingForModern(result.system)
      fatal(step, missing.code, { message: `${o.scene === 'live' ? 'live rooms' : 'string room ids'} ${missing.message}`, roomID: step.room.roomID, ...result.system })
      return
    }
    step.state.mode = result.mode
    step.room.enterMode = result.mode
    obtainURL(step)
  },
  room_sig_done: (step, a) => {
    const epoch = step.state.epoch
    if (a.epoch !== epoch || step.room.status !== 'entering' || step.state.pushURL !== '') return
    if (a.ok) {
      enterWith(step, a.pushURL)
    } else if (sigRejected(step, sigReason(a.errorCode), { message: a.message, nativeCode: a.errorCode })) {
      // getUserSig asked: the room signs again with the new userSig.
    } else if (step.state.roomSigAttempts < ROOM_SIG_RETRIES) {
      step.state.roomSigAttempts += 1
      step.effect({ type: 'set_timer', name: 'room_sig_retry', ms: ROOM_SIG_RETRY_DELAY_MS, epoch })
    } else {
      fatal(step, RoomErrorCode.ROOM_SIG_FAILED, { message: a.message, errorCode: a.errorCode, attempts: step.state.roomSigAttempts + 1 })
    }
  },
  timer: (step, a) => {
    const status = step.room.status
    if (a.epoch !== step.state.epoch) return
    if (a.name === 'room_sig_retry' && status === 'entering') {
      step.effect({ type: 'request_room_sig', epoch: a.epoch })
    } else if (a.name === 'reconnect' && status === 'reconnecting') {
      obtainURL(step)
    } else if (a.name === 'enter_timeout' && status === 'entering') {
      if (step.state.reconnectAttempts > 0) connectionLost(step, 0, 'enter timed out while re-entering')
      else fatal(step, RoomErrorCode.ENTER_TIMEOUT, { timeoutMs: step.state.options?.enterTimeout })
    }
  },
  stop: (step) => {
    // After a fatal error only the kept camera preview is left to release; otherwise idempotent.
    if (step.state.previewKept) {
      step.state.previewKept = false
      step.effect({ type: 'leave' })
    }
    if (!isActive(step.room.status)) return
    const dropped = endSession(step, true)
    step.status('exited')
    step.emit('exit_room', RoomStatusCode.LEFT, { message: 'left the room', reason: 'stop', membersCleared: dropped })
  },
  pause: (step) => {
    if (step.room.status === 'in_room') pauseBy(step, 'app')
    else invalidState(step, 'pause')
  },
  resume: (step) => {
    if (step.room.status === 'paused') resumeRoom(step)
    else invalidState(step, 'resume')
  },
  switch_camera: (step) => {
    if (!isActive(step.room.status)) {
      invalidState(step, 'switchCamera')
      return
    }
    step.room.self = { ...step.room.self, frontCamera: !step.room.self.frontCamera }
    step.room.pusher = step.room.pusher && { ...step.room.pusher, devicePosition: step.room.self.frontCamera ? 'front' : 'back' }
    step.effect({ type: 'pusher', call: 'switchCamera' })
  },
  update: (step, a) => applyUpdate(step, a.options),
  report: (step, a) => step.emit(a.event.tag, a.event.code, a.event.detail),
  // Only the H5 engine and H5 calls report local media (devices, screen share).
  // #ifdef H5
  local_media: (step, a) => {
    const self = step.room.self
    if (a.devices) step.room.self = { ...self, devices: { ...NO_DEVICES, ...self.devices, ...a.devices } }
    if (a.screenSharing === undefined || a.screenSharing === self.screenSharing) return
    step.room.self = { ...step.room.self, screenSharing: a.screenSharing }
    step.emit('self_update', 0, { message: a.message, screenSharing: a.screenSharing })
  },
  // #endif
} satisfies Partial<Handlers<RoomAction['type']>>

const CONTROLS: Handlers<ControlAction['type']> = { ...CONTROL, ...BACKGROUND, ...SIG_CONTROL, ...LIVE_CONTROL, play_member: playMember, member_choice: memberChoice }
const ENGINE: Handlers<EngineAction['type']> = { ...SESSION_ENGINE, ...MEMBER_ENGINE, ...SIG_ENGINE, ...LEVEL_ENGINE }

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
  settlePlayback(step, state)
  syncBackground(step, state)
  settleLevels(step)
  return step.result()
}

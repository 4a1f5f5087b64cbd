/**
 * The room reducer: `(state, action) → { state, effects }`. Pure: no clock (actions carry `at`), no
 * platform, no mutation of its input. Every decision about the room lives here and the controller
 * only runs the effects. One handler per action type, by concern: session (reduce-session.ts), members
 * (reduce-members.ts) and, here, control — the app's calls, timers and async answers, app hide / show (the live
 * scene's role change is the `live` entry's, through core/live-role.ts).
 */
import type { ControlAction, EngineAction, RoomAction } from './actions'
import * as E from './error-codes'
import { isIdentityChange, readOptions, validateOptions, type ValidOptions } from './options'
import { missingForModern } from './room-platform'
import { levels, type LevelAction } from './levels'
import { liveScene } from './live-role'
import { memberChoice, memberMedia } from './member-media'
import { checkCapacity, MEMBER_ENGINE, playMember } from './reduce-members'
import {
  beginSession, connectionLost, emitWarnings, exited, fatal, invalidState, legacyRoom, obtainURL, setPaused, showOptions,
  SESSION_ENGINE, Step, type ActionOf, type Handlers, type ReduceResult,
} from './reduce-session'
import { refresher, SIG_MISSING } from './refresher'
import { acceptsEngineEvents, isActive, policyOf, type CoreState } from './room-state'
import type { BackgroundPolicy, LocalDevices, RoomOptions } from './types'

export type { ReduceResult } from './reduce-session'

// #ifdef H5
const NO_DEVICES: LocalDevices = { cameras: [], microphones: [], speakers: [], cameraId: '', microphoneId: '', speakerId: '' }
// #endif

// ---- Background: app hide / show ---------------------------------------------------------------

/**
 * Background: app hide / show under `backgroundPolicy` (background-policy.ts).
 * - keep: nothing happens to media; mute: the mic is muted while hidden (restored on show to what
 *   `muted` says then, so a mute the user made meanwhile stays); pause: push and every player pause
 *   (as `pause()`), resume on show; leave: the session ends on hide (`exit_room`, reason 'background').
 * - A policy changed while hidden takes effect at once (the old one undone, the new one applied).
 * `syncBackground` runs after every step: the mic mute and `background-mute` bound on the tags always
 * follow the policy, whichever handler changed the pusher attributes.
 */
/** What `policy` does to a hidden room now. */
function applyHidden(step: Step, policy: BackgroundPolicy): void {
  const status = step.room.status
  if (policy === 'pause' && status === 'in_room') setPaused(step, 'hide')
  if (policy === 'leave' && isActive(status)) exited(step, 'background')
}

function resumeHidden(step: Step): void {
  if (step.room.status === 'paused' && step.state.pausedBy === 'hide') setPaused(step, null)
}

const BACKGROUND = {
  app_hide: (step) => {
    const policy = policyOf(step.state)
    step.state.hidden = true
    step.emit('background', 0, { status: step.room.status, policy })
    applyHidden(step, policy)
  },
  app_show: (step) => {
    step.state.hidden = false
    step.emit('foreground', 0, { status: step.room.status })
    resumeHidden(step)
  },
} satisfies Partial<Handlers<'app_hide' | 'app_show'>>

/**
 * After every step: a policy changed while hidden applies now; the pusher's `muted` (the user's
 * `muted`, or the hidden room's 'mute') and `backgroundMute` are rebound when they differ.
 */
function syncBackground(step: Step, before: CoreState): void {
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
  if (pusher.muted !== muted || pusher.backgroundMute !== backgroundMute) step.setPusher({ muted, backgroundMute })
  if (step.room.self.muted !== muted) step.setSelf({ muted })
}

// ---- Control ----------------------------------------------------------------------------------

function applyUpdate(step: Step, partial: Partial<RoomOptions>): void {
  if (typeof partial !== 'object' || partial === null || Array.isArray(partial)) {
    step.notice('warning', E.INVALID_PROP, { message: 'update() takes an object of props', prop: 'options' })
    return
  }
  const previous = step.state.raw
  const merged: RoomOptions = { ...previous, ...partial }
  if (!isActive(step.room.status)) {
    step.state.raw = merged
    showOptions(step, readOptions(merged).options)
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
    exited(step, 'identity_change')
    beginSession(step)
    return
  }
  // The live entry (when installed) requests a role change instead of applying it.
  const options = liveScene()?.requestRole(step, result.options) ?? result.options
  const hadIM = step.state.options!.enableIM
  step.state.options = { ...options, room: step.state.options!.room }
  // enableIM toggled in the room: start / stop the IM session now (else turning it off would leave
  // the session running, and endSession would no longer stop it).
  if (options.enableIM !== hadIM) step.effect({ type: options.enableIM ? 'im_start' : 'im_stop' })
  showOptions(step, options)
  emitWarnings(step, result.warnings)
  checkCapacity(step)
}

/** What the app and the controller ask, timers firing and async answers (tagged with their epoch). */
const CONTROL = {
  start: (step) => {
    if (isActive(step.room.status)) return invalidState(step, 'start')
    beginSession(step)
    // The room works on without a refresher: a refused userSig ends in -90200 as without getUserSig.
    if (!refresher && step.state.options?.getUserSig) step.notice('warning', E.INVALID_PROP, { message: SIG_MISSING, prop: 'getUserSig' })
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
    step.room.enterMode = result.mode
    obtainURL(step)
  },
  room_sig_done: (step, a) => {
    if (a.epoch === step.state.epoch && step.room.status === 'entering' && step.state.pushURL === '') legacyRoom()?.signed(step, a)
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
      else fatal(step, E.ENTER_TIMEOUT, { timeoutMs: step.state.options?.enterTimeout })
    }
  },
  stop: (step) => {
    // After a fatal error only the kept camera preview is left to release; otherwise idempotent.
    if (step.state.previewKept) {
      step.state.previewKept = false
      step.effect({ type: 'leave' })
    }
    if (isActive(step.room.status)) exited(step, 'stop')
  },
  pause: (step) => {
    if (step.room.status === 'in_room') setPaused(step, 'app')
    else invalidState(step, 'pause')
  },
  resume: (step) => {
    if (step.room.status === 'paused') setPaused(step, null)
    else invalidState(step, 'resume')
  },
  switch_camera: (step) => {
    if (!isActive(step.room.status)) {
      invalidState(step, 'switchCamera')
      return
    }
    const frontCamera = !step.room.self.frontCamera
    step.setSelf({ frontCamera })
    step.setPusher({ devicePosition: frontCamera ? 'front' : 'back' })
    step.effect({ type: 'pusher', call: 'switchCamera' })
  },
  update: (step, a) => applyUpdate(step, a.options),
  report: (step, { event }) => step.emit(event.tag, event.code, event.detail),
  // Only the H5 engine and H5 calls report local media (devices, screen share).
  // #ifdef H5
  local_media: (step, a) => {
    const self = step.room.self
    if (a.devices) step.setSelf({ devices: { ...NO_DEVICES, ...self.devices, ...a.devices } })
    if (a.screenSharing === undefined || a.screenSharing === self.screenSharing) return
    step.setSelf({ screenSharing: a.screenSharing })
    step.emit('self_update', 0, { message: a.message, screenSharing: a.screenSharing })
  },
  // #endif
} satisfies Partial<Handlers<RoomAction['type']>>

// A refused userSig and getUserSig's answers: the opt-in `sig-refresh` entry's (core/refresher.ts).
const sigRefreshed: Handlers<'sig_refreshed'>['sig_refreshed'] = (step, a) => refresher?.refreshed(step, a)
const enterFailed: Handlers<'enter_failed'>['enter_failed'] = (step, a) => {
  if (!refresher?.enterFailed(step, a)) fatal(step, a.code, { message: a.message, nativeCode: a.nativeCode })
}
const CONTROLS: Handlers<ControlAction['type']> = { ...CONTROL, ...BACKGROUND, sig_refreshed: sigRefreshed, role_done: (step, a) => liveScene()?.roleDone(step, a), play_member: playMember, member_choice: memberChoice }
// Volume samples and quality levels: the opt-in `levels` entry's (core/levels.ts), dropped without it.
const level = (step: Step, action: LevelAction) => levels?.reduce(step, action)
const ENGINE: Handlers<EngineAction['type']> = { ...SESSION_ENGINE, ...MEMBER_ENGINE, enter_failed: enterFailed, audio_volume: level, network_quality: level }

export function isEngineAction(action: RoomAction): action is EngineAction & { at?: number } {
  return action.type in ENGINE
}

/** The handler of `action` in `table` (the caller picked the table that has its type). */
type AnyHandler = (step: Step, action: RoomAction) => void

export function reduce(state: CoreState, action: RoomAction): ReduceResult {
  const step = new Step(state, action.at ?? 0)
  if (!isEngineAction(action)) {
    ;(CONTROLS[action.type] as AnyHandler)(step, action)
  } else if (acceptsEngineEvents(step.room.status) && step.state.pushURL !== '') {
    // Native events only mean something while a push URL is live. Before it (preflight), while the
    // pusher is down (reconnecting) and after the session they are stale — and so are events while
    // a legacy session still waits for its room signature (they come from the previous pusher).
    ;(ENGINE[action.type] as AnyHandler)(step, action)
  }
  memberMedia?.settle(step, state)
  syncBackground(step, state)
  levels?.settle(step)
  return step.result()
}

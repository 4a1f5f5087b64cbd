/**
 * The reducer's step and its session concern. A `Step` is a draft over the state that copies on
 * write and collects effects; the session handlers cover validation at start, the enter flow (modern
 * URL at once, legacy after the room signature), entered / left / failed, pause and resume,
 * reconnect with backoff, and leaving (every member dropped, every timer cleared).
 */
import type { AnnouncedUser, Effect, PlayerCall, RoomAction } from './actions'
import { describeCode } from './codes'
import * as E from './error-codes'
import * as S from './status-codes'
import { roomIDText, validateOptions, type OptionIssue, type ValidOptions } from './options'
import { buildModernPushURL } from './push-url'
import { redact } from './redact'
import { copyMembers, policyOf, pusherFromOptions, templateCapacity } from './room-state'
import type { CoreState } from './room-state'
import type { ErrorDetail, MemberState, PusherAttributes, ReconnectPolicy, RoomEvent, RoomEventTag, RoomStatus, SelfState, StreamState } from './types'

/**
 * Bounded exponential backoff for re-entering after -1307 / 1021 (the original gave up at once on
 * -1307 and re-entered immediately, forever, on 1021). Deterministic: no jitter, so a test can
 * predict every delay; rooms are per user, so thundering herds are not a concern here.
 */

/** Delay before attempt `attempt` (1-based): base · 2^(attempt-1), capped at maxDelayMs. */
export function backoffDelay(policy: ReconnectPolicy, attempt: number): number {
  const exponent = Number.isFinite(attempt) ? Math.max(0, Math.floor(attempt) - 1) : 0
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 30))
}

export interface ReduceResult {
  state: CoreState
  effects: Effect[]
}

export type ActionOf<K extends RoomAction['type']> = Extract<RoomAction, { type: K }>

/** One handler per action type: the compiler checks each table covers its types. */
export type Handlers<K extends RoomAction['type']> = { [P in K]: (step: Step, action: ActionOf<P>) => void }

/**
 * The legacy enter flow's part of the reducer (reduce-legacy.ts), installed by the opt-in `legacy`
 * entry with the flow itself: without it no room is legacy, so nothing here is reached.
 */
export interface LegacyRoom {
  /** 1020: members become exactly the list. */
  fullList(step: Step, users: AnnouncedUser[], skipped: number): void
  /** The room signature's answer: enter with the signed URL, or refresh, retry or fail. */
  signed(step: Step, answer: ActionOf<'room_sig_done'>): void
}

let legacy: LegacyRoom | undefined

export function installLegacyRoom(room: LegacyRoom | undefined): void {
  legacy = room
}

export function legacyRoom(): LegacyRoom | undefined {
  return legacy
}

export class Step {
  state: CoreState
  readonly effects: Effect[] = []
  readonly at: number
  private eventsCopied = false

  constructor(previous: CoreState, at: number) {
    this.state = { ...previous, room: { ...previous.room } }
    this.at = at
  }

  get room() {
    return this.state.room
  }

  status(next: RoomStatus): void {
    this.room.status = next
  }

  emit<D>(tag: RoomEventTag, code: number, detail: D): void {
    // Redacted here, once: the event reaches handlers, the store and log sinks only in this form.
    const event: RoomEvent = { tag, code, detail: redact(detail) }
    this.effects.push({ type: 'emit', event })
    // net_status arrives every second per stream, network_quality may per member: state, not the event log.
    if (tag !== 'net_status' && tag !== 'network_quality') {
      // One copy per step (a 1032 of n users emits n events); trimmed to `eventLimit` in result().
      if (!this.eventsCopied) {
        this.room.events = this.room.events.slice()
        this.eventsCopied = true
      }
      this.room.events.push(event)
    }
    if (tag === 'error') this.room.lastError = event as RoomEvent<ErrorDetail>
  }

  notice(tag: 'error' | 'warning', code: number, detail: Partial<ErrorDetail> = {}): void {
    const message = detail.message || describeCode(code)?.en || `code ${code}`
    this.emit<ErrorDetail>(tag, code, { ...detail, message })
  }

  effect(effect: Effect): void {
    this.effects.push(effect)
  }

  /** A player call; streams are immutable state, so the effect carries the stream itself. */
  player(stream: StreamState, call: PlayerCall): void {
    this.effect({ type: 'player', stream, call })
  }

  /** Our own state with `patch` applied (copy on write). */
  setSelf(patch: Partial<SelfState>): void {
    this.room.self = { ...this.room.self, ...patch }
  }

  /** The pusher's attributes with `patch` applied (copy on write). */
  setPusher(patch: Partial<PusherAttributes>): void {
    this.room.pusher = { ...this.room.pusher, ...patch }
  }

  setMembers(members: Record<string, MemberState>, order: string[]): void {
    this.room.members = members
    this.room.memberOrder = order
  }

  result(): ReduceResult {
    const events = this.room.events
    const limit = this.state.eventLimit
    if (events.length > limit) this.room.events = limit > 0 ? events.slice(events.length - limit) : []
    return { state: this.state, effects: this.effects }
  }
}

export function stopPlayers(step: Step, member: MemberState): void {
  for (const stream of Object.values(member.streams)) if (stream) step.player(stream, 'stop')
}

/** Off the air, for a session's end or a re-enter: timers cleared, the engine leaves, no push URL, no pause. */
function leavePusher(step: Step, leave: Effect): void {
  step.effect({ type: 'clear_timer' })
  step.effect(leave)
  step.state.pushURL = ''
  step.state.pausedBy = null
  step.setSelf({ pushURL: '', screenSharing: false })
  step.setPusher({ paused: false })
}

/** Drop every member (and stop their players). Returns how many there were. */
function dropMembers(step: Step): number {
  const count = step.room.memberOrder.length
  for (const userID of step.room.memberOrder) stopPlayers(step, step.room.members[userID])
  if (count > 0) step.setMembers(copyMembers(), [])
  step.state.overCapacity = false
  return count
}

/** End the current session: timers, pusher, players, members, IM. The status is set by the caller. */
export function endSession(step: Step, stopIM: boolean, keepPreview = false): number {
  step.state.epoch += 1
  leavePusher(step, keepPreview ? { type: 'leave', keepPreview } : { type: 'leave' })
  step.state.previewKept = keepPreview
  if (stopIM && step.state.options?.enableIM) step.effect({ type: 'im_stop' })
  step.state.reconnectAttempts = 0
  step.state.roomSigAttempts = 0
  step.state.sigTries = 0
  step.setSelf({ net: null })
  return dropMembers(step)
}

export function fatal(step: Step, code: number, detail: Partial<ErrorDetail>): void {
  // The camera preview stays on (the page is not blacked out by an error); stop() or the next
  // start() releases it.
  const dropped = endSession(step, true, step.room.pusher.enableCamera && !!step.state.options)
  step.status('error')
  step.notice('error', code, dropped > 0 ? { ...detail, membersCleared: dropped } : detail)
}

export function invalidState(step: Step, method: string): void {
  step.notice('warning', E.INVALID_STATE, { message: `${method}() while ${step.room.status}: ignored`, method })
}

/** Validate and open a new session (start, or re-enter after an identity change). */
export function beginSession(step: Step): void {
  const result = validateOptions(step.state.raw)
  if (!result.ok) {
    const [first] = result.errors
    step.status('error')
    step.notice('error', first.code, { message: first.message, prop: first.prop, errors: result.errors })
    return
  }
  const options = result.options
  step.state.epoch += 1
  step.state.previewKept = false // the engine's enter takes the camera over
  step.state.options = options
  step.room.roomID = roomIDText(options.room)
  step.room.enterMode = null
  showOptions(step, options)
  step.setSelf({ userID: options.userID })
  step.status('preflight')
  emitWarnings(step, result.warnings)
  step.effect({ type: 'preflight', epoch: step.state.epoch })
  if (options.enableIM) step.effect({ type: 'im_start' })
}

/** What options show, in a session or before one: pusher attributes, our media and role, the template's capacity, the scene. */
export function showOptions(step: Step, o: ValidOptions): void {
  step.room.pusher = pusherFromOptions(o, step.room.pusher)
  step.setSelf({ muted: o.muted, cameraOn: step.room.pusher.enableCamera, role: o.role })
  step.room.capacity = templateCapacity(o.template)
  step.room.scene = o.scene
}

export function emitWarnings(step: Step, warnings: OptionIssue[]): void {
  for (const warning of warnings) step.notice('warning', warning.code, { message: warning.message, prop: warning.prop })
}

/** Obtain the push URL for the current session: built at once (modern) or signed first (legacy). */
export function obtainURL(step: Step): void {
  step.status('entering')
  if (step.room.enterMode === 'legacy') {
    step.state.roomSigAttempts = 0
    step.effect({ type: 'request_room_sig', epoch: step.state.epoch })
    return
  }
  enterWith(step, buildModernPushURL(step.state.options!))
}

export function enterWith(step: Step, pushURL: string): void {
  step.state.pushURL = pushURL
  step.setSelf({ pushURL: redact(pushURL) })
  step.effect({ type: 'enter', epoch: step.state.epoch })
  step.emit('self_update', S.PUSHER_LOADING, {})
  const timeout = step.state.options!.enterTimeout
  if (timeout > 0) step.effect({ type: 'set_timer', name: 'enter_timeout', ms: timeout, epoch: step.state.epoch })
}

/** Entering → in the room (a no-op in any other status: a late or repeated native event). */
export function markEntered(step: Step, nativeCode: number): void {
  if (step.room.status !== 'entering') return
  step.status('in_room')
  step.state.sigTries = 0
  step.effect({ type: 'clear_timer', name: 'enter_timeout' })
  step.emit('enter_room', S.JOINED, { nativeCode, roomID: step.room.roomID, mode: step.room.enterMode })
  if (step.state.reconnectAttempts > 0) {
    step.emit('recovered', S.JOINED, { attempts: step.state.reconnectAttempts })
    step.state.reconnectAttempts = 0
  }
  if (step.state.hidden && policyOf(step.state) === 'pause') setPaused(step, 'hide')
}

/** Pause the push and every player (by the app's pause() or a hidden app), or resume them (`by` null). */
export function setPaused(step: Step, by: 'app' | 'hide' | null): void {
  step.status(by ? 'paused' : 'in_room')
  step.state.pausedBy = by
  step.setPusher({ paused: !!by })
  step.effect({ type: 'pusher', call: by ? 'pause' : 'resume' })
}

/**
 * Leave the pusher and players but keep the session — options, IM, the user's choices — for a
 * re-enter (status 'reconnecting'). Members are dropped: the room announces them again once back in.
 */
export function leaveToReenter(step: Step): number {
  leavePusher(step, { type: 'leave' })
  step.status('reconnecting')
  return dropMembers(step)
}

/** -1307 / 1021 / enter timeout during a reconnect: leave, then re-enter after a backoff delay. */
export function connectionLost(step: Step, nativeCode: number, message?: string): void {
  const policy = step.state.options!.reconnect
  const attempt = step.state.reconnectAttempts + 1
  if (attempt > policy.maxAttempts) {
    fatal(step, E.PUSH_DISCONNECTED, {
      message: `gave up after ${step.state.reconnectAttempts} re-enter attempts`,
      nativeCode,
      attempts: step.state.reconnectAttempts,
      gaveUp: true,
    })
    return
  }
  const dropped = leaveToReenter(step)
  step.state.reconnectAttempts = attempt
  const delayMs = backoffDelay(policy, attempt)
  step.emit('reconnecting', S.NETWORK_CHANGE, { message, nativeCode, attempt, delayMs, membersCleared: dropped })
  step.effect({ type: 'set_timer', name: 'reconnect', ms: delayMs, epoch: step.state.epoch })
}

/** The session ends for good (status exited): `exit_room` with the reason and how many members were dropped. */
export function exited(step: Step, reason: string, detail: { message?: string; nativeCode?: number } = {}): void {
  const dropped = endSession(step, true)
  step.status('exited')
  step.emit('exit_room', S.LEFT, { ...detail, reason, membersCleared: dropped })
}

/** What the native side said: its message and code, for the event's detail. */
export const nativeDetail = (a: { message?: string; nativeCode: number }) => ({ message: a.message, nativeCode: a.nativeCode })

function selfUpdate(step: Step, code: number, a: { nativeCode: number }): void {
  step.emit('self_update', code, { nativeCode: a.nativeCode })
}

/** Native facts about our own push and session. */
export const SESSION_ENGINE = {
  push_state: (step, a) => step.emit('push_state', a.code, { message: a.message }),
  pusher_net: (step, a) => {
    step.setSelf({ net: a.info })
    step.emit('net_status', 0, { userID: step.room.self.userID, info: a.info })
  },
  publishing: (step, a) => {
    selfUpdate(step, S.PUSH_OK, a)
    // Legacy rooms send no 1018: publishing means entered there.
    if (step.room.enterMode === 'legacy') markEntered(step, a.nativeCode)
  },
  pusher_loading: (step, a) => selfUpdate(step, S.PUSHER_LOADING, a),
  preview_started: (step, a) => selfUpdate(step, S.PUSHER_PLAYING, a),
  entered: (step, a) => markEntered(step, a.nativeCode),
  left: (step, a) => {
    if (step.room.status === 'entering' || a.kicked) {
      fatal(step, E.JOIN_ROOM_FAILED, { ...nativeDetail(a), kicked: a.kicked })
    } else {
      exited(step, 'server', nativeDetail(a))
    }
  },
  device_failed: (step, a) => fatal(step, a.code, nativeDetail(a)),
  permission_denied: (step, a) => fatal(step, E.MEDIA_PERMISSION, nativeDetail(a)),
  connection_lost: (step, a) => connectionLost(step, a.nativeCode, a.message),
  suspended: (step, a) => exited(step, 'suspended', nativeDetail(a)),
  notice: (step, a) => step.notice('warning', a.code, nativeDetail(a)),
} satisfies Partial<Handlers<RoomAction['type']>>

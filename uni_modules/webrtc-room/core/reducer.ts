/**
 * The room reducer: `(state, action) → { state, effects }`. Pure: no clock (actions carry `at`), no
 * platform, no mutation of its input. Every decision about the room lives here — validation at
 * start, the enter flow, members and streams, reconnect with backoff, capacity, pause/resume — and
 * the controller only runs the effects.
 *
 * Member model (one for both generations of notifications):
 * - legacy 1020 = the complete list of the other users: members become exactly that list;
 * - 1031 adds a member (no streams yet), 1032 removes it, 1033 / 1034 set video / audio of a stream
 *   keyed `${userID}_${streamType}`; a stream with neither is dropped; 1033 / 1034 for a user not
 *   announced (or already gone) are ignored, as trtc-wx-sdk does — so a late notification can never
 *   resurrect a member who left;
 * - our own userID is never a member; a userID is never listed twice;
 * - leaving the room (stop, fatal error, suspend, reconnect) drops every member.
 */
import type { EngineStream } from './engine'
import type { Effect, EngineAction, RoomAction, StreamChange, TimerName, AnnouncedUser } from './actions'
import { isOverCapacity, templateCapacity } from './capacity'
import { describeCode } from './codes'
import { RoomErrorCode, RoomStatusCode } from './error-codes'
import { isIdentityChange, roomIDText, validateOptions, type OptionIssue } from './options'
import { buildLegacyPushURL, buildModernPushURL } from './push-url'
import { missingForModern } from './preflight'
import { backoffDelay } from './reconnect'
import { redact } from './redact'
import { ROOM_SIG_RETRIES, ROOM_SIG_RETRY_DELAY_MS } from './room-signature'
import { copyMembers, pusherFromOptions, pusherFromRaw, type CoreState } from './room-state'
import { acceptsEngineEvents, isActive } from './status'
import type { ErrorDetail, MemberState, RoomEvent, RoomEventTag, RoomOptions, RoomStatus, StreamState, StreamType } from './types'

export interface ReduceResult {
  state: CoreState
  effects: Effect[]
}

const ALL_TIMERS: TimerName[] = ['reconnect', 'enter_timeout', 'room_sig_retry']

export function streamKey(userID: string, streamType: StreamType): string {
  return `${userID}_${streamType}`
}

/** A draft over one step: copies on write, collects effects. */
class Step {
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
    this.state.room.status = next
  }

  emit<D>(tag: RoomEventTag, code: number, detail: D): void {
    // Redacted here, once: the event reaches handlers, the store and log sinks only in this form.
    const event: RoomEvent = { tag, code, detail: redact(detail) }
    this.effects.push({ type: 'emit', event })
    // net_status arrives every second per stream: it updates state but stays out of the event log.
    if (tag !== 'net_status') {
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

// -------------------------------------------------------------------------------------------------
// Session helpers

function engineStream(stream: StreamState): EngineStream {
  return { key: stream.key, userID: stream.userID, streamType: stream.streamType, playURL: stream.playURL }
}

function stopPlayers(step: Step, member: MemberState | undefined): void {
  for (const stream of Object.values(member?.streams ?? {})) {
    if (stream) step.effect({ type: 'player', stream: engineStream(stream), call: 'stop' })
  }
}

function clearTimers(step: Step): void {
  for (const name of ALL_TIMERS) step.effect({ type: 'clear_timer', name })
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
function endSession(step: Step, stopIM: boolean): number {
  step.state.epoch += 1
  clearTimers(step)
  step.effect({ type: 'leave' })
  if (stopIM && step.state.options?.enableIM) step.effect({ type: 'im_stop' })
  const dropped = dropMembers(step)
  step.state.pushURL = ''
  step.state.reconnectAttempts = 0
  step.state.roomSigAttempts = 0
  step.state.pausedBy = null
  step.room.self = { ...step.room.self, pushURL: '', net: null }
  step.room.pusher = step.room.pusher && { ...step.room.pusher, paused: false }
  return dropped
}

function fatal(step: Step, code: number, detail: Partial<ErrorDetail>): void {
  const dropped = endSession(step, true)
  step.status('error')
  step.notice('error', code, dropped > 0 ? { ...detail, membersCleared: dropped } : detail)
}

function invalidState(step: Step, method: string): void {
  step.notice('warning', RoomErrorCode.INVALID_STATE, { message: `${method}() while ${step.room.status}: ignored`, method })
}

/** Validate and open a new session (start, or re-enter after an identity change). */
function beginSession(step: Step): void {
  const result = validateOptions(step.state.raw)
  if (!result.ok) {
    const [first] = result.errors
    step.status('error')
    step.notice('error', first.code, { message: first.message, prop: first.prop, errors: result.errors })
    return
  }
  const options = result.options
  step.state.epoch += 1
  step.state.options = options
  step.state.mode = null
  step.state.overCapacity = false
  step.room.roomID = roomIDText(options.room)
  step.room.self = { ...step.room.self, userID: options.userID, muted: options.muted, cameraOn: options.enableCamera, pushURL: '' }
  step.room.pusher = pusherFromOptions(options, step.room.pusher ?? pusherFromRaw(step.state.raw))
  step.room.capacity = templateCapacity(options.template)
  step.room.enterMode = null
  step.status('preflight')
  emitWarnings(step, result.warnings)
  step.effect({ type: 'preflight', epoch: step.state.epoch })
  if (options.enableIM) step.effect({ type: 'im_start' })
}

function emitWarnings(step: Step, warnings: OptionIssue[]): void {
  for (const warning of warnings) step.notice('warning', warning.code, { message: warning.message, prop: warning.prop })
}

/** Obtain the push URL for the current session: built at once (modern) or signed first (legacy). */
function obtainURL(step: Step): void {
  step.status('entering')
  if (step.state.mode === 'legacy') {
    step.state.roomSigAttempts = 0
    step.effect({ type: 'request_room_sig', epoch: step.state.epoch })
    return
  }
  enterWith(step, buildModernPushURL(step.state.options!))
}

function enterWith(step: Step, pushURL: string): void {
  step.state.pushURL = pushURL
  step.room.self = { ...step.room.self, pushURL: redact(pushURL) }
  step.effect({ type: 'enter', epoch: step.state.epoch })
  step.emit('self_update', RoomStatusCode.PUSHER_LOADING, { message: 'pusher starting' })
  const timeout = step.state.options!.enterTimeout
  if (timeout > 0) step.effect({ type: 'set_timer', name: 'enter_timeout', ms: timeout, epoch: step.state.epoch })
}

function markEntered(step: Step, nativeCode: number): void {
  step.status('in_room')
  step.effect({ type: 'clear_timer', name: 'enter_timeout' })
  step.emit('enter_room', RoomStatusCode.JOINED, { message: 'entered the room', nativeCode, roomID: step.room.roomID, mode: step.state.mode })
  if (step.state.reconnectAttempts > 0) {
    step.emit('recovered', RoomStatusCode.JOINED, { message: 're-entered the room', attempts: step.state.reconnectAttempts })
    step.state.reconnectAttempts = 0
  }
  if (step.state.hidden) pauseBy(step, 'hide')
}

function pauseBy(step: Step, by: 'app' | 'hide'): void {
  step.status('paused')
  step.state.pausedBy = by
  step.room.pusher = step.room.pusher && { ...step.room.pusher, paused: true }
  step.effect({ type: 'pusher', call: 'pause' })
}

function resumeRoom(step: Step): void {
  step.status('in_room')
  step.state.pausedBy = null
  step.room.pusher = step.room.pusher && { ...step.room.pusher, paused: false }
  step.effect({ type: 'pusher', call: 'resume' })
}

/** -1307 / 1021 / enter timeout during a reconnect: leave, then re-enter after a backoff delay. */
function connectionLost(step: Step, nativeCode: number, message: string): void {
  const policy = step.state.options!.reconnect
  const attempt = step.state.reconnectAttempts + 1
  if (attempt > policy.maxAttempts) {
    fatal(step, RoomErrorCode.PUSH_DISCONNECTED, {
      message: `push disconnected; gave up after ${step.state.reconnectAttempts} re-enter attempts`,
      nativeCode,
      attempts: step.state.reconnectAttempts,
      gaveUp: true,
      reason: describeCode(RoomErrorCode.RECONNECT_GAVE_UP)?.en,
    })
    return
  }
  clearTimers(step)
  step.effect({ type: 'leave' })
  const dropped = dropMembers(step)
  step.state.pushURL = ''
  step.state.reconnectAttempts = attempt
  step.state.pausedBy = null
  step.room.self = { ...step.room.self, pushURL: '' }
  step.room.pusher = step.room.pusher && { ...step.room.pusher, paused: false }
  step.status('reconnecting')
  const delayMs = backoffDelay(policy, attempt)
  step.emit('reconnecting', RoomStatusCode.NETWORK_CHANGE, { message: message || 'connection lost, re-entering', nativeCode, attempt, delayMs, membersCleared: dropped })
  step.effect({ type: 'set_timer', name: 'reconnect', ms: delayMs, epoch: step.state.epoch })
}

// -------------------------------------------------------------------------------------------------
// Members

function newStream(userID: string, streamType: StreamType, autoplay: boolean): StreamState {
  return {
    key: streamKey(userID, streamType),
    userID,
    streamType,
    playURL: '',
    hasVideo: false,
    hasAudio: false,
    loading: true,
    playing: autoplay,
    volume: 0,
    net: null,
  }
}

function checkCapacity(step: Step): void {
  const capacity = step.room.capacity ?? -1
  const count = step.room.memberOrder.length
  if (isOverCapacity(capacity, count)) {
    if (!step.state.overCapacity) {
      step.state.overCapacity = true
      // Tag `error` as in the original (apps listen for -8 there), but not fatal: the room stays open
      // and the extra members stay in the store.
      step.notice('error', RoomErrorCode.OVER_CAPACITY, {
        message: `${count} remote members, the '${step.state.options?.template}' template shows ${capacity}`,
        fatal: false,
        capacity,
        members: count,
      })
    }
  } else {
    step.state.overCapacity = false
  }
}

function addMember(step: Step, members: Record<string, MemberState>, order: string[], userID: string): boolean {
  if (userID === step.room.self.userID || userID in members) return false
  members[userID] = { userID, joinedAt: step.at, streams: {} }
  order.push(userID)
  step.emit('member_join', RoomStatusCode.MEMBER_LIST, { userID })
  return true
}

/** Remove from `members` only; the caller rebuilds the order once (O(n) for a 1032 of n users). */
function removeMember(step: Step, members: Record<string, MemberState>, userID: string, reason: string): boolean {
  const member = members[userID]
  if (!member) return false
  stopPlayers(step, member)
  delete members[userID]
  step.emit('member_leave', RoomStatusCode.MEMBER_LIST, { userID, reason })
  return true
}

function withoutRemoved(order: string[], members: Record<string, MemberState>): string[] {
  return order.filter((userID) => userID in members)
}

/** Apply one stream change to a member (copy on write). Returns the new member, or null when unchanged. */
function applyStreamChange(step: Step, member: MemberState, change: StreamChange): MemberState | null {
  const current = member.streams[change.streamType]
  const base = current ?? newStream(member.userID, change.streamType, step.state.options?.autoplay ?? false)
  const next: StreamState = {
    ...base,
    hasVideo: change.hasVideo ?? base.hasVideo,
    hasAudio: change.hasAudio ?? base.hasAudio,
    playURL: change.playURL || base.playURL,
  }
  const streams = { ...member.streams }
  if (!next.hasVideo && !next.hasAudio) {
    if (!current) return null
    delete streams[change.streamType]
    step.effect({ type: 'player', stream: engineStream(current), call: 'stop' })
  } else {
    if (current && current.hasVideo === next.hasVideo && current.hasAudio === next.hasAudio && current.playURL === next.playURL) return null
    streams[change.streamType] = next
    // A new stream that should play (autoplay): tell the engine once, when it appears.
    if (!current && next.playing) step.effect({ type: 'player', stream: engineStream(next), call: 'play' })
  }
  return { ...member, streams }
}

function memberDetail(member: MemberState): Record<string, unknown> {
  const streams = Object.values(member.streams).filter((s): s is StreamState => !!s)
  return {
    userID: member.userID,
    hasVideo: streams.some((s) => s.hasVideo),
    hasAudio: streams.some((s) => s.hasAudio),
    streams: streams.map((s) => ({ streamType: s.streamType, hasVideo: s.hasVideo, hasAudio: s.hasAudio })),
  }
}

function applyStreamChanges(step: Step, changes: StreamChange[]): void {
  const members = copyMembers(step.room.members)
  const updated = new Set<string>()
  for (const change of changes) {
    const member = members[change.userID]
    if (!member) continue // not announced (or already left): ignored, see the header
    const next = applyStreamChange(step, member, change)
    if (next) {
      members[change.userID] = next
      updated.add(change.userID)
    }
  }
  if (updated.size === 0) return
  step.setMembers(members, step.room.memberOrder)
  for (const userID of updated) step.emit('member_update', RoomStatusCode.MEMBER_LIST, memberDetail(members[userID]))
}

/**
 * Legacy 1020: members become exactly `users` (self excluded, first entry per userID wins). Entries
 * without a userID were skipped by the parser; a list of only such entries says nothing (not "everyone left").
 */
function applyFullList(step: Step, users: AnnouncedUser[], skipped: number): void {
  if (users.length === 0 && skipped > 0) return
  const members = copyMembers(step.room.members)
  const listed = new Map<string, AnnouncedUser>()
  for (const user of users) if (!listed.has(user.userID) && user.userID !== step.room.self.userID) listed.set(user.userID, user)
  for (const userID of step.room.memberOrder) if (!listed.has(userID)) removeMember(step, members, userID, 'left')
  const order = withoutRemoved(step.room.memberOrder, members)
  for (const user of listed.values()) addMember(step, members, order, user.userID)
  step.setMembers(members, order)
  applyStreamChanges(
    step,
    [...listed.values()].map((user) => ({
      userID: user.userID,
      streamType: user.streamType ?? 'main',
      playURL: user.playURL,
      // The legacy list says nothing about tracks: a listed user publishes audio and video.
      hasVideo: user.hasVideo ?? true,
      hasAudio: user.hasAudio ?? true,
    })),
  )
  checkCapacity(step)
}

/** Replace one member (copy on write of the members record). */
function setMember(step: Step, member: MemberState): void {
  const members = copyMembers(step.room.members)
  members[member.userID] = member
  step.setMembers(members, step.room.memberOrder)
}

function updateStream(step: Step, userID: string, streamType: StreamType, patch: Partial<StreamState>): void {
  const member = step.room.members[userID]
  const stream = member?.streams[streamType]
  if (!member || !stream) return
  setMember(step, { ...member, streams: { ...member.streams, [streamType]: { ...stream, ...patch } } })
}

/** A player started / stopped loading: 16 / 17 on the member, once per change (2003 and 2004 both mean playing). */
function streamLoading(step: Step, userID: string, streamType: StreamType, loading: boolean, nativeCode: number): void {
  const member = step.room.members[userID]
  const stream = member?.streams[streamType]
  if (!member || !stream || stream.loading === loading) return
  updateStream(step, userID, streamType, { loading })
  const code = loading ? RoomStatusCode.PLAYER_LOADING : RoomStatusCode.PLAYER_PLAYING
  step.emit('member_update', code, { ...memberDetail(step.room.members[userID]), reason: loading ? 'player_loading' : 'player_playing', streamType, nativeCode })
}

// -------------------------------------------------------------------------------------------------
// Engine actions

function reduceEngine(step: Step, action: EngineAction): void {
  const status = step.room.status
  // Native events only mean something while a push URL is live. Before it (preflight), while the
  // pusher is down (reconnecting) and after the session (stop / error / exit) they are stale — and so
  // are events while a legacy session still waits for its room signature (no URL of this session yet:
  // they come from the previous session's pusher and must not mark this one entered).
  if (!acceptsEngineEvents(status) || step.state.pushURL === '') return
  switch (action.type) {
    case 'push_state':
      step.emit('push_state', action.code, { message: action.message })
      return
    case 'play_state':
      step.emit('play_state', action.code, { userID: action.userID, streamType: action.streamType, message: action.message })
      return
    case 'pusher_net':
      step.room.self = { ...step.room.self, net: action.info }
      step.emit('net_status', 0, { userID: step.room.self.userID, info: action.info })
      return
    case 'player_net':
      updateStream(step, action.userID, action.streamType, { net: action.info })
      step.emit('net_status', 0, { userID: action.userID, streamType: action.streamType, info: action.info })
      return
    case 'publishing':
      step.emit('self_update', RoomStatusCode.PUSH_OK, { message: 'publishing', nativeCode: action.nativeCode })
      if (status === 'entering' && step.state.mode === 'legacy') markEntered(step, action.nativeCode)
      return
    case 'pusher_loading':
      step.emit('self_update', RoomStatusCode.PUSHER_LOADING, { message: 'pusher reconnecting', nativeCode: action.nativeCode })
      return
    case 'preview_started':
      step.emit('self_update', RoomStatusCode.PUSHER_PLAYING, { message: 'camera preview running', nativeCode: action.nativeCode })
      return
    case 'entered':
      if (status === 'entering') markEntered(step, action.nativeCode)
      return
    case 'left':
      if (status === 'entering' || action.kicked) {
        fatal(step, RoomErrorCode.JOIN_ROOM_FAILED, { message: action.message || describeCode(1019)?.en, nativeCode: action.nativeCode, kicked: action.kicked })
      } else {
        const dropped = endSession(step, true)
        step.status('exited')
        step.emit('exit_room', RoomStatusCode.LEFT, { message: action.message || 'left the room', nativeCode: action.nativeCode, reason: 'server', membersCleared: dropped })
      }
      return
    case 'enter_failed':
      fatal(step, action.code, { message: action.message, nativeCode: action.nativeCode })
      return
    case 'member_list':
      // Only legacy rooms keep members by 1020 (modern rooms use 1031–1034, as trtc-wx-sdk does).
      if (step.state.mode !== 'legacy') return
      if (status === 'entering') markEntered(step, 1020)
      applyFullList(step, action.users, action.skipped)
      return
    case 'members_joined': {
      const members = copyMembers(step.room.members)
      const order = step.room.memberOrder.slice()
      let changed = false
      for (const userID of action.userIDs) changed = addMember(step, members, order, userID) || changed
      if (changed) step.setMembers(members, order)
      checkCapacity(step)
      return
    }
    case 'members_left': {
      const members = copyMembers(step.room.members)
      let changed = false
      for (const userID of action.userIDs) changed = removeMember(step, members, userID, 'left') || changed
      if (changed) step.setMembers(members, withoutRemoved(step.room.memberOrder, members))
      checkCapacity(step)
      return
    }
    case 'streams_changed':
      applyStreamChanges(step, action.changes)
      return
    case 'stream_loading':
      streamLoading(step, action.userID, action.streamType, true, action.nativeCode)
      return
    case 'stream_playing':
      streamLoading(step, action.userID, action.streamType, false, action.nativeCode)
      return
    case 'stream_disconnected': {
      // The player gave up (-2301): drop that stream; the member stays until 1032 says it left,
      // and its next 1033/1034 brings the stream back.
      const member = step.room.members[action.userID]
      const stream = member?.streams[action.streamType]
      if (!member || !stream) return
      const streams = { ...member.streams }
      delete streams[action.streamType]
      const next = { ...member, streams }
      step.effect({ type: 'player', stream: engineStream(stream), call: 'stop' })
      setMember(step, next)
      step.emit('member_update', RoomStatusCode.PLAYER_DISCONNECTED, { ...memberDetail(next), reason: 'player_disconnected', nativeCode: action.nativeCode })
      return
    }
    case 'device_failed':
      fatal(step, action.code, { message: action.message, nativeCode: action.nativeCode })
      return
    case 'permission_denied':
      fatal(step, RoomErrorCode.MEDIA_PERMISSION, { message: action.message, nativeCode: action.nativeCode })
      return
    case 'connection_lost':
      connectionLost(step, action.nativeCode, action.message)
      return
    case 'suspended': {
      const dropped = endSession(step, true)
      step.status('exited')
      step.emit('exit_room', RoomStatusCode.LEFT, { message: action.message || 'mini-program suspended', nativeCode: action.nativeCode, reason: 'suspended', membersCleared: dropped })
      return
    }
    case 'notice':
      step.notice('warning', action.code, { message: action.message, nativeCode: action.nativeCode })
      return
  }
}

// -------------------------------------------------------------------------------------------------
// Control actions

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
    step.room.self = { ...step.room.self, muted: step.room.pusher.muted, cameraOn: step.room.pusher.enableCamera }
    step.room.capacity = templateCapacity(merged.template ?? 'float')
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
  const options = result.options
  const hadIM = step.state.options!.enableIM
  step.state.options = { ...options, room: step.state.options!.room }
  // enableIM toggled in the room: start / stop the IM session now (else turning it off would leave
  // the session running, and endSession would no longer stop it).
  if (options.enableIM !== hadIM) step.effect({ type: options.enableIM ? 'im_start' : 'im_stop' })
  step.room.pusher = pusherFromOptions(options, step.room.pusher ?? pusherFromRaw(merged))
  step.room.self = { ...step.room.self, muted: options.muted, cameraOn: options.enableCamera }
  step.room.capacity = templateCapacity(options.template)
  emitWarnings(step, result.warnings)
  checkCapacity(step)
}

function reduceControl(step: Step, action: Exclude<RoomAction, EngineAction>): void {
  const status = step.room.status
  const epoch = step.state.epoch
  switch (action.type) {
    case 'start':
      if (isActive(status)) invalidState(step, 'start')
      else beginSession(step)
      return
    case 'preflight_done': {
      if (action.epoch !== epoch || status !== 'preflight') return
      const result = action.result
      if (!result.ok) {
        fatal(step, result.code, { ...result.detail, message: result.message })
        return
      }
      if (result.mode === 'legacy' && step.state.options!.room.kind === 'string') {
        // An old client (auto mode chose legacy) cannot enter a string room: that flow has numeric rooms only.
        const missing = missingForModern(result.system)
        fatal(step, missing.code, { message: `string room ids ${missing.message}`, roomID: step.room.roomID, ...result.system })
        return
      }
      step.state.mode = result.mode
      step.room.enterMode = result.mode
      obtainURL(step)
      return
    }
    case 'room_sig_done':
      if (action.epoch !== epoch || status !== 'entering' || step.state.pushURL !== '') return
      if (action.ok) {
        enterWith(step, buildLegacyPushURL(step.state.options!, action.roomSig))
      } else if (step.state.roomSigAttempts < ROOM_SIG_RETRIES) {
        step.state.roomSigAttempts += 1
        step.effect({ type: 'set_timer', name: 'room_sig_retry', ms: ROOM_SIG_RETRY_DELAY_MS, epoch })
      } else {
        fatal(step, RoomErrorCode.ROOM_SIG_FAILED, { message: action.message, errorCode: action.errorCode, attempts: step.state.roomSigAttempts + 1 })
      }
      return
    case 'timer':
      if (action.epoch !== epoch) return
      if (action.name === 'room_sig_retry' && status === 'entering') {
        step.effect({ type: 'request_room_sig', epoch })
      } else if (action.name === 'reconnect' && status === 'reconnecting') {
        obtainURL(step)
      } else if (action.name === 'enter_timeout' && status === 'entering') {
        if (step.state.reconnectAttempts > 0) connectionLost(step, 0, 'enter timed out while re-entering')
        else fatal(step, RoomErrorCode.ENTER_TIMEOUT, { timeoutMs: step.state.options?.enterTimeout })
      }
      return
    case 'stop': {
      if (!isActive(status)) return // idempotent
      const dropped = endSession(step, true)
      step.status('exited')
      step.emit('exit_room', RoomStatusCode.LEFT, { message: 'left the room', reason: 'stop', membersCleared: dropped })
      return
    }
    case 'pause':
      if (status === 'in_room') pauseBy(step, 'app')
      else invalidState(step, 'pause')
      return
    case 'resume':
      if (status === 'paused') resumeRoom(step)
      else invalidState(step, 'resume')
      return
    case 'app_hide':
      step.state.hidden = true
      step.emit('background', 0, { message: 'app hidden', status })
      if (status === 'in_room') pauseBy(step, 'hide')
      return
    case 'app_show':
      step.state.hidden = false
      step.emit('foreground', 0, { message: 'app shown', status })
      if (status === 'paused' && step.state.pausedBy === 'hide') resumeRoom(step)
      return
    case 'switch_camera':
      if (!isActive(status)) {
        invalidState(step, 'switchCamera')
        return
      }
      step.room.self = { ...step.room.self, frontCamera: !step.room.self.frontCamera }
      step.room.pusher = step.room.pusher && { ...step.room.pusher, devicePosition: step.room.self.frontCamera ? 'front' : 'back' }
      step.effect({ type: 'pusher', call: 'switchCamera' })
      return
    case 'update':
      applyUpdate(step, action.options)
      return
    case 'play_member': {
      const member = step.room.members[action.userID]
      if (!member) {
        step.notice('warning', RoomErrorCode.INVALID_STATE, { message: `no member ${action.userID} to ${action.play ? 'play' : 'stop'}`, userID: action.userID })
        return
      }
      const streams: MemberState['streams'] = {}
      for (const [type, stream] of Object.entries(member.streams) as Array<[StreamType, StreamState | undefined]>) {
        if (!stream) continue
        streams[type] = { ...stream, playing: action.play, loading: action.play ? stream.loading : true }
        step.effect({ type: 'player', stream: engineStream(stream), call: action.play ? 'play' : 'stop' })
      }
      setMember(step, { ...member, streams })
      return
    }
    case 'report':
      step.emit(action.event.tag, action.event.code, action.event.detail)
      return
  }
}

const ENGINE_TYPES = new Set<string>([
  'push_state', 'play_state', 'pusher_net', 'player_net', 'publishing', 'pusher_loading', 'preview_started', 'entered', 'left', 'enter_failed',
  'member_list', 'members_joined', 'members_left', 'streams_changed', 'stream_loading', 'stream_playing',
  'stream_disconnected', 'device_failed', 'permission_denied', 'connection_lost', 'suspended', 'notice',
])

export function isEngineAction(action: RoomAction): action is EngineAction & { at?: number } {
  return ENGINE_TYPES.has(action.type)
}

export function reduce(state: CoreState, action: RoomAction): ReduceResult {
  const step = new Step(state, action.at ?? 0)
  if (isEngineAction(action)) reduceEngine(step, action)
  else reduceControl(step, action as Exclude<RoomAction, EngineAction>)
  return step.result()
}

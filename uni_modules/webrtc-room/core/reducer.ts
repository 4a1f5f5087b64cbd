/**
 * The room reducer: `(state, action) → { state, effects }`. Pure: no clock (actions carry `at`), no
 * platform, no mutation of its input. Every decision about the room lives here and the controller
 * only runs the effects. One handler per action type, by concern: session (reduce-session.ts), and
 * here members and control — the app's calls, timers and async answers, app hide / show (the live
 * scene's role change is the `live` entry's, through core/live-role.ts).
 *
 * Members: one model for both generations of notifications:
 * - legacy 1020 = the complete list of the other users: members become exactly that list (reduce-legacy.ts, installed by the `legacy` entry); modern
 *   rooms ignore 1020 (trtc-wx-sdk does too);
 * - 1031 adds a member (no streams yet), 1032 removes it, 1033 / 1034 set video / audio of a stream
 *   keyed `${userID}_${streamType}`; a stream with neither is dropped; 1033 / 1034 for a user not
 *   announced (or already gone) are ignored, as trtc-wx-sdk does — so a late notification can never
 *   resurrect a member who left;
 * - our own userID is never a member; a userID is never listed twice; members are a record without
 *   prototype, so any userID (`toString`, `__proto__` …) is an ordinary key;
 * - every step costs O(n) in the members it touches (a 1032 of 10k users is one pass).
 */
import type { AnnouncedUser, ControlAction, EngineAction, RoomAction, StreamChange } from './actions'
import { RoomErrorCode, RoomStatusCode } from './error-codes'
import { isIdentityChange, readOptions, validateOptions, type ValidOptions } from './options'
import { missingForModern } from './room-platform'
import { levels, type LevelAction } from './levels'
import { liveScene } from './live-role'
import { announcedURL, memberChoice, memberMedia } from './member-media'
import {
  beginSession, connectionLost, emitWarnings, exited, fatal, invalidState, legacyRoom, markEntered, obtainURL, setPaused, showOptions, stopPlayers,
  SESSION_ENGINE, Step, type ActionOf, type Handlers, type ReduceResult,
} from './reduce-session'
import { refresher, SIG_MISSING } from './refresher'
import { acceptsEngineEvents, copyMembers, isActive, isOverCapacity, policyOf, streamKey, type CoreState } from './room-state'
import type { BackgroundPolicy, LocalDevices, MemberState, RoomOptions, StreamState, StreamType } from './types'

export type { ReduceResult } from './reduce-session'

// Module-local alias: a local name minifies to one letter, a cross-module property path does not.
const E = RoomErrorCode
const S = RoomStatusCode

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

// ---- Members ----------------------------------------------------------------------------------

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
    small: false,
  }
}

export function checkCapacity(step: Step): void {
  const capacity = step.room.capacity
  const count = step.room.memberOrder.length
  if (isOverCapacity(capacity, count)) {
    if (!step.state.overCapacity) {
      step.state.overCapacity = true
      // Tag `error` as in the original (apps listen for -8 there), but not fatal: the room stays open
      // and the extra members stay in the store. The code's message names it; the detail, the numbers.
      step.notice('error', E.OVER_CAPACITY, { fatal: false, capacity, members: count })
    }
  } else {
    step.state.overCapacity = false
  }
}

export function addMember(step: Step, members: Record<string, MemberState>, order: string[], userID: string): boolean {
  if (userID === step.room.self.userID || userID in members) return false
  members[userID] = { userID, joinedAt: step.at, streams: {}, muteAudio: false, muteVideo: false, streamPref: 'auto', volume: 0, speaking: false, quality: 0 }
  order.push(userID)
  step.emit('member_join', S.MEMBER_LIST, { userID })
  return true
}

/** Remove from `members` only; the caller rebuilds the order once (O(n) for a 1032 of n users). */
export function removeMember(step: Step, members: Record<string, MemberState>, userID: string, reason: string): boolean {
  const member = members[userID]
  if (!member) return false
  stopPlayers(step, member)
  delete members[userID]
  step.emit('member_leave', S.MEMBER_LIST, { userID, reason })
  return true
}

export function withoutRemoved(order: string[], members: Record<string, MemberState>): string[] {
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
    // Announced URLs say `streamtype=main`: keep playing the stream this member plays now (member-media.ts).
    playURL: change.playURL ? announcedURL(change.playURL, base.small) : base.playURL,
  }
  const streams = { ...member.streams }
  if (!next.hasVideo && !next.hasAudio) {
    if (!current) return null
    delete streams[change.streamType]
    step.player(current, 'stop')
  } else {
    if (current && current.hasVideo === next.hasVideo && current.hasAudio === next.hasAudio && current.playURL === next.playURL) return null
    streams[change.streamType] = next
    // A new stream that should play (autoplay): tell the engine once, when it appears.
    if (!current && next.playing) step.player(next, 'play')
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

export function applyStreamChanges(step: Step, changes: StreamChange[]): void {
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
  for (const userID of updated) step.emit('member_update', S.MEMBER_LIST, memberDetail(members[userID]))
}

/** Replace one member (copy on write of the members record). */
export function setMember(step: Step, member: MemberState): void {
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
function streamLoading(step: Step, { userID, streamType, nativeCode }: { userID: string; streamType: StreamType; nativeCode: number }, loading: boolean): void {
  const member = step.room.members[userID]
  const stream = member?.streams[streamType]
  if (!member || !stream || stream.loading === loading) return
  updateStream(step, userID, streamType, { loading })
  const code = loading ? S.PLAYER_LOADING : S.PLAYER_PLAYING
  step.emit('member_update', code, { ...memberDetail(step.room.members[userID]), reason: loading ? 'player_loading' : 'player_playing', streamType, nativeCode })
}

/** Native facts about the other users and their players. */
export const MEMBER_ENGINE = {
  play_state: (step, a) => step.emit('play_state', a.code, { userID: a.userID, streamType: a.streamType, message: a.message }),
  player_net: (step, a) => {
    updateStream(step, a.userID, a.streamType, { net: a.info })
    step.emit('net_status', 0, { userID: a.userID, streamType: a.streamType, info: a.info })
  },
  member_list: (step, a) => {
    const legacy = legacyRoom()
    if (step.room.enterMode !== 'legacy' || !legacy) return
    markEntered(step, a.nativeCode)
    legacy.fullList(step, a.users, a.skipped)
  },
  members_joined: (step, a) => {
    const members = copyMembers(step.room.members)
    const order = step.room.memberOrder.slice()
    let changed = false
    for (const userID of a.userIDs) changed = addMember(step, members, order, userID) || changed
    if (changed) step.setMembers(members, order)
    checkCapacity(step)
  },
  members_left: (step, a) => {
    const members = copyMembers(step.room.members)
    let changed = false
    for (const userID of a.userIDs) changed = removeMember(step, members, userID, 'left') || changed
    if (changed) step.setMembers(members, withoutRemoved(step.room.memberOrder, members))
    checkCapacity(step)
  },
  streams_changed: (step, a) => applyStreamChanges(step, a.changes),
  stream_loading: (step, a) => streamLoading(step, a, true),
  stream_playing: (step, a) => streamLoading(step, a, false),
  stream_disconnected: (step, a) => {
    // The player gave up (-2301): drop that stream; the member stays until 1032 says it left,
    // and its next 1033/1034 brings the stream back.
    const member = step.room.members[a.userID]
    const stream = member?.streams[a.streamType]
    if (!member || !stream) return
    const streams = { ...member.streams }
    delete streams[a.streamType]
    const next = { ...member, streams }
    step.player(stream, 'stop')
    setMember(step, next)
    step.emit('member_update', S.PLAYER_DISCONNECTED, { ...memberDetail(next), reason: 'player_disconnected', nativeCode: a.nativeCode })
  },
} satisfies Partial<Handlers<RoomAction['type']>>

/** `playMember` / `stopMember`. */
export const playMember: Handlers<'play_member'>['play_member'] = (step, a) => {
  const member = step.room.members[a.userID]
  if (!member) {
    step.notice('warning', E.INVALID_STATE, { message: `no member ${a.userID} to ${a.play ? 'play' : 'stop'}`, userID: a.userID })
    return
  }
  const streams: MemberState['streams'] = {}
  for (const [type, stream] of Object.entries(member.streams) as Array<[StreamType, StreamState | undefined]>) {
    if (!stream) continue
    streams[type] = { ...stream, playing: a.play, loading: a.play ? stream.loading : true }
    step.player(stream, a.play ? 'play' : 'stop')
  }
  setMember(step, { ...member, streams })
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

/**
 * The members concern of the reducer. One model for both generations of notifications:
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
import type { AnnouncedUser, RoomAction, StreamChange } from './actions'
import * as E from './error-codes'
import * as S from './status-codes'
import { announcedURL } from './member-media'
import { copyMembers, isOverCapacity, streamKey } from './room-state'
import { legacyRoom, markEntered, stopPlayers, type Handlers, type Step } from './reduce-session'
import type { MemberState, StreamState, StreamType } from './types'

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

/**
 * The levels concern of the reducer: audio volume, speaking, the active speaker and network quality
 * of every participant (you and the members), from the engines' raw samples. The rules are in
 * media-levels.ts; here they meet the room:
 * - samples count only in the room (`in_room`); muted audio (you muted, a stream without audio)
 *   counts as silence;
 * - a participant is written at most once per LEVEL_INTERVAL_MS and only when its volume or
 *   speaking changed, so a quiet room writes nothing;
 * - `settleLevels` runs after every action: out of the room (paused, reconnecting, left) nobody
 *   speaks and there is no active speaker; a member without playing audio stops speaking; the
 *   active speaker leaving clears it.
 */
import type { RoomAction } from './actions'
import { feed, pickSpeaker, volumeOf, type LevelTrack, type Speaker } from './media-levels'
import { acceptsEngineEvents, copyMembers } from './room-state'
import type { Handlers, Step } from './reduce-session'
import type { MediaLevels, MemberState, NetworkQuality, StreamType } from './types'

/** Levels of a participant who is not heard (left, paused, muted). */
export const QUIET: Pick<MediaLevels, 'volume' | 'speaking'> = { volume: 0, speaking: false }

function audible(member: MemberState): boolean {
  return Object.values(member.streams).some((s) => s?.hasAudio && s.playing)
}

function changed(before: MediaLevels, after: Partial<MediaLevels>): boolean {
  return (Object.keys(after) as Array<keyof MediaLevels>).some((k) => before[k] !== after[k])
}

function setActive(step: Step, userID: string | null): void {
  if (step.room.activeSpeaker === userID) return
  step.room.activeSpeaker = userID
  step.state.levels = { ...step.state.levels, since: step.at }
  step.emit('active-speaker', 0, { userID })
}

/** A member after a write of `volume` on one stream (null: unchanged). Its volume is its loudest stream's. */
function memberAfter(member: MemberState, streamType: StreamType, volume: number, speaking: boolean): MemberState | null {
  const stream = member.streams[streamType]!
  const streams = stream.volume === volume ? member.streams : { ...member.streams, [streamType]: { ...stream, volume } }
  const loudest = Math.max(...Object.values(streams).map((s) => s?.volume ?? 0))
  return streams !== member.streams || changed(member, { volume: loudest, speaking }) ? { ...member, streams, volume: loudest, speaking } : null
}

function speakers(step: Step): Speaker[] {
  const { self, members, memberOrder } = step.room
  const out: Speaker[] = self.speaking ? [{ id: self.userID, volume: self.volume }] : []
  for (const id of memberOrder) if (members[id]?.speaking) out.push({ id, volume: members[id].volume })
  return out
}

/** One participant's quality; returns the members record, copied on its first change. */
function setQuality(step: Step, members: Record<string, MemberState> | null, userID: string, quality: NetworkQuality): Record<string, MemberState> | null {
  const self = step.room.self
  const before = userID === self.userID ? self : (members ?? step.room.members)[userID]
  if (!before || before.quality === quality) return members
  step.emit('network-quality', 0, { userID, quality, previous: before.quality })
  if (before === self) {
    step.room.self = { ...self, quality }
    return members
  }
  members ??= copyMembers(step.room.members)
  members[userID] = { ...(before as MemberState), quality }
  return members
}

export const LEVEL_ENGINE = {
  audio_volume: (step, a) => {
    const room = step.room
    if (room.status !== 'in_room') return
    const tracks = Object.assign(Object.create(null) as Record<string, LevelTrack>, step.state.levels.tracks)
    let members: Record<string, MemberState> | null = null
    // Any write due (changed or not) re-decides the active speaker: its hold may have run out.
    let due = false
    if (a.self !== undefined) {
      const { track, write } = feed(tracks[room.self.userID], room.self.muted ? 0 : volumeOf(a.self), step.at)
      tracks[room.self.userID] = track
      const next = { volume: write, speaking: track.speaking }
      due = write >= 0
      if (due && changed(room.self, next)) room.self = { ...room.self, ...next }
    }
    for (const s of a.streams ?? []) {
      const member = (members ?? room.members)[s.userID]
      const stream = member?.streams[s.streamType]
      // Not heard (no audio, not playing): settleLevels keeps such a member quiet.
      if (!stream?.hasAudio || !stream.playing) continue
      const { track, write } = feed(tracks[s.userID], volumeOf(s.volume), step.at)
      tracks[s.userID] = track
      if (write < 0) continue
      due = true
      const next = memberAfter(member, s.streamType, write, track.speaking)
      if (!next) continue
      members ??= copyMembers(room.members)
      members[s.userID] = next
    }
    step.state.levels = { ...step.state.levels, tracks }
    if (members) step.setMembers(members, room.memberOrder)
    if (due) setActive(step, pickSpeaker(room.activeSpeaker, step.state.levels.since, speakers(step), step.at))
  },
  network_quality: (step, a) => {
    const ids = [...(a.self === undefined ? [] : [{ userID: step.room.self.userID, quality: a.self }]), ...(a.members ?? [])]
    if (a.others !== undefined) for (const userID of step.room.memberOrder) ids.push({ userID, quality: a.others })
    let members: Record<string, MemberState> | null = null
    for (const { userID, quality } of ids) members = setQuality(step, members, userID, quality)
    if (members) step.setMembers(members, step.room.memberOrder)
  },
} satisfies Partial<Handlers<RoomAction['type']>>

/** After every action: nobody speaks out of the room, nor a member who cannot be heard. */
export function settleLevels(step: Step): void {
  const room = step.room
  const book = step.state.levels
  if (room.status !== 'in_room') {
    const q = acceptsEngineEvents(room.status) ? room.self.quality : 0
    if (changed(room.self, { ...QUIET, quality: q })) room.self = { ...room.self, ...QUIET, quality: q }
    setActive(step, null)
  } else if (room.self.muted && changed(room.self, QUIET)) {
    room.self = { ...room.self, ...QUIET }
  }
  let members: Record<string, MemberState> | null = null
  let tracks: Record<string, LevelTrack> | null = null
  for (const id in book.tracks) {
    const member = room.members[id]
    const stale = room.status !== 'in_room' || (member ? !audible(member) : id !== room.self.userID)
    if (!stale) continue
    tracks ??= Object.assign(Object.create(null) as Record<string, LevelTrack>, book.tracks)
    delete tracks[id]
    if (member && changed(member, QUIET)) {
      members ??= copyMembers(room.members)
      members[id] = { ...member, ...QUIET }
    }
  }
  if (tracks) step.state.levels = { ...step.state.levels, tracks }
  if (members) step.setMembers(members, room.memberOrder)
  const active = room.activeSpeaker
  if (active !== null && active !== room.self.userID && !room.members[active]) setActive(step, null)
}

/**
 * The levels concern of the reducer: audio volume, speaking, the active speaker and network quality
 * of every participant (you and the members), from the engines' raw samples. Opt-in: only the
 * `levels` entry imports this file and installs it through core/levels.ts. The rules come first
 * (pure, below); then how they meet the room:
 * - samples count only in the room (`in_room`) and only for what is heard: your muted mic counts as
 *   silence, a stream without audio or not playing is ignored;
 * - a participant is written at most once per LEVEL_INTERVAL_MS and only when its volume or
 *   speaking changed, so a quiet room writes nothing;
 * - `settleLevels` runs after every action: out of the room (paused, reconnecting, left) nobody
 *   speaks and there is no active speaker; a member no longer heard stops speaking; the active
 *   speaker leaving clears it.
 */
import type { LevelAction } from './levels'
import { acceptsEngineEvents, copyMembers } from './room-state'
import type { Handlers, Step } from './reduce-session'
import type { MediaLevels, MemberState } from './types'

// ---- Rules ------------------------------------------------------------------------------------

/**
 * The rules, pure: when a level may be written (throttle), who speaks (hysteresis), who is the
 * active speaker (hold time). Engines only report raw samples (and convert their own quality scale).
 *
 * Figures (ms, volume 0–100), chosen for WeChat's ~100–200 ms `audiovolumenotify` cadence:
 * - a member's levels are written at most once per LEVEL_INTERVAL_MS (the loudest sample of the
 *   interval), and not at all when nothing changed;
 * - speaking turns on at SPEAK_ON, off once the level stayed under SPEAK_OFF for SPEAK_OFF_MS
 *   (levels in between keep the state: breaths and syllable gaps do not flap it);
 * - the active speaker passes to a louder speaker only after SPEAKER_HOLD_MS, at once when it
 *   stopped speaking; it stays the last speaker while the room is silent.
 */
export const LEVEL_INTERVAL_MS = 300
export const SPEAK_ON = 20
export const SPEAK_OFF = 10
export const SPEAK_OFF_MS = 800
export const SPEAKER_HOLD_MS = 1500

export interface Speech {
  speaking: boolean
  /** When the level fell under SPEAK_OFF (-1 while at or above it). */
  quietSince: number
}

export const SILENT: Speech = { speaking: false, quietSince: -1 }

/** Next speaking state after a sample `level` at `at`. */
export function hysteresis(prev: Speech, level: number, at: number): Speech {
  if (level >= SPEAK_ON) return { speaking: true, quietSince: -1 }
  if (level >= SPEAK_OFF) return { speaking: prev.speaking, quietSince: -1 }
  const quietSince = prev.quietSince < 0 ? at : prev.quietSince
  return { speaking: prev.speaking && at - quietSince < SPEAK_OFF_MS, quietSince }
}

/** May a participant's levels be written at `at`, last written at `wrote` (-1: never)? */
export function mayWrite(wrote: number, at: number): boolean {
  return wrote < 0 || at - wrote >= LEVEL_INTERVAL_MS
}

/** A volume as 0–100 integer; anything else (NaN, strings, negatives) counts as silence. */
export function volumeOf(value: unknown): number {
  const n = Number(value)
  return n > 0 ? Math.min(100, Math.round(n)) : 0
}

export interface Speaker {
  id: string
  volume: number
}

/**
 * The room's active speaker: `current` (set at `since`) keeps the floor while it speaks, until a
 * louder speaker has waited out the hold; with nobody speaking it stays (the last speaker).
 */
export function pickSpeaker(current: string | null, since: number, speakers: Speaker[], at: number): string | null {
  let loudest: Speaker | null = null
  let holder: Speaker | null = null
  for (const s of speakers) {
    if (!loudest || s.volume > loudest.volume) loudest = s
    if (s.id === current) holder = s
  }
  if (!loudest || loudest === holder) return current
  return !holder || at - since >= SPEAKER_HOLD_MS ? loudest.id : current
}

/** The reducer's per-participant bookkeeping (core state only, never in the store). */
export interface LevelTrack extends Speech {
  /** Last write to the room (ms), -1 before the first. */
  wrote: number
  /** Loudest sample since the last write. */
  peak: number
}

export interface LevelBook {
  /** By userID (yours too); a prototype-less record, like members. */
  tracks: Record<string, LevelTrack>
  /** When the active speaker was last set. */
  since: number
}

/** The room's book, created with the first sample (a room without the levels entry keeps none). */
function bookOf(step: Step): LevelBook {
  return step.state.levels ?? { tracks: Object.create(null) as LevelBook['tracks'], since: 0 }
}

/**
 * One sample into a track: the next track, and the level to write when the interval allows it
 * (-1 otherwise: the sample waits in `peak`). Speaking follows every sample; the write carries it.
 */
export function feed(track: LevelTrack | undefined, volume: number, at: number): { track: LevelTrack; write: number } {
  const t = track ?? { ...SILENT, wrote: -1, peak: 0 }
  const peak = Math.max(volume, t.peak)
  const speech = hysteresis(t, volume, at)
  return mayWrite(t.wrote, at) ? { track: { ...speech, wrote: at, peak: 0 }, write: peak } : { track: { ...t, ...speech, peak }, write: -1 }
}

// ---- In the room -------------------------------------------------------------------------------

const QUIET = { volume: 0, speaking: false }

function changed(before: MediaLevels, after: Partial<MediaLevels>): boolean {
  return (Object.keys(after) as Array<keyof MediaLevels>).some((k) => before[k] !== after[k])
}

function heard(member: MemberState | undefined, streamType: 'main' | 'aux' = 'main'): boolean {
  const s = member?.streams[streamType]
  return !!(s?.hasAudio && s.playing)
}

function setMember(step: Step, member: MemberState): void {
  const members = copyMembers(step.room.members)
  members[member.userID] = member
  step.setMembers(members, step.room.memberOrder)
}

function setActive(step: Step, userID: string | null): void {
  if (step.room.activeSpeaker === userID) return
  step.room.activeSpeaker = userID
  step.state.levels = { ...bookOf(step), since: step.at }
  step.emit('active_speaker', 0, { userID })
}

function setTracks(step: Step, tracks: Record<string, LevelTrack>): void {
  step.state.levels = { ...bookOf(step), tracks }
}

export const LEVEL_ENGINE = {
  audio_volume: (step, a) => {
    const room = step.room
    const member = a.userID === undefined ? undefined : room.members[a.userID]
    if (room.status !== 'in_room' || (member ? !heard(member, a.streamType) : a.userID !== undefined)) return
    const id = member ? member.userID : room.self.userID
    const book = bookOf(step)
    const { track, write } = feed(book.tracks[id], member || !room.self.muted ? volumeOf(a.volume) : 0, step.at)
    setTracks(step, Object.assign(Object.create(null) as Record<string, LevelTrack>, book.tracks, { [id]: track }))
    if (write < 0) return
    const next = { volume: write, speaking: track.speaking }
    if (!member) {
      if (changed(room.self, next)) room.self = { ...room.self, ...next }
    } else {
      const type = a.streamType ?? 'main'
      const stream = member.streams[type]!
      const streams = stream.volume === write ? member.streams : { ...member.streams, [type]: { ...stream, volume: write } }
      // A member's volume is its loudest stream's.
      next.volume = Math.max(...Object.values(streams).map((s) => s?.volume ?? 0))
      if (streams !== member.streams || changed(member, next)) setMember(step, { ...member, streams, ...next })
    }
    // Any due write re-decides the floor (a hold may have run out), with the speakers as they are now.
    const speakers = [room.self, ...room.memberOrder.map((m) => room.members[m])].filter((p) => p.speaking).map((p) => ({ id: p.userID, volume: p.volume }))
    setActive(step, pickSpeaker(room.activeSpeaker, bookOf(step).since, speakers, step.at))
  },
  network_quality: (step, a) => {
    const room = step.room
    for (const id of a.others ? room.memberOrder : [a.userID ?? room.self.userID]) {
      const before = id === room.self.userID ? room.self : room.members[id]
      if (!before || before.quality === a.quality) continue
      step.emit('network_quality', 0, { userID: id, quality: a.quality, previous: before.quality })
      if (before === room.self) room.self = { ...room.self, quality: a.quality }
      else setMember(step, { ...(before as MemberState), quality: a.quality })
    }
  },
} satisfies Handlers<LevelAction['type']>

/** One level action (the reducer hands them over through core/levels.ts). */
export function reduceLevel(step: Step, action: LevelAction): void {
  if (action.type === 'audio_volume') LEVEL_ENGINE.audio_volume(step, action)
  else LEVEL_ENGINE.network_quality(step, action)
}

/** After every action: nobody speaks out of the room, nor you muted, nor a member no longer heard. */
export function settleLevels(step: Step): void {
  const room = step.room
  const out = room.status !== 'in_room'
  if ((out || room.self.muted) && changed(room.self, QUIET)) room.self = { ...room.self, ...QUIET }
  if (!acceptsEngineEvents(room.status) && room.self.quality) room.self = { ...room.self, quality: 0 }
  const tracks = step.state.levels?.tracks
  for (const id in tracks) {
    const member = room.members[id]
    if (!out && (member ? heard(member) || heard(member, 'aux') : id === room.self.userID)) continue
    const rest = Object.assign(Object.create(null) as Record<string, LevelTrack>, bookOf(step).tracks)
    delete rest[id]
    setTracks(step, rest)
    if (member && changed(member, QUIET)) setMember(step, { ...member, ...QUIET })
  }
  const active = room.activeSpeaker
  if (out || (active !== null && active !== room.self.userID && !room.members[active])) setActive(step, null)
}

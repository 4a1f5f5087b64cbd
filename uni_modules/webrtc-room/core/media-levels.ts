/**
 * Audio levels and network quality, pure: when a level may be written (throttle), who speaks
 * (hysteresis), who is the active speaker (hold time), and TRTC's quality scale. The reducer
 * (reduce-levels.ts) applies them; engines only report raw samples.
 *
 * Figures (ms, volume 0–100), chosen for WeChat's ~100–200 ms `audiovolumenotify` cadence:
 * - a member's levels are written at most once per LEVEL_INTERVAL_MS (the loudest sample of the
 *   interval), and not at all when nothing changed;
 * - speaking turns on at SPEAK_ON, off once the level stayed under SPEAK_OFF for SPEAK_OFF_MS
 *   (levels in between keep the state: breaths and syllable gaps do not flap it);
 * - the active speaker passes to a louder speaker only after SPEAKER_HOLD_MS, at once when it
 *   stopped speaking; it stays the last speaker while the room is silent.
 */
import type { NetworkQuality } from './types'

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

/** TRTC's scale from a web SDK / TRTC value: 0 unknown, 1 excellent … 5 very bad, 6 down. */
export function qualityOf(value: unknown): NetworkQuality {
  const n = Math.round(Number(value))
  return (n >= 0 && n <= 6 ? n : 0) as NetworkQuality
}

/** The worse of two levels; unknown (0) never wins over a known one. */
export function worseQuality(a: NetworkQuality, b: NetworkQuality): NetworkQuality {
  return a === 0 ? b : b === 0 ? a : a > b ? a : b
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

export function emptyBook(): LevelBook {
  return { tracks: Object.create(null) as Record<string, LevelTrack>, since: 0 }
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

/**
 * The level actions of the TRTC web SDK (opt-in: the `levels` entry installs `trtcLevels` through
 * core/levels.ts, and with it the session turns the SDK's volume evaluation on): `audio-volume`
 * samples and the `network-quality` levels (trtc-events.ts translates the link stats themselves).
 */
import type { LevelAction, NetworkQuality } from '../../lib/runtime'
import { isLocal } from './trtc-events'

/** TRTC's quality scale from a web SDK value: 0 unknown, 1 excellent … 5 very bad, 6 down. */
export function qualityOf(value: unknown): NetworkQuality {
  const n = Math.round(Number(value))
  return (n >= 0 && n <= 6 ? n : 0) as NetworkQuality
}

/** The worse of two levels; unknown (0) never wins over a known one. */
export function worseQuality(a: NetworkQuality, b: NetworkQuality): NetworkQuality {
  return a === 0 ? b : b === 0 ? a : a > b ? a : b
}

/** One TRTC event's level actions (none for other events or malformed payloads). */
export function trtcLevels(name: string, payload: unknown, selfUserID: string): LevelAction[] {
  const p = (payload ?? {}) as Record<string, unknown>
  if (name === 'network-quality') {
    // You: the worse of your up- and downlink. Members: the web SDK has no per-user level; each
    // shows the room-wide downlink (how well you receive them).
    const down = qualityOf(p.downlinkNetworkQuality)
    return [
      { type: 'network_quality', quality: worseQuality(qualityOf(p.uplinkNetworkQuality), down) },
      { type: 'network_quality', quality: down, others: true },
    ]
  }
  if (name !== 'audio-volume') return []
  // One sample per participant; the local mic is userId ''.
  return (Array.isArray(p.result) ? (p.result as Array<Record<string, unknown>>) : []).map((r): LevelAction => {
    const id = typeof r?.userId === 'string' ? r.userId : ''
    return isLocal(id, selfUserID) ? { type: 'audio_volume', volume: r.volume } : { type: 'audio_volume', volume: r.volume, userID: id }
  })
}

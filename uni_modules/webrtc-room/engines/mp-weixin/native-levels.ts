/**
 * The level actions of the live-pusher / live-player tags (opt-in: the `levels` entry installs
 * `nativeLevels` through core/levels.ts): `audiovolumenotify` samples, and a quality level derived from
 * every `netstatus` (live-tags-engine.ts translates the stats themselves).
 */
import type { NativeEvent } from '../../core/engine'
import type { LevelAction } from '../../core/levels'
import type { NetworkQuality, PusherNetInfo } from '../../core/types'

/** 1 + how many of the ascending `limits` `value` exceeds. */
function score(value: number, limits: number[]): number {
  return limits.filter((limit) => value > limit).length + 1
}

/** A field as a number ≥ 0, or -1 when absent / not a number (some clients send strings). */
function num(info: PusherNetInfo | null | undefined, key: string): number {
  const v = info?.[key]
  return v === undefined || v === null || v === '' || !(Number(v) >= 0) ? -1 : Number(v)
}

/**
 * netQuality: a TRTC-scale quality level (1 excellent … 5 very bad, 6 down, 0 unknown) from a live-pusher /
 * live-player `bindnetstatus` info. WeChat reports no level of its own, so it is derived from the
 * fields every client sends, the worse of two scores:
 * - throughput: `netSpeed` (kbps actually sent / received) against `videoBitrate + audioBitrate`
 *   (what the codecs produce / the stream carries): short by ≤ 10 % → 1, ≤ 30 % → 2, ≤ 50 % → 3,
 *   ≤ 70 % → 4, more → 5; nothing moving (netSpeed 0) while bitrates are expected → 6;
 * - `netJitter` (ms): ≤ 30 → 1, ≤ 60 → 2, ≤ 120 → 3, ≤ 250 → 4, more → 5.
 * Neither measurable (no fields, camera and mic off) → 0.
 */
export function netQuality(info: PusherNetInfo | null | undefined): NetworkQuality {
  const speed = num(info, 'netSpeed')
  const jitter = num(info, 'netJitter')
  const expected = Math.max(0, num(info, 'videoBitrate')) + Math.max(0, num(info, 'audioBitrate'))
  if (speed === 0 && expected > 0) return 6
  const level = Math.max(speed > 0 && expected > 0 ? score(1 - speed / expected, [0.1, 0.3, 0.5, 0.7]) : 0, jitter < 0 ? 0 : score(jitter, [30, 60, 120, 250]))
  return level as NetworkQuality
}

/** A native event's level actions. A member's quality comes from its main (camera) stream; a screen share's stats are its own. */
export function nativeLevels(event: NativeEvent): LevelAction[] {
  switch (event.kind) {
    case 'pusher_volume':
      return [{ type: 'audio_volume', volume: event.detail?.volume }]
    case 'player_volume':
      return [{ type: 'audio_volume', volume: event.detail?.volume, userID: event.userID, streamType: event.streamType }]
    case 'pusher_net':
      return [{ type: 'network_quality', quality: netQuality(event.detail?.info) }]
    case 'player_net':
      return event.streamType === 'main' ? [{ type: 'network_quality', quality: netQuality(event.detail?.info), userID: event.userID }] : []
    default:
      return []
  }
}

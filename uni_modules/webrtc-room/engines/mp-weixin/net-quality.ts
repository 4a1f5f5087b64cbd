/**
 * A TRTC-scale quality level (1 excellent … 5 very bad, 6 down, 0 unknown) from a live-pusher /
 * live-player `bindnetstatus` info. WeChat reports no level of its own, so it is derived from the
 * fields every client sends, the worse of two scores:
 * - throughput: `netSpeed` (kbps actually sent / received) against `videoBitrate + audioBitrate`
 *   (what the codecs produce / the stream carries): short by ≤ 10 % → 1, ≤ 30 % → 2, ≤ 50 % → 3,
 *   ≤ 70 % → 4, more → 5; nothing moving (netSpeed 0) while bitrates are expected → 6;
 * - `netJitter` (ms): ≤ 30 → 1, ≤ 60 → 2, ≤ 120 → 3, ≤ 250 → 4, more → 5.
 * Neither measurable (no fields, camera and mic off) → 0.
 */
import type { NetworkQuality, PusherNetInfo } from '../../core/types'

function num(value: unknown): number {
  const n = Number(value)
  return value !== undefined && value !== null && value !== '' && n >= 0 ? n : -1
}

/** 1 + how many of the ascending `limits` `value` exceeds. */
function score(value: number, limits: number[]): number {
  let level = 1
  for (const limit of limits) if (value > limit) level++
  return level
}

export function netQuality(info: PusherNetInfo | null | undefined): NetworkQuality {
  const speed = num(info?.netSpeed)
  const jitter = num(info?.netJitter)
  const expected = Math.max(0, num(info?.videoBitrate)) + Math.max(0, num(info?.audioBitrate))
  let level = 0
  if (speed >= 0 && expected > 0) {
    if (speed === 0) return 6
    level = score(1 - speed / expected, [0.1, 0.3, 0.5, 0.7])
  }
  if (jitter >= 0) level = Math.max(level, score(jitter, [30, 60, 120, 250]))
  return level as NetworkQuality
}

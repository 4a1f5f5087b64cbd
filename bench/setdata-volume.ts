/**
 * The volume row of the setData benchmark (issue #14 item 9): setData bytes per second while every
 * participant's levels flow (bench/volume-flow.ts), per template and room size. Printed figures, no
 * goal: the built-in templates' goal is that their join / leave / toggle rows stay where they were.
 */
import type { Figure } from './format'
import type { SetDataRow } from './setdata'
import { VOLUME_INTERVAL_MS, VOLUME_SECONDS } from './volume-flow'

export function volumeFigures(rows: SetDataRow[], sizes: number[]): Figure[] {
  const largest = sizes[sizes.length - 1]
  const figures: Figure[] = []
  for (const template of [...new Set(rows.map((r) => r.template))]) {
    const points = rows.filter((r) => r.template === template).sort((a, b) => a.roomSize - b.roomSize)
    const last = points.find((r) => r.roomSize === largest)
    if (!last) continue
    figures.push({
      name: `setdata.${template}.volume-${VOLUME_INTERVAL_MS}ms.room-of-${largest}`,
      value: last.bytes,
      unit: 'B/s',
      note: `by room size: ${points.map((r) => `${r.roomSize}: ${r.bytes} B/s`).join(', ')}; ${last.calls} setData calls/s; by component: ${Object.entries(last.byComponent).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`,
    })
  }
  return figures
}

export const VOLUME_METHOD = [
  '',
  `**Volume row** (bench/volume-flow.ts): in the same rooms, after the measured changes, the pusher and every rendered`,
  `\`<live-player>\` get an \`audiovolumenotify\` every ${VOLUME_INTERVAL_MS} ms and a \`netstatus\` every 2.1 s for ${VOLUME_SECONDS} s of a virtual`,
  'clock; one participant speaks at a time (taking turns every 3 s), the others send changing noise under the speaking',
  'threshold, and a member\'s throughput drops on every third netstatus (quality 1 ⇄ 3). Figures are setData bytes and calls',
  'per second. The core writes each participant\'s levels at most every 300 ms; tiles and the `layout` slot read only',
  '`speaking` and `quality`, so what is sent is the speaking rings, the quality bars and whatever re-renders with them.',
]

/**
 * setData traffic (issue #10 item 2): bytes and calls that one member joining, leaving or turning
 * its video off costs in the compiled mp-weixin component, in rooms of 2 … 50, under
 * miniprogram-simulate. Builds tests/fixtures/mp-app with the real compiler (buildFixture) and runs
 * bench/setdata-probe.ts in a child process per page (its jsdom globals stay out of this process).
 *
 * Figures: per template and change, the bytes in the largest room; the reference is a page written
 * the way trtc-wx-sdk's README says (setdata-reference.ts) with the same change in the same room.
 * "Flat" compares with the same change in a room of 2 (goal: flat, and ≤ 2 KB).
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { buildFixture } from '../tests/helpers/build-fixture'
import { ROOT } from './bench-apps'
import type { Series } from './chart'
import type { Figure } from './format'
import type { ProbeMeasure } from './setdata-probe'
import { measureTrtcWxReadmePage } from './setdata-reference'
import { VOLUME_METHOD, volumeFigures } from './setdata-volume'

export const SETDATA_GOAL_BYTES = 2048
export const FULL_SIZES = [2, 4, 8, 16, 32, 50]
export const QUICK_SIZES = [2, 8]

/**
 * Flat in room size = not proportional to it: from a mid-size room (the first size ≥ a quarter of the
 * largest: 16 of 2…50) to the largest, a change costs at most 1.5× or 256 B more. A cost proportional
 * to the room would triple from 16 to 50; a one-off step (a room of 2 has no tile to move on a leave,
 * a bigger one moves one) is not growth. The 256 B slack keeps tiny payloads (a "+N" badge) out of it.
 */
export function flatFrom(sizes: number[]): number {
  const largest = sizes[sizes.length - 1]
  return sizes.find((size) => size >= largest / 4) ?? sizes[0]
}

export function isFlat(fromBytes: number, largestBytes: number): boolean {
  return largestBytes <= fromBytes * 1.5 || largestBytes - fromBytes <= 256
}

export interface SetDataRow extends ProbeMeasure {
  template: string
}

export interface SetDataResult {
  rows: SetDataRow[]
  /** Levels flowing (bench/setdata-volume.ts): bytes and calls per second. */
  volume?: SetDataRow[]
  /** The trtc-wx-sdk README page, same changes, same rooms. */
  reference: ProbeMeasure[]
  series: Series[]
  figures: Figure[]
  method: string[]
  notes: string[]
}

/** The fixture pages measured, and where their <live-pusher> is. */
const PAGES = [
  { template: 'float', selector: '#room >>> #pusher' },
  { template: 'grid', selector: '#room >>> #pusher' },
  { template: 'custom', selector: '#my-pusher >>> #pusher' },
]

const CHANGES: ProbeMeasure['change'][] = ['join', 'leave', 'video toggle']
const COLORS: Record<string, string> = {
  'float join': '#17becf',
  'float leave': '#bcbd22',
  'float video toggle': '#7f7f7f',
  'grid join': '#1f77b4',
  'grid leave': '#ff7f0e',
  'grid video toggle': '#2ca02c',
  'custom join': '#9467bd',
  'custom leave': '#8c564b',
  'custom video toggle': '#e377c2',
}

function probe(dist: string, template: string, selector: string, sizes: number[]): ProbeMeasure[] {
  const stdout = execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(__dirname, 'setdata-probe.ts'), dist, template, selector, sizes.join(',')], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  })
  const line = stdout.split('\n').find((l) => l.startsWith('@@SETDATA@@'))
  if (!line) throw new Error(`setData probe for ${template} printed no result`)
  return JSON.parse(line.slice('@@SETDATA@@'.length)) as ProbeMeasure[]
}

export function runSetData(options: { quick: boolean }): SetDataResult {
  const sizes = options.quick ? QUICK_SIZES : FULL_SIZES
  const dist = buildFixture('mp-app')
  const rows: SetDataRow[] = []
  const volume: SetDataRow[] = []
  for (const page of PAGES) {
    for (const m of probe(dist, page.template, page.selector, sizes)) (m.change === 'volume' ? volume : rows).push({ template: page.template, ...m })
  }
  const reference = measureTrtcWxReadmePage(sizes)
  const figures: Figure[] = []
  const series: Series[] = []
  const largest = sizes[sizes.length - 1]
  for (const page of PAGES) {
    for (const change of CHANGES) {
      const points = rows.filter((r) => r.template === page.template && r.change === change)
      const first = points.find((r) => r.roomSize === sizes[0])
      const from = points.find((r) => r.roomSize === flatFrom(sizes))
      const last = points.find((r) => r.roomSize === largest)
      if (!first || !from || !last) continue
      const worst = Math.max(...points.map((r) => r.bytes))
      const ref = reference.find((r) => r.change === change && r.roomSize === largest)
      const flat = last.bytes / Math.max(1, first.bytes)
      figures.push({
        name: `setdata.${page.template}.${change.replace(' ', '-')}.room-of-${largest}`,
        value: last.bytes,
        unit: 'B',
        reference: ref && { label: `trtc-wx-sdk README page, same change`, value: ref.bytes },
        goal: {
          text: `≤ 2 KB per change and flat (here: worst ${worst} B; room of ${from.roomSize} → ${largest}: ${from.bytes} → ${last.bytes} B)`,
          met: worst <= SETDATA_GOAL_BYTES && isFlat(from.bytes, last.bytes),
        },
        note: `${flat.toFixed(2)}× the same change in a room of ${sizes[0]}; ${last.calls} setData calls; by component: ${Object.entries(last.byComponent).map(([k, v]) => `${k} ${v}`).join(', ')}`,
      })
      series.push({ label: `${page.template} ${change}`, color: COLORS[`${page.template} ${change}`] ?? '#333', points: points.map((r) => ({ x: r.roomSize, y: r.bytes })) })
    }
  }
  const method = [
    'The real mp-weixin build of tests/fixtures/mp-app (the component engineer\'s fixture pages) runs under',
    '`miniprogram-simulate` with jsdom (tests/mp/mp-harness.ts); `tests/helpers/setdata-meter.ts` wraps exparser\'s',
    '`setData` and counts every call of every component with the UTF-8 bytes of its JSON payload. bench/setdata-probe.ts',
    'fires live-pusher `statechange` notifications on the rendered `<live-pusher>`: a **join** is 1031 + 1033 (video on)',
    '+ 1034 (audio on), as WeChat announces a member; a **video toggle** is one 1033 `hasvideo: 0` for a member in the',
    'middle of the room; a **leave** is 1032 for that member. Room size counts people, self included.',
    'The custom page is the big-room pattern of uni_modules/webrtc-room/docs/layouts.md: `:seats="50"` and one component',
    'of the app\'s own per seat (tests/fixtures/mp-app/components/fixture-seat.vue, which reads `hasVideo` for a cover).',
    `Flat in room size = not proportional to it: from a room of ${flatFrom(sizes)} to a room of ${sizes[sizes.length - 1]} the same change costs at most`,
    '1.5× or 256 B more (a proportional cost would triple; a one-off step, like the first tile that has to move, is not growth).',
  ]
  for (const change of CHANGES) {
    const ref = reference.find((r) => r.change === change && r.roomSize === largest)
    if (!ref) continue
    figures.push({
      name: `setdata.trtc-wx-sdk-readme.${change.replace(' ', '-')}.room-of-${largest}`,
      value: ref.bytes,
      unit: 'B',
      isReference: true,
      note: `${ref.calls} setData calls of the whole playerList`,
    })
  }
  method.push(
    '',
    'Reference: a page written as trtc-wx-sdk\'s README says (bench/setdata-reference.ts): on REMOTE_VIDEO_ADD /',
    'REMOTE_AUDIO_ADD (and their REMOVE) it calls `setPlayerAttributes(player.id, …)` and `setData({playerList})`',
    'with the whole list that returns; on REMOTE_USER_LEAVE it sets the event\'s `playerList`. Same rooms, same changes;',
    'its bytes are the JSON of each setData payload (a mini-program sends every value it is given).',
  )
  figures.push(...volumeFigures(volume, sizes))
  method.push(...VOLUME_METHOD)
  return { rows, volume, reference, series, figures, method, notes: [] }
}

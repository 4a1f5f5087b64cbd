/**
 * `npm run bench` (full: prints every figure, rewrites docs/benchmarks.md and docs/benchmarks-setdata.svg)
 * and `npm run bench:quick` (CI: same code on small inputs, prints, writes nothing).
 * Flags: --quick, --only=bundle,setdata,events (events includes the 1032 leave rows), --no-h5 (skip the H5 build), --render (rewrite the docs
 * from the last full run's results in dist/bench/last-run.json, without measuring again).
 * Prints one line per figure: `name: value unit (ratio vs reference)`. No time thresholds anywhere.
 * The bundle section also asserts the size budgets (bench/budgets.ts): over budget, the run exits 1.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './bench-apps'
import { evaluateBudgets, measureBudgetInputs } from './budgets'
import { runBundle } from './bundle'
import { lineChartSVG } from './chart'
import { FULL_EVENT_COST, QUICK_EVENT_COST, runEventCost } from './event-cost'
import { FULL_LEAVE_SIZES, QUICK_LEAVE_SIZES, runLeaveCost } from './leave-cost'
import { formatFigure, type Figure } from './format'
import { renderMarkdown, type BenchRun } from './report'
import { runSetData, SETDATA_GOAL_BYTES } from './setdata'

type Section = 'bundle' | 'setdata' | 'events'
const SECTIONS: Section[] = ['bundle', 'setdata', 'events']

function parseArgs(argv: string[]) {
  const quick = argv.includes('--quick')
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',') ?? SECTIONS
  const unknown = only.filter((s) => !SECTIONS.includes(s as Section))
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; use ${SECTIONS.join(', ')}`)
  return { quick, only: only as Section[], h5: !argv.includes('--no-h5'), write: !quick && !argv.includes('--no-write') && only.length === SECTIONS.length }
}

function print(title: string, figures: Figure[]): void {
  console.log(`\n## ${title}`)
  for (const figure of figures) console.log(formatFigure(figure))
}

const LAST_RUN = join(ROOT, 'dist/bench/last-run.json')

/** The trtc-wx-sdk README page is off the chart's scale: say where it is. */
function referenceFootnote(setData: NonNullable<BenchRun['setData']>): string | undefined {
  const joins = (setData.reference ?? []).filter((r) => r.change === 'join')
  if (joins.length < 2) return undefined
  const first = joins[0]
  const last = joins[joins.length - 1]
  return `off scale — trtc-wx-sdk README page, one join: ${first.bytes} B (room of ${first.roomSize}) → ${last.bytes} B (room of ${last.roomSize})`
}

function writeDocs(run: BenchRun): void {
  const docs = join(ROOT, 'docs')
  mkdirSync(docs, { recursive: true })
  const chart = 'benchmarks-setdata.svg'
  if (run.setData) {
    writeFileSync(
      join(docs, chart),
      lineChartSVG({
        title: 'setData bytes per member change (compiled <webrtc-room>)',
        xLabel: 'people in the room (self included)',
        yLabel: 'bytes sent by setData',
        series: run.setData.series,
        height: 420,
        goal: { y: SETDATA_GOAL_BYTES, label: 'goal ≤ 2 KB' },
        footnote: referenceFootnote(run.setData),
      }),
    )
  }
  writeFileSync(join(docs, 'benchmarks.md'), renderMarkdown(run, chart))
  console.log(`\nwrote docs/benchmarks.md${run.setData ? ` and docs/${chart}` : ''}`)
}

async function main(): Promise<void> {
  if (process.argv.includes('--render')) {
    if (!existsSync(LAST_RUN)) throw new Error('no dist/bench/last-run.json: run `npm run bench` first')
    const last = JSON.parse(readFileSync(LAST_RUN, 'utf8')) as BenchRun
    writeDocs({ ...last, startedAt: new Date(last.startedAt) })
    return
  }
  const args = parseArgs(process.argv.slice(2))
  const run: BenchRun = {
    startedAt: new Date(),
    quick: args.quick,
    command: args.quick ? 'npm run bench:quick' : 'npm run bench',
    bundle: null,
    setData: null,
    eventCost: null,
  }
  if (args.only.includes('bundle')) {
    run.bundle = await runBundle({ h5: args.h5 })
    print('bundle (mp-weixin / h5, bytes)', run.bundle.figures)
    for (const note of run.bundle.notes) console.log(`  note: ${note}`)
    // Asserted: over budget = a non-zero exit (CI runs bench:quick), after everything is printed.
    const checks = evaluateBudgets(await measureBudgetInputs())
    console.log('\n## size budgets (mp-weixin, asserted)')
    for (const check of checks) console.log(`${check.ok ? 'ok  ' : 'OVER'} ${check.name}: ${check.detail}`)
    const over = checks.filter((c) => !c.ok)
    if (over.length) {
      console.error(`\n${over.length} size budget(s) exceeded: ${over.map((c) => c.name).join(', ')} (bench/budgets.ts)`)
      process.exitCode = 1
    }
  }
  if (args.only.includes('setdata')) {
    run.setData = runSetData({ quick: args.quick })
    print('setData per change (compiled component under miniprogram-simulate)', run.setData.figures)
    for (const note of run.setData.notes) console.log(`  note: ${note}`)
  }
  if (args.only.includes('events')) {
    run.eventCost = await runEventCost(args.quick ? QUICK_EVENT_COST : FULL_EVENT_COST)
    // One big 1032 through the controller (1k users in CI, 1k and 10k in the full run).
    run.eventCost.figures.push(...(await runLeaveCost(args.quick ? QUICK_LEAVE_SIZES : FULL_LEAVE_SIZES)).figures)
    print('event cost (member notifications)', run.eventCost.figures)
    for (const c of run.eventCost.edgeCases) {
      const result = c.differences.length ? c.differences.join('; ') : 'same result'
      console.log(`  edge case "${c.name}": ${result}${c.stale ? ' — VERDICT OUT OF DATE' : ''}`)
    }
  }
  if (args.write) {
    mkdirSync(join(ROOT, 'dist/bench'), { recursive: true })
    writeFileSync(LAST_RUN, JSON.stringify(run))
    writeDocs(run)
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

/**
 * Deterministic size budgets of the mp-weixin build (issue #10 item 5: no time thresholds, sizes
 * only). The same measurement as `npm run bench` (bench/bundle.ts) on the same minimal apps.
 *
 * The GOAL is ≤ 15 KB of plugin code; docs/benchmarks.md reports where we stand against it.
 * The budgets here are regression ceilings over today's size, so a change that balloons the plugin
 * (or drags IM / the H5 engine into a build that does not use them) fails loudly.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { imEntryAvailable } from '../../bench/bench-apps'
import { buildVariant } from '../../bench/build-app'
import { measurePluginBytes, vendorBytes } from '../../bench/bundle'

const KB = 1024
/** Plugin JS + WXML + WXSS, IM off (issue #13 goal: ≤ 64 KB; measured 83.9 KB when this budget was set). */
const PLUGIN_IM_OFF_BUDGET = 96 * KB
/** The IM entry and its store on top (measured 104.3 KB). */
const PLUGIN_IM_ON_BUDGET = 120 * KB
/** Third-party bytes the room adds to common/vendor.js without IM (pinia; measured ~4 KB). */
const VENDOR_ADDED_IM_OFF_BUDGET = 16 * KB

/** Strings only tim-wx-sdk / trtc-sdk-v5 contain: their presence means the SDK was bundled. */
const TIM_MARKERS = ['webim.tim.qq.com', 'TIMTextElem']
const TRTC_WEB_MARKERS = ['https://trtc.io', 'TRTC.create']

function allCode(outDir: string, files: string[]): string {
  return files.map((f) => readFileSync(join(outDir, f), 'utf8')).join('\n')
}

describe('mp-weixin size budgets', () => {
  let base = ''
  let room = ''
  beforeAll(async () => {
    base = await buildVariant('base', 'mp-weixin')
    room = await buildVariant('room', 'mp-weixin')
  })

  it('keeps the plugin (IM off) under its ceiling', () => {
    const bytes = measurePluginBytes(room)
    expect(bytes.files.length).toBeGreaterThan(0)
    expect(bytes.total).toBeLessThanOrEqual(PLUGIN_IM_OFF_BUDGET)
  })

  it('adds little third-party code and no IM or browser SDK without IM', () => {
    expect(vendorBytes(room) - vendorBytes(base)).toBeLessThanOrEqual(VENDOR_ADDED_IM_OFF_BUDGET)
    const plugin = measurePluginBytes(room).files.map((f) => f.path)
    const code = allCode(room, ['common/vendor.js', ...plugin.filter((p) => p.endsWith('.js'))])
    for (const marker of [...TIM_MARKERS, ...TRTC_WEB_MARKERS]) expect(code, marker).not.toContain(marker)
    expect(plugin.some((p) => p.includes('/im/') || p.includes('/engines/h5/'))).toBe(false)
  })

  it.runIf(imEntryAvailable())('with the IM entry: tim-wx-sdk is in and the plugin stays under its ceiling', async () => {
    const roomIM = await buildVariant('room-im', 'mp-weixin')
    const bytes = measurePluginBytes(roomIM)
    expect(bytes.total).toBeLessThanOrEqual(PLUGIN_IM_ON_BUDGET)
    expect(bytes.total).toBeGreaterThan(measurePluginBytes(room).total)
    const vendor = readFileSync(join(roomIM, 'common/vendor.js'), 'utf8')
    expect(TIM_MARKERS.some((m) => vendor.includes(m))).toBe(true)
  }, 180_000)
})

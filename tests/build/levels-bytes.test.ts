/**
 * The levels are opt-in, checked on the real mp-weixin builds of the bench apps (bench/bench-apps.ts):
 * `room` (one `<webrtc-room template="grid">`, IM off, no entry) ships no levels-only module and none of
 * their code; `room-levels` (the same app, main.ts imports '@/uni_modules/webrtc-room/levels') ships
 * them. The bytes the entry adds are printed, not asserted (`npm run bench` reports them).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { buildVariant } from '../../bench/build-app'
import { measurePluginBytes } from '../../bench/bundle'
import { scanEntry } from '../helpers/dist-files'

/** Modules only the levels entry brings (under uni_modules/webrtc-room/). */
const LEVEL_MODULES = ['levels/index.js', 'core/reduce-levels.js', 'engines/mp-weixin/native-levels.js']
/** Strings only the levels code contains: its event, the speaking bookkeeping, the netstatus field it rates, its seam's installer. */
const LEVEL_MARKERS = ['active_speaker', 'quietSince', 'netJitter', 'installLevels']

const scan = (dist: string) => scanEntry(dist, LEVEL_MODULES, LEVEL_MARKERS)

describe('levels cost nothing unless the app imports the levels entry (mp-weixin build output)', () => {
  let without: string
  let withEntry: string

  beforeAll(async () => {
    without = await buildVariant('room', 'mp-weixin')
    withEntry = await buildVariant('room-levels', 'mp-weixin')
    const a = measurePluginBytes(without).total
    const b = measurePluginBytes(withEntry).total
    console.log(`[levels-bytes] plugin IM off ${a} B; with the levels entry ${b} B (+${b - a} B)`)
  }, 300_000)

  it('the IM-off app without the entry contains no levels module and no levels code', () => {
    expect(scan(without)).toEqual({ modules: [], hits: [] })
  })

  it('the same app with the entry contains them', () => {
    const { modules, hits } = scan(withEntry)
    expect(modules).toEqual(LEVEL_MODULES)
    for (const marker of LEVEL_MARKERS) expect(hits.some((h) => h.endsWith(`: ${marker}`)), marker).toBe(true)
  })
})

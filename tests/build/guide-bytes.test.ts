/**
 * The permission guide is opt-in, checked on the real mp-weixin builds of the bench apps (bench/bench-apps.ts):
 * `room` (one `<webrtc-room template="grid">`, IM off, no entry) ships no guide module and none of its code;
 * `room-guide` (the same app, main.ts imports '@/uni_modules/webrtc-room/permission-guide') ships them.
 * The bytes the entry adds are printed, not asserted.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { buildVariant } from '../../bench/build-app'
import { measurePluginBytes } from '../../bench/bundle'
import { jsFiles } from '../helpers/dist-files'

/** Modules only the guide entry brings (under uni_modules/webrtc-room/). */
const GUIDE_MODULES = ['permission-guide/index.js']
/** Strings only the guide contains: its modal's texts (zh and en) and options, its outcome. */
const GUIDE_MARKERS = ['需要授权', 'Permission needed', 'cancelText', 'still_denied']

function scan(dist: string): { modules: string[]; hits: string[] } {
  const plugin = join(dist, 'uni_modules/webrtc-room')
  const hits: string[] = []
  for (const file of jsFiles(dist)) {
    const text = readFileSync(file, 'utf8')
    for (const marker of GUIDE_MARKERS) if (text.includes(marker)) hits.push(`${relative(dist, file)}: ${marker}`)
  }
  return { modules: GUIDE_MODULES.filter((m) => existsSync(join(plugin, m))), hits }
}

describe('the permission guide costs nothing unless the app imports its entry (mp-weixin build output)', () => {
  let without: string
  let withEntry: string

  beforeAll(async () => {
    without = await buildVariant('room', 'mp-weixin')
    withEntry = await buildVariant('room-guide', 'mp-weixin')
    const a = measurePluginBytes(without).total
    const b = measurePluginBytes(withEntry).total
    console.log(`[guide-bytes] plugin IM off ${a} B; with the permission-guide entry ${b} B (+${b - a} B)`)
  }, 300_000)

  it('the IM-off app without the entry contains no guide module and no guide code', () => {
    expect(scan(without)).toEqual({ modules: [], hits: [] })
  })

  it('the same app with the entry contains them', () => {
    const { modules, hits } = scan(withEntry)
    expect(modules).toEqual(GUIDE_MODULES)
    for (const marker of GUIDE_MARKERS) expect(hits.some((h) => h.endsWith(`: ${marker}`)), marker).toBe(true)
  })
})

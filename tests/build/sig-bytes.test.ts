/**
 * The userSig refresh is opt-in, checked on the real mp-weixin builds of the bench apps
 * (bench/bench-apps.ts): `room` (one `<webrtc-room template="grid">`, IM off, no entry) and `headless`
 * ship no refresh module and none of its code; `room-sig` (the same app, main.ts imports
 * '@/uni_modules/webrtc-room/sig-refresh') ships it. The bytes the entry adds are printed, not asserted.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { buildVariant } from '../../bench/build-app'
import { measurePluginBytes } from '../../bench/bundle'
import { jsFiles } from '../helpers/dist-files'

/** Modules only the entry brings (under uni_modules/webrtc-room/). */
const SIG_MODULES = ['sig-refresh/index.js', 'core/sig-refresh.js']
/** Strings only the refresh code contains: its failure texts, its reconnecting reason, the seam's installer. */
const SIG_MARKERS = ['sign a new userSig', 'answered no userSig', 'reason:"usersig"', 'installSigRefresh']

/** The refresh modules with code in them (a module's empty shell, left by an unused import, has none) and the markers found. */
function scan(dist: string): { modules: string[]; hits: string[] } {
  const plugin = join(dist, 'uni_modules/webrtc-room')
  const hits: string[] = []
  const modules: string[] = []
  for (const file of jsFiles(dist)) {
    const text = readFileSync(file, 'utf8')
    const name = relative(plugin, file)
    if (SIG_MODULES.includes(name) && text.replace(/"use strict";/, '').trim() !== '') modules.push(name)
    for (const marker of SIG_MARKERS) if (text.includes(marker)) hits.push(`${relative(dist, file)}: ${marker}`)
  }
  return { modules: modules.sort(), hits }
}

describe('the userSig refresh costs nothing unless the app imports the sig-refresh entry (mp-weixin build output)', () => {
  let room: string
  let headless: string
  let withEntry: string

  beforeAll(async () => {
    room = await buildVariant('room', 'mp-weixin')
    headless = await buildVariant('headless', 'mp-weixin')
    withEntry = await buildVariant('room-sig', 'mp-weixin')
    const a = measurePluginBytes(room).total
    const b = measurePluginBytes(withEntry).total
    console.log(`[sig-bytes] plugin IM off ${a} B; with the sig-refresh entry ${b} B (+${b - a} B)`)
  }, 300_000)

  it('the IM-off app and the headless app without the entry contain no refresh module and no refresh code', () => {
    expect(scan(room)).toEqual({ modules: [], hits: [] })
    expect(scan(headless)).toEqual({ modules: [], hits: [] })
  })

  it('the same app with the entry contains them', () => {
    const { modules, hits } = scan(withEntry)
    expect(modules).toEqual([...SIG_MODULES].sort())
    for (const marker of SIG_MARKERS) expect(hits.some((h) => h.endsWith(`: ${marker}`)), marker).toBe(true)
  })
})

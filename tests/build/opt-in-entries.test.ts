/**
 * Each opt-in entry (levels, live, sig-refresh, member-media, permission-guide, …) costs nothing unless the app imports it, checked on
 * the two compiled fixture apps the mp-weixin tests build anyway (no build of its own: `npm test` stays
 * within its time budget):
 * - tests/fixtures/mp-app-im imports only the IM entry: none of these entries' modules or code;
 * - tests/fixtures/mp-app imports them all (its main.ts): their modules and code are there.
 * The bytes each entry adds are `npm run bench`'s figures (bench/bundle.ts), not asserted here.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildFixture } from '../helpers/build-fixture'
import { jsFiles } from '../helpers/dist-files'

const PLUGIN = 'uni_modules/webrtc-room'

interface Entry {
  /**
   * Modules only the entry brings (under uni_modules/webrtc-room/), each with code in it when present.
   * Its share of the shared runtime (core, the mp-weixin engine: one module, lib/runtime.js) is there
   * only when imported too: the markers below find it, the app's tree-shaking drops it otherwise.
   */
  modules: string[]
  /** Strings only the entry's code contains. */
  markers: string[]
  /** Strings the entry holds only once the app calls what carries them (tree-shaken otherwise). */
  absentUnlessCalled?: string[]
}

const ENTRIES: Record<string, Entry> = {
  // Its event, the speaking bookkeeping, the netstatus field it rates, its seam's installer.
  levels: { modules: ['levels/index.js'], markers: ['active_speaker', 'quietSince', 'netJitter', 'installLevels'] },
  // Role switch, anchor limit, role checks, the -906xx summary; co-hosting only once createCoHost is called.
  live: {
    modules: ['live/index.js', 'live/scene.js'],
    markers: ['anchors already publish', "needs scene 'live'", 'stepped down', '主播已满'],
    absentUnlessCalled: ['webrtc-room.cohost', 'businessID'],
  },
  // Its failure texts, its reconnecting reason, the seam's installer (core/sig-refresh.js itself also
  // holds sigReason, which the IM entry reads: not a marker).
  'sig-refresh': { modules: ['sig-refresh/index.js'], markers: ['sign a new userSig', 'answered no userSig', 'reason:"usersig"', 'installSigRefresh'] },
  // The stream choice it checks, its playback settler, its seam's installer (the controller keeps the
  // one line that hands a `member_media` effect to the engine: not a marker).
  'member-media': { modules: ['member-media/index.js'], markers: ["'auto', 'big' or 'small'", 'settlePlayback', 'installMemberMedia'] },
  // The settings modal's texts (zh and en) and options, its outcome.
  'permission-guide': { modules: ['permission-guide/index.js'], markers: ['需要授权', 'Permission needed', 'cancelText', 'still_denied'] },
}

interface Scan {
  modules: string[]
  /** marker → plugin files holding it */
  hits: Record<string, string[]>
}

function scan(dist: string, entry: Entry): Scan {
  const plugin = join(dist, PLUGIN)
  const hits: Record<string, string[]> = {}
  const markers = [...entry.markers, ...(entry.absentUnlessCalled ?? [])]
  for (const file of jsFiles(plugin)) {
    const text = readFileSync(file, 'utf8')
    for (const marker of markers) if (text.includes(marker)) (hits[marker] ??= []).push(relative(plugin, file))
  }
  // A module's empty shell, left by an unused import, has no code.
  const modules = entry.modules.filter((m) => existsSync(join(plugin, m)) && readFileSync(join(plugin, m), 'utf8').replace('"use strict";', '').trim() !== '')
  return { modules, hits }
}

describe('opt-in entries cost nothing unless imported (mp-weixin build output)', () => {
  let without: string
  let withAll: string

  beforeAll(() => {
    without = buildFixture('mp-app-im')
    withAll = buildFixture('mp-app')
  }, 600_000)

  it.each(Object.keys(ENTRIES))('%s: an app without the entry holds none of its modules or code', (name) => {
    expect(scan(without, ENTRIES[name])).toEqual({ modules: [], hits: {} })
  })

  it.each(Object.keys(ENTRIES))('%s: an app importing the entry holds them', (name) => {
    const entry = ENTRIES[name]
    const { modules, hits } = scan(withAll, entry)
    expect(modules).toEqual(entry.modules)
    for (const marker of entry.markers) expect(hits[marker], marker).toBeDefined()
    for (const marker of entry.absentUnlessCalled ?? []) expect(hits[marker], marker).toBeUndefined()
  })

  it('the fixture imports every entry listed here', () => {
    const main = readFileSync(join(__dirname, '../fixtures/mp-app/main.ts'), 'utf8')
    for (const name of Object.keys(ENTRIES)) expect(main, name).toContain(`'@/uni_modules/webrtc-room/${name}'`)
  })
})

/**
 * The live scene costs nothing unless the app imports its entry, checked on real mp-weixin builds:
 * - the bench `room` app (IM off, `<webrtc-room template="grid">`, no live entry) — the build the
 *   size figures measure — holds no live-only text and no `live/` module;
 * - tests/fixtures/mp-app-im (IM entry, no live entry) holds none either: co-hosting is the live
 *   entry's, so IM-only apps ship none of it;
 * - tests/fixtures/mp-app (main.ts imports the live entry, pages/live) holds the live scene; it never
 *   calls createCoHost, so the co-host module is left out of it too. Sizes are printed, not asserted.
 */
import { readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildVariant } from '../../bench/build-app'
import { buildFixture } from '../helpers/build-fixture'
import { jsFiles } from '../helpers/dist-files'

const PLUGIN = 'uni_modules/webrtc-room'
/** Text only the live scene's code carries (role switch, anchor limit, role checks, the -906xx summary). */
const SCENE_MARKERS = ['anchors already publish', 'co-hosting needs', "needs scene 'live'", 'stepped down', '主播已满']
/** Text only the co-host signalling carries. */
const COHOST_MARKERS = ['webrtc-room.cohost', 'businessID']

interface Scan {
  /** marker → plugin files (relative) that contain it */
  hits: Record<string, string[]>
  /** the plugin's files under live/ and their bytes */
  liveFiles: Record<string, number>
}

function scan(dist: string): Scan {
  const hits: Record<string, string[]> = {}
  const liveFiles: Record<string, number> = {}
  for (const file of jsFiles(join(dist, PLUGIN))) {
    const path = relative(join(dist, PLUGIN), file)
    const text = readFileSync(file, 'utf8')
    if (path.startsWith('live/')) liveFiles[path] = statSync(file).size
    for (const marker of [...SCENE_MARKERS, ...COHOST_MARKERS]) if (text.includes(marker)) (hits[marker] ??= []).push(path)
  }
  return { hits, liveFiles }
}

describe('the live scene costs nothing without its entry (mp-weixin build output)', () => {
  let room: Scan
  let imOnly: Scan
  let withEntry: Scan

  beforeAll(async () => {
    room = scan(await buildVariant('room', 'mp-weixin'))
    imOnly = scan(buildFixture('mp-app-im'))
    withEntry = scan(buildFixture('mp-app'))
    const entryBytes = Object.values(withEntry.liveFiles).reduce((a, b) => a + b, 0)
    console.log(`live entry in tests/fixtures/mp-app: ${entryBytes} B (${Object.entries(withEntry.liveFiles).map(([f, b]) => `${f} ${b}`).join(', ')})`)
  }, 600_000)

  it('the IM-off room build holds no live-only text and no live module', () => {
    expect(room.hits).toEqual({})
    expect(room.liveFiles).toEqual({})
  })

  it('an IM-only app holds no live-only text and no co-host signalling', () => {
    expect(imOnly.hits).toEqual({})
    expect(imOnly.liveFiles).toEqual({})
  })

  it('an app importing the entry holds the live scene (and, not calling createCoHost, no co-host module)', () => {
    for (const marker of SCENE_MARKERS) expect(withEntry.hits[marker], marker).toBeDefined()
    expect(Object.keys(withEntry.liveFiles)).toEqual(expect.arrayContaining(['live/index.js', 'live/scene.js']))
    for (const marker of COHOST_MARKERS) expect(withEntry.hits[marker], marker).toBeUndefined()
  })
})

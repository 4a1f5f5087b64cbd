/**
 * The permission guide is opt-in, checked on the real mp-weixin builds of the bench apps (bench/bench-apps.ts):
 * `room` (one `<webrtc-room template="grid">`, IM off, no entry) and `headless` ship no guide module and
 * none of its code; `room-guide` (the same app, main.ts imports '@/uni_modules/webrtc-room/permission-guide')
 * ships them. The bytes the entry adds are printed, not asserted.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { entryBuilds, missingMarkers, scanEntry } from '../helpers/entry-scan'

/** Modules only the guide entry brings (under uni_modules/webrtc-room/). */
const GUIDE_MODULES = ['permission-guide/index.js']
/** Strings only the guide contains: its modal's texts (zh and en) and options, its outcome. */
const GUIDE_MARKERS = ['需要授权', 'Permission needed', 'cancelText', 'still_denied']

describe('the permission guide costs nothing unless the app imports its entry (mp-weixin build output)', () => {
  let room: string
  let headless: string
  let withEntry: string

  beforeAll(async () => {
    ;({ room, headless, withEntry } = await entryBuilds('room-guide', 'permission-guide'))
  }, 300_000)

  it('the IM-off app and the headless app without the entry contain no guide module and no guide code', () => {
    expect(scanEntry(room, GUIDE_MODULES, GUIDE_MARKERS)).toEqual({ modules: [], hits: [] })
    expect(scanEntry(headless, GUIDE_MODULES, GUIDE_MARKERS)).toEqual({ modules: [], hits: [] })
  })

  it('the same app with the entry contains them', () => {
    const scan = scanEntry(withEntry, GUIDE_MODULES, GUIDE_MARKERS)
    expect(scan.modules).toEqual(GUIDE_MODULES)
    expect(missingMarkers(scan, GUIDE_MARKERS)).toEqual([])
  })
})

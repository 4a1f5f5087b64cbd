/**
 * The userSig refresh is opt-in, checked on the real mp-weixin builds of the bench apps
 * (bench/bench-apps.ts): `room` (one `<webrtc-room template="grid">`, IM off, no entry) and `headless`
 * ship no refresh module and none of its code; `room-sig` (the same app, main.ts imports
 * '@/uni_modules/webrtc-room/sig-refresh') ships it. The bytes the entry adds are printed, not asserted.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { entryBuilds, missingMarkers, scanEntry } from '../helpers/entry-scan'

/** Modules only the entry brings (under uni_modules/webrtc-room/). */
const SIG_MODULES = ['sig-refresh/index.js', 'core/sig-refresh.js']
/** Strings only the refresh code contains: its failure texts, its reconnecting reason, the seam's installer. */
const SIG_MARKERS = ['sign a new userSig', 'answered no userSig', 'reason:"usersig"', 'installSigRefresh']

describe('the userSig refresh costs nothing unless the app imports the sig-refresh entry (mp-weixin build output)', () => {
  let room: string
  let headless: string
  let withEntry: string

  beforeAll(async () => {
    ;({ room, headless, withEntry } = await entryBuilds('room-sig', 'sig-refresh'))
  }, 300_000)

  it('the IM-off app and the headless app without the entry contain no refresh module and no refresh code', () => {
    expect(scanEntry(room, SIG_MODULES, SIG_MARKERS)).toEqual({ modules: [], hits: [] })
    expect(scanEntry(headless, SIG_MODULES, SIG_MARKERS)).toEqual({ modules: [], hits: [] })
  })

  it('the same app with the entry contains them', () => {
    const scan = scanEntry(withEntry, SIG_MODULES, SIG_MARKERS)
    expect(scan.modules).toEqual([...SIG_MODULES].sort())
    expect(missingMarkers(scan, SIG_MARKERS)).toEqual([])
  })
})

/**
 * The per-member media choices are opt-in, checked on the real mp-weixin builds of the bench apps
 * (bench/bench-apps.ts): `room` (one `<webrtc-room template="grid">`, IM off, no entry) ships no
 * member-media module and none of its code; `room-member` (the same app, main.ts imports
 * '@/uni_modules/webrtc-room/member-media') ships them. The bytes the entry adds are printed, not asserted.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { buildVariant } from '../../bench/build-app'
import { measurePluginBytes } from '../../bench/bundle'
import { scanEntry } from '../helpers/dist-files'

/** Modules only the member-media entry brings (under uni_modules/webrtc-room/). */
const MEMBER_MODULES = ['member-media/index.js', 'core/reduce-playback.js']
/**
 * Strings only the member-media code contains: the stream choice it checks, its playback settler, its
 * seam's installer. (The controller keeps the one line that hands a `member_media` effect to the engine.)
 */
const MEMBER_MARKERS = ["'auto', 'big' or 'small'", 'settlePlayback', 'installMemberMedia']

const scan = (dist: string) => scanEntry(dist, MEMBER_MODULES, MEMBER_MARKERS)

describe('member media costs nothing unless the app imports the member-media entry (mp-weixin build output)', () => {
  let without: string
  let withEntry: string

  beforeAll(async () => {
    without = await buildVariant('room', 'mp-weixin')
    withEntry = await buildVariant('room-member', 'mp-weixin')
    const a = measurePluginBytes(without).total
    const b = measurePluginBytes(withEntry).total
    console.log(`[member-media-bytes] plugin IM off ${a} B; with the member-media entry ${b} B (+${b - a} B)`)
  }, 300_000)

  it('the IM-off app without the entry contains no member-media module and no member-media code', () => {
    expect(scan(without)).toEqual({ modules: [], hits: [] })
  })

  it('the same app with the entry contains them', () => {
    const { modules, hits } = scan(withEntry)
    expect(modules).toEqual(MEMBER_MODULES)
    for (const marker of MEMBER_MARKERS) expect(hits.some((h) => h.endsWith(`: ${marker}`)), marker).toBe(true)
  })
})

/**
 * The opt-in rule, checked on the real mp-weixin builds of the bench apps (bench/bench-apps.ts): `room`
 * (one `<webrtc-room template="grid">`, IM off, no entry) and `headless` ship none of an entry's modules
 * and code; the same app with the entry imported in main.ts ships them. The bytes it adds are printed.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { AppVariant } from '../../bench/bench-apps'
import { buildVariant } from '../../bench/build-app'
import { measurePluginBytes } from '../../bench/bundle'
import { scanEntry } from './dist-files'

export interface OptIn {
  /** What the entry brings, for the test titles and the printed figure. */
  what: string
  variant: AppVariant
  /** Modules only the entry brings (under uni_modules/webrtc-room/). */
  modules: string[]
  /** Strings only the entry's code contains. */
  markers: string[]
  /** More checks on the `room` and `headless` builds without the entry. */
  without?: (dist: string) => void
}

export function describeOptIn({ what, variant, modules, markers, without }: OptIn): void {
  describe(`${what} costs nothing unless the app imports its entry (mp-weixin build output)`, () => {
    let room: string
    let headless: string
    let withEntry: string

    beforeAll(async () => {
      room = await buildVariant('room', 'mp-weixin')
      headless = await buildVariant('headless', 'mp-weixin')
      withEntry = await buildVariant(variant, 'mp-weixin')
      const a = measurePluginBytes(room).total
      const b = measurePluginBytes(withEntry).total
      console.log(`[${variant}] plugin IM off ${a} B; with the entry (${what}) ${b} B (+${b - a} B)`)
    }, 300_000)

    it('the IM-off app and the headless app without the entry contain none of its modules and code', () => {
      for (const dist of [room, headless]) {
        expect(scanEntry(dist, modules, markers)).toEqual({ modules: [], hits: [] })
        without?.(dist)
      }
    })

    it('the same app with the entry contains them', () => {
      const { modules: found, hits } = scanEntry(withEntry, modules, markers)
      expect(found).toEqual([...modules].sort())
      for (const marker of markers) expect(hits.some((h) => h.endsWith(`: ${marker}`)), marker).toBe(true)
    })
  })
}

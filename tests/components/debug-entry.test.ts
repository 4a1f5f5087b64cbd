// @vitest-environment jsdom
/**
 * The debug overlay is the opt-in `debug` entry. Without it `debug` keeps the native debug panels and
 * says at once, in one `warning` naming the import, that the overlay is not there (never a silent
 * no-op); importing the entry (as main.ts would) draws the overlay. This file must not import the
 * entry statically: vitest isolates modules per file.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { enter, installUni, mountRoom, type MountedRoom } from './room-harness'

let mounted: MountedRoom | null = null
afterEach(() => {
  mounted?.wrapper.unmount()
  mounted = null
})

describe('debug overlay entry', () => {
  it('not imported: debug warns once naming the import, native debug stays on, no overlay', async () => {
    installUni()
    const r = (mounted = mountRoom({ debug: true, template: 'grid' }))
    await flushPromises()
    const warnings = r.events.filter((e) => e.tag === 'warning')
    expect(warnings).toEqual([expect.objectContaining({ code: -90001, detail: expect.objectContaining({ prop: 'debug' }) })])
    expect((warnings[0].detail as { message: string }).message).toContain("import '@/uni_modules/webrtc-room/debug'")
    expect(r.pusherAttr('debug')).toBe('true')
    expect(r.wrapper.find('.wr-debug').exists()).toBe(false)
    await enter(r)
    expect(r.events.filter((e) => e.tag === 'warning')).toHaveLength(1)
  })

  it('without debug: no warning', async () => {
    installUni()
    const r = (mounted = mountRoom({ template: 'grid' }))
    await flushPromises()
    expect(r.events.filter((e) => e.tag === 'warning')).toEqual([])
  })

  it('imported: the overlay shows and nothing warns', async () => {
    await import('../../uni_modules/webrtc-room/debug')
    installUni()
    const r = (mounted = mountRoom({ debug: true, template: 'grid' }))
    await enter(r)
    expect(r.events.filter((e) => e.tag === 'warning')).toEqual([])
    expect(r.wrapper.find('.wr-debug').text()).toContain('in_room')
  })
})

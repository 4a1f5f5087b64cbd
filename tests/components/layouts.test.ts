// @vitest-environment jsdom
/**
 * The built-in layouts, the custom `layout` slot and the debug overlay as rendered by
 * @vue/test-utils (mp-weixin branch of the conditional compilation), plus their pure helpers.
 */
// The slot's speaking / quality come from the opt-in levels entry, imported as main.ts would.
import '../../uni_modules/webrtc-room/levels'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { h } from 'vue'
import WebrtcRoomPusher from '../../uni_modules/webrtc-room/components/webrtc-room-pusher/webrtc-room-pusher.vue'
import WebrtcRoomPlayer from '../../uni_modules/webrtc-room/components/webrtc-room-player/webrtc-room-player.vue'
import { gridCells, gridPageCount, tilesOf } from '../../uni_modules/webrtc-room/components/common/room-view'
// The overlay is the opt-in debug entry: installed here as an app's main.ts would.
import { debugLines } from '../../uni_modules/webrtc-room/debug'
import { changedOptions, propsToOptions } from '../../uni_modules/webrtc-room/components/webrtc-room/props'
import { localViewId, remoteViewId, idPart } from '../../uni_modules/webrtc-room/core/view-ids'
import type { MemberState, RoomState } from '../../uni_modules/webrtc-room/core/types'
import { enter, installUni, join, mountRoom, type MountedRoom } from './room-harness'

let mounted: MountedRoom | null = null
function room(props: Record<string, unknown> = {}, slots?: Record<string, unknown>) {
  mounted = mountRoom(props, slots)
  return mounted
}
afterEach(() => {
  mounted?.wrapper.unmount()
  mounted = null
})

describe('built-in layouts', () => {
  it('float: up to 3 remote windows, then "+N"; the empty state only while alone in the room', async () => {
    installUni()
    const r = room({ template: 'float', autoplay: true, lang: 'en' })
    expect(r.wrapper.find('.wr-empty').exists()).toBe(false)
    await enter(r)
    expect(r.wrapper.find('.wr-empty').text()).toBe('Waiting for others')
    for (const u of ['u1', 'u2', 'u3', 'u4', 'u5']) await join(r, u)
    expect(r.wrapper.findAll('.wr-float__remote')).toHaveLength(3)
    expect(r.wrapper.find('.wr-more').text()).toBe('+2')
    expect(r.wrapper.find('.wr-empty').exists()).toBe(false)
    expect(r.wrapper.find('.wr-float__self .wr-caption').text()).toBe('Me · alice')
  })

  it('bigsmall: the smallView* props place the local window once a member is big', async () => {
    installUni()
    const r = room({ template: 'bigsmall', smallViewLeft: '2vw', smallViewTop: '5vw', smallViewWidth: '25vw', smallViewHeight: '33vw', autoplay: true })
    await enter(r)
    expect(r.wrapper.find('.wr-tile--self').element.closest('.wr-bigsmall__big')).not.toBeNull()
    await join(r, 'bob')
    await join(r, 'carol')
    const small = r.wrapper.find('.wr-bigsmall__small')
    expect(small.attributes('style')).toContain('left: 2vw')
    expect(small.attributes('style')).toContain('top: 5vw')
    expect(small.attributes('style')).toContain('width: 25vw')
    expect(small.attributes('style')).toContain('height: 33vw')
    expect(r.wrapper.find('.wr-bigsmall__big .wr-caption').text()).toBe('bob')
    expect(r.wrapper.findAll('.wr-bigsmall__thumb')).toHaveLength(1)
    // The same pusher block moved: one live-pusher, created once.
    expect(r.wrapper.findAll('live-pusher')).toHaveLength(1)
  })

  it('grid: pages of 4 cells with empty seats; a 5th cell opens page 2', async () => {
    installUni()
    const r = room({ template: 'grid', autoplay: true })
    await enter(r)
    expect(r.wrapper.findAll('.wr-grid__page')).toHaveLength(1)
    expect(r.wrapper.findAll('.wr-grid__cell--empty')).toHaveLength(3)
    for (const u of ['u1', 'u2', 'u3']) await join(r, u)
    expect(r.wrapper.findAll('.wr-grid__cell--empty')).toHaveLength(0)
    await join(r, 'u4')
    expect(r.wrapper.findAll('.wr-grid__page')).toHaveLength(2)
    expect(r.wrapper.find('swiper').attributes('indicator-dots')).toBe('true')
    expect(r.players()).toHaveLength(4)
  })

  it('a member with video off shows the placeholder, not a frozen picture', async () => {
    installUni()
    const r = room({ autoplay: true })
    await enter(r)
    await join(r, 'bob', false)
    await r.players()[0].trigger('statechange', { detail: { code: 2004, message: '' } })
    await flushPromises()
    expect(r.wrapper.find('.wr-cover--quiet .wr-cover__avatar').text()).toBe('B')
  })

  it('status banner while entering and on error', async () => {
    installUni({ getSystemInfoSync: () => ({ platform: 'devtools' }) })
    const r = room({ lang: 'en' })
    await r.methods.start()
    await flushPromises()
    expect(r.wrapper.find('.wr-banner--error').text()).toBe('Something went wrong: the WeChat devtools simulator has no live-pusher (-90101)')
  })
})

describe('custom layout slot', () => {
  it('renders the layout slot with {room, members, self, status}; blocks inside find the room', async () => {
    const uni = installUni()
    const seen: Array<Record<string, unknown>> = []
    const r = room(
      { template: '1v3', autoplay: true },
      {
        layout: (props: { room: string; members: MemberState[]; self: { userID: string } | null; status: string }) => {
          seen.push(props)
          return h('div', { class: 'mine' }, [
            h(WebrtcRoomPusher, { room: props.room }),
            ...props.members.map((m) => h(WebrtcRoomPlayer, { room: props.room, userId: m.userID, key: m.userID })),
          ])
        },
      },
    )
    expect(r.wrapper.find('.wr-float__remotes').exists()).toBe(false)
    await enter(r)
    await join(r, 'bob')
    const last = seen.at(-1)!
    expect(last.room).toBe(r.methods.roomKey)
    expect(last.status).toBe('in_room')
    expect((last.self as { userID: string }).userID).toBe('alice')
    expect((last.members as MemberState[]).map((m) => m.userID)).toEqual(['bob'])
    expect(r.wrapper.findAll('.mine live-player')).toHaveLength(1)
    expect(r.pusherAttr('url')).toMatch(/^room:\/\//)
    expect(uni.calls.filter((c) => c.api === 'createLivePlayerContext')).toHaveLength(1)
    // The built-in banner is for built-in layouts only.
    expect(r.wrapper.find('.wr-banner').exists()).toBe(false)
  })

  it('a template with no built-in layout and no layout slot warns at once, naming the slot', async () => {
    installUni()
    const r = room({ template: '1v3' })
    await flushPromises()
    const warnings = r.events.filter((e) => e.tag === 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatchObject({ code: -90001, detail: { prop: 'template', slot: 'layout' } })
    expect((warnings[0].detail as { message: string }).message).toMatch(/1v3.*`layout` slot/)
    // Recorded like the room's own warnings (debug / help screens read the media-codes store).
    const { useMediaCodesStore } = await import('../../uni_modules/webrtc-room/stores/media-codes')
    expect(useMediaCodesStore().recent.map((c) => [c.code, c.roomKey])).toEqual([[-90001, r.methods.roomKey]])
    // Switching to a built-in layout is fine; back to an unknown one warns again.
    await r.wrapper.setProps({ template: 'grid' })
    await r.wrapper.setProps({ template: 'custom' })
    expect(r.events.filter((e) => e.tag === 'warning')).toHaveLength(2)
  })

  it('a built-in template or a provided layout slot gives no such warning', async () => {
    installUni()
    for (const [template, slots] of [['grid', undefined], ['float', undefined], ['1v3', { layout: () => h('div', 'mine') }]] as const) {
      const r = room({ template }, slots)
      await flushPromises()
      expect(r.events.filter((e) => e.tag === 'warning'), template).toEqual([])
    }
  })

  it('network stats do not re-render the slot: its members and self carry no net/volume/playURL', async () => {
    installUni()
    let renders = 0
    let lastMembers: Array<Record<string, unknown>> = []
    const r = room(
      { template: 'custom', autoplay: true },
      {
        layout: (p: { room: string; members: Array<Record<string, unknown>>; self: Record<string, unknown> | null }) => {
          renders++
          lastMembers = p.members
          expect(p.self && 'net' in p.self).toBe(false)
          // Reads hasVideo: the slot re-renders for it (and only for what it reads).
          const video = p.members.map((m) => String((m.streams as Record<string, Record<string, unknown>>).main?.hasVideo)).join()
          return h('div', { 'data-video': video }, [h(WebrtcRoomPusher, { room: p.room }), ...p.members.map((m) => h(WebrtcRoomPlayer, { room: p.room, userId: m.userID as string, key: m.userID as string }))])
        },
      },
    )
    await enter(r)
    await join(r, 'bob')
    expect(lastMembers[0]).toMatchObject({ speaking: false, quality: 0 })
    expect('volume' in lastMembers[0]).toBe(false)
    // The first stats give your quality a level (0 → 1): the slot shows that once.
    await r.firePusher('netstatus', { info: { videoBitrate: 500, netSpeed: 800 } })
    await flushPromises()
    // Every stream field but the per-second / URL ones (fields added to the state reach the slot too).
    const keys = Object.keys((lastMembers[0].streams as Record<string, Record<string, unknown>>).main)
    expect(keys).toEqual(expect.arrayContaining(['hasAudio', 'hasVideo', 'key', 'loading', 'playing', 'streamType', 'userID']))
    for (const key of ['net', 'volume', 'playURL']) expect(keys).not.toContain(key)
    const before = renders
    for (let i = 0; i < 5; i++) {
      await r.firePusher('netstatus', { info: { videoBitrate: 500 + i, netSpeed: 800 + i } })
      await r.wrapper.find('live-player').trigger('netstatus', { detail: { info: { videoBitrate: 300 + i } } })
      await flushPromises()
    }
    // The store did take the stats; the slot did not re-render for them.
    const stream = r.store.rooms[r.methods.roomKey].members.bob.streams.main!
    expect(stream.net).toMatchObject({ videoBitrate: 304 })
    expect(r.store.rooms[r.methods.roomKey].self.net).toMatchObject({ videoBitrate: 504 })
    expect(renders).toBe(before)
    // A change it reads (video off) does re-render it.
    await r.memberNotice(1033, [{ userid: 'bob', streamtype: 'main', hasvideo: 0 }])
    expect(renders).toBeGreaterThan(before)
  })

  it('a player block whose member changes re-attaches under the new stream key', async () => {
    installUni()
    const r = room(
      { template: 'custom', autoplay: true },
      {
        layout: (p: { room: string; members: MemberState[] }) =>
          h('div', [h(WebrtcRoomPusher, { room: p.room }), h(WebrtcRoomPlayer, { room: p.room, userId: p.members[0]?.userID ?? 'nobody' })]),
      },
    )
    await enter(r)
    await join(r, 'bob')
    expect(r.players()[0].attributes('src')).toContain('userid=bob')
    await r.memberNotice(1032, [{ userid: 'bob' }])
    await join(r, 'carol')
    expect(r.players()[0].attributes('src')).toContain('userid=carol')
  })
})

describe('debug overlay', () => {
  it('shows status, members and codes but never the userSig or privateMapKey', async () => {
    installUni()
    const userSig = 'eJyrVkrOz0SECRETSIGNATUREabcdefghijklmnop'
    const privateMapKey = 'eJwPRIVATEMAPKEYsecretvalue0123456789'
    const r = room({ debug: true, userSig, privateMapKey, autoplay: true })
    await enter(r)
    await join(r, 'bob')
    const overlay = r.wrapper.find('.wr-debug').text()
    expect(overlay).toContain('in_room')
    expect(overlay).toContain('bob')
    expect(overlay).toContain('members 1')
    expect(overlay).toMatch(/push_state 1034/)
    expect(overlay).toContain('room://')
    expect(overlay).not.toContain(userSig)
    expect(overlay).not.toContain(userSig.slice(8))
    expect(overlay).not.toContain(privateMapKey.slice(8))
    expect(r.pusherAttr('debug')).toBe('true')
  })

  it('the debug log (console) never prints the userSig or privateMapKey', async () => {
    installUni()
    const userSig = 'eJyrVkrOz0LOGSECRETabcdefghijklmnopqrstuv'
    const privateMapKey = 'eJwLOGPRIVATEKEYsecret0123456789abcdef'
    const lines: string[] = []
    const spies = (['log', 'debug', 'info', 'warn', 'error'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '))
      }),
    )
    try {
      const r = room({ debug: true, userSig, privateMapKey, autoplay: true })
      await enter(r)
      await join(r, 'bob')
      await r.wrapper.setProps({ userSig: userSig + 'X' })
      await flushPromises()
      await r.methods.stop()
    } finally {
      spies.forEach((s) => s.mockRestore())
    }
    const log = lines.join('\n')
    expect(lines.length).toBeGreaterThan(3)
    expect(log).not.toContain(userSig.slice(6))
    expect(log).not.toContain(privateMapKey.slice(6))
  })

  it('is absent without debug', async () => {
    installUni()
    const r = room()
    expect(r.wrapper.find('.wr-debug').exists()).toBe(false)
  })

  it('debugLines: an unknown room is one error line', () => {
    expect(debugLines(null)).toEqual([{ key: 'status', text: 'room not registered', error: true }])
    const state = { key: 'k', status: 'error', roomID: '1', self: { userID: 'a', pushURL: '', muted: true, cameraOn: false, frontCamera: true, net: null }, members: {}, memberOrder: [], events: [{ tag: 'error', code: -6, detail: {} }], lastError: null } as unknown as RoomState
    const lines = debugLines(state)
    expect(lines[0]).toMatchObject({ text: 'error · room 1', error: true })
    expect(lines[1].text).toBe('a · muted · cam off')
    expect(lines.at(-1)).toMatchObject({ text: 'error -6', error: true })
  })
})

describe('view helpers', () => {
  it('view ids follow the agreed scheme and stay valid for odd keys', () => {
    expect(localViewId('room-1')).toBe('webrtc-room-local-room-1')
    expect(remoteViewId('room-1', 'alice', 'main')).toBe('webrtc-room-remote-room-1-alice-main')
    expect(remoteViewId('room-1', 'a.b@c', 'aux')).toMatch(/^webrtc-room-remote-room-1-a_b_c_[a-z0-9]+-aux$/)
    expect(idPart('a.b')).not.toBe(idPart('a@b'))
  })

  it('grid paging: self first, 4 per page', () => {
    const tiles = tilesOf(['a', 'b', 'c', 'd', 'e'].map((userID) => ({ userID, joinedAt: 0, streams: {}, muteAudio: false, muteVideo: false, streamPref: 'auto' as const, volume: 0, speaking: false, quality: 0 })))
    expect(gridPageCount(0)).toBe(1)
    expect(gridPageCount(3)).toBe(1)
    expect(gridPageCount(4)).toBe(2)
    expect(gridCells(tiles, 0)).toEqual(['self', 'a_main', 'b_main', 'c_main'])
    expect(gridCells(tiles, 1)).toEqual(['d_main', 'e_main'])
  })

  it('a member with a screen share gets a second tile', () => {
    const withAux = { userID: 'a', joinedAt: 0, streams: { aux: {} } } as unknown as MemberState
    expect(tilesOf([withAux])).toEqual(['a_main', 'a_aux'])
  })

  it('props → options: unset props stay out, empty image props mean built-in; changes are diffed', () => {
    const options = propsToOptions({ sdkAppID: 1, userID: 'a', roomID: undefined, waitingImg: '', loadingImg: '/l.png', lang: 'en' })
    expect(options).toEqual({ sdkAppID: 1, userID: 'a', loadingImg: '/l.png' })
    expect(changedOptions({ ...options, muted: true }, options)).toEqual({ muted: true })
    expect(changedOptions({ ...options, reconnect: { maxAttempts: 2 } }, { ...options, reconnect: { maxAttempts: 2 } })).toEqual({})
  })

  it('display props (lang, loadingImg, userName) reach the tiles live', async () => {
    installUni()
    const r = room({ lang: 'en', loadingImg: '/x.png', userName: 'Al', template: 'grid' })
    await enter(r)
    await join(r, 'bob')
    expect(r.wrapper.find('cover-image.wr-cover__image').attributes('src')).toBe('/x.png')
    expect(r.wrapper.find('.wr-cover__text').text()).toBe('Loading')
    expect(r.wrapper.find('.wr-tile--self .wr-caption').text()).toBe('Me · Al')
    await r.wrapper.setProps({ lang: 'zh', loadingImg: '/y.png', userName: 'Bo' })
    expect(r.wrapper.find('cover-image.wr-cover__image').attributes('src')).toBe('/y.png')
    expect(r.wrapper.find('.wr-cover__text').text()).toBe('加载中')
    expect(r.wrapper.find('.wr-tile--self .wr-caption').text()).toBe('我 · Bo')
  })
})

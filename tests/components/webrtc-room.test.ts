// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import WebrtcRoomPlayer from '../../uni_modules/webrtc-room/components/webrtc-room-player/webrtc-room-player.vue'
import { getController } from '../../uni_modules/webrtc-room/core/controllers'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { registerIM, unregisterIM, type ImSession } from '../../uni_modules/webrtc-room/core/im-registry'
import type { ImEvent } from '../../uni_modules/webrtc-room/core/types'
import { enter, installUni, join, mountRoom, sleep, type MountedRoom } from './room-harness'

let mounted: MountedRoom | null = null
function room(props: Record<string, unknown> = {}, slots?: Record<string, unknown>) {
  mounted = mountRoom(props, slots)
  return mounted
}
afterEach(() => {
  mounted?.wrapper.unmount()
  mounted = null
})

function playerOf(r: MountedRoom, userID: string) {
  return r.wrapper.findAllComponents(WebrtcRoomPlayer).find((p) => p.props('userId') === userID)
}

describe('<webrtc-room> props → live-pusher', () => {
  it('binds every pusher attribute from the props and the push URL after start()', async () => {
    installUni()
    const r = room({ muted: true, beauty: 3, whiteness: 2, aspect: '3:4', minBitrate: '300', maxBitrate: 500, enableCamera: false, debug: true })
    expect(r.pusherAttr('url')).toBe('')
    await r.methods.start()
    await flushPromises()
    const url = r.pusherAttr('url') ?? ''
    expect(url).toMatch(/^room:\/\/cloud\.tencent\.com\/rtc\?/)
    expect(url).toContain('sdkappid=1400000001')
    expect(url).toContain('roomid=1234')
    expect(url).toContain('userid=alice')
    expect(r.pusherAttr('mode')).toBe('RTC')
    expect(r.pusherAttr('muted')).toBe('true')
    expect(r.pusherAttr('beauty')).toBe('3')
    expect(r.pusherAttr('whiteness')).toBe('2')
    expect(r.pusherAttr('aspect')).toBe('3:4')
    expect(r.pusherAttr('min-bitrate')).toBe('300')
    expect(r.pusherAttr('max-bitrate')).toBe('500')
    expect(r.pusherAttr('enable-camera')).toBe('false')
    expect(r.pusherAttr('debug')).toBe('true')
    expect(r.pusherAttr('waiting-image')).toMatch(/^https:\/\//)
  })

  it('waitingImg becomes the pusher waiting-image; soundMode reaches the players', async () => {
    installUni()
    const r = room({ waitingImg: '/static/wait.png', soundMode: 'ear', autoplay: true })
    await enter(r)
    await join(r, 'bob')
    expect(r.pusherAttr('waiting-image')).toBe('/static/wait.png')
    expect(r.players()[0].attributes('sound-mode')).toBe('ear')
    expect(r.players()[0].attributes('object-fit')).toBe('fillCrop')
  })

  it('accepts the original sample\'s roomId alias and a string room id', async () => {
    installUni()
    const r = room({ roomID: undefined, roomId: 'meeting-7' })
    await r.methods.start()
    await flushPromises()
    expect(r.pusherAttr('url')).toContain('strroomid=meeting-7')
  })

  it('applies live prop changes in place and re-enters on identity changes', async () => {
    const uni = installUni()
    const r = room()
    await enter(r)
    await r.wrapper.setProps({ muted: true, beauty: 7, maxBitrate: 800 })
    await flushPromises()
    expect(r.pusherAttr('muted')).toBe('true')
    expect(r.pusherAttr('beauty')).toBe('7')
    expect(r.pusherAttr('max-bitrate')).toBe('800')
    expect(r.events.some((e) => e.tag === 'exit_room')).toBe(false)

    await r.wrapper.setProps({ roomID: 5678 })
    await flushPromises()
    await sleep(1)
    const exit = r.events.find((e) => e.tag === 'exit_room')
    expect(exit?.detail).toMatchObject({ reason: 'identity_change' })
    expect(r.pusherAttr('url')).toContain('roomid=5678')
    expect(uni.contexts.find((c) => c.id === 'pusher:pusher')?.calls).toContain('stop')
  })
})

describe('<webrtc-room> bad props: one error, no pusher URL', () => {
  const cases: Array<[string, Record<string, unknown>, number]> = [
    ['missing sdkAppID', { sdkAppID: undefined }, RoomErrorCode.MISSING_PROP],
    ['sdkAppID not a number', { sdkAppID: 'abc' }, RoomErrorCode.INVALID_SDKAPPID],
    ['sdkAppID negative', { sdkAppID: -5 }, RoomErrorCode.INVALID_SDKAPPID],
    ['missing userID', { userID: '' }, RoomErrorCode.MISSING_PROP],
    ['CJK userID', { userID: '小明' }, RoomErrorCode.INVALID_USERID],
    ['userID too long', { userID: 'u'.repeat(33) }, RoomErrorCode.INVALID_USERID],
    ['missing userSig', { userSig: '' }, RoomErrorCode.MISSING_PROP],
    ['userSig with spaces', { userSig: 'not a sig' }, RoomErrorCode.INVALID_USERSIG],
    ['missing roomID', { roomID: undefined }, RoomErrorCode.MISSING_PROP],
    ['roomID 0', { roomID: 0 }, RoomErrorCode.INVALID_ROOMID],
    ['roomID too large', { roomID: 4294967295 }, RoomErrorCode.INVALID_ROOMID],
    ['minBitrate > maxBitrate', { minBitrate: 900, maxBitrate: 400 }, RoomErrorCode.INVALID_BITRATE],
    ['bitrate not a number', { maxBitrate: 'fast' }, RoomErrorCode.INVALID_BITRATE],
    ['beauty not a number', { beauty: 'max' }, RoomErrorCode.INVALID_PROP],
    ['aspect unknown', { aspect: '16:9' }, RoomErrorCode.INVALID_PROP],
    ['pureAudioPushMod 3', { pureAudioPushMod: 3 }, RoomErrorCode.INVALID_PROP],
    ['soundMode unknown', { soundMode: 'loud' }, RoomErrorCode.INVALID_PROP],
  ]
  for (const [name, props, code] of cases) {
    it(name, async () => {
      const uni = installUni()
      const r = room(props)
      await r.methods.start().catch(() => undefined)
      await flushPromises()
      const errors = r.events.filter((e) => e.tag === 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0].code).toBe(code)
      expect(r.pusherAttr('url') ?? '').toBe('')
      expect(uni.calls.some((c) => c.api === 'authorize')).toBe(false)
    })
  }

  it('beauty out of range is clamped with a warning, not an error', async () => {
    installUni()
    const r = room({ beauty: 15 })
    await r.methods.start()
    await flushPromises()
    expect(r.events.filter((e) => e.tag === 'error')).toHaveLength(0)
    expect(r.events.find((e) => e.tag === 'warning')?.code).toBe(RoomErrorCode.PROP_CLAMPED)
    expect(r.pusherAttr('beauty')).toBe('9')
  })
})

describe('<webrtc-room> events and members', () => {
  it('forwards live-pusher codes and renders a player per member with a loading cover until the first frame', async () => {
    const uni = installUni()
    const r = room({ autoplay: true })
    await enter(r)
    expect(r.events.some((e) => e.tag === 'enter_room' && e.code === 11)).toBe(true)
    expect(r.events.some((e) => e.tag === 'push_state' && e.code === 1018)).toBe(true)
    expect(r.wrapper.find('.wr-empty').exists()).toBe(true)

    await join(r, 'bob')
    expect(r.events.find((e) => e.tag === 'member_join')?.detail).toMatchObject({ userID: 'bob' })
    expect(r.wrapper.find('.wr-empty').exists()).toBe(false)
    expect(r.players()).toHaveLength(1)
    const player = r.players()[0]
    expect(player.attributes('src')).toBe('room://cloud.tencent.com/rtc?userid=bob')
    expect(player.attributes('autoplay')).toBe('true')
    expect(player.attributes('mode')).toBe('RTC')
    expect(r.wrapper.find('.wr-caption').exists()).toBe(true)
    expect(r.wrapper.text()).toContain('bob')
    expect(r.wrapper.find('.wr-cover__spinner').exists()).toBe(true)
    // The player's context is created on its own instance and attached under the stream key.
    expect(uni.calls.filter((c) => c.api === 'createLivePlayerContext').map((c) => c.args[0])).toEqual(['player'])

    await player.trigger('statechange', { detail: { code: 2004, message: 'playing' } })
    await flushPromises()
    expect(r.events.some((e) => e.tag === 'play_state' && e.code === 2004 && (e.detail as { userID: string }).userID === 'bob')).toBe(true)
    expect(r.wrapper.find('.wr-cover__spinner').exists()).toBe(false)

    await r.memberNotice(1032, [{ userid: 'bob' }])
    expect(r.events.some((e) => e.tag === 'member_leave')).toBe(true)
    expect(r.players()).toHaveLength(0)
  })

  it('autoplay false: players mount paused until playMember()', async () => {
    const uni = installUni()
    const r = room({ autoplay: false })
    await enter(r)
    await join(r, 'bob')
    expect(r.players()[0].attributes('autoplay')).toBe('false')
    r.methods.playMember('bob')
    await flushPromises()
    expect(r.players()[0].attributes('autoplay')).toBe('true')
    expect(uni.contexts.find((c) => c.id === 'player:player')?.calls).toContain('play')
  })

  it('shows loadingImg and playerBackgroundImg when given, captions with the member id', async () => {
    installUni()
    const r = room({ loadingImg: '/static/loading.png', playerBackgroundImg: '/static/bg.png', autoplay: true })
    await enter(r)
    await join(r, 'carol')
    expect(r.wrapper.find('cover-image.wr-cover__image').attributes('src')).toBe('/static/loading.png')
    const remote = r.wrapper.findAll('.wr-tile').filter((t) => t.find('live-player').exists())
    expect(remote).toHaveLength(1)
    expect(remote[0].attributes('style')).toContain('/static/bg.png')
    expect(remote[0].find('.wr-caption').text()).toBe('carol')
  })
})

describe('<webrtc-room> layouts switched live and several rooms per page', () => {
  it('switching the template in the room re-attaches the new pusher and starts it', async () => {
    const uni = installUni()
    const r = room({ template: 'float', autoplay: true })
    await enter(r)
    await join(r, 'bob')
    await r.wrapper.setProps({ template: 'grid' })
    await flushPromises()
    await sleep(2)
    const pushers = uni.contexts.filter((c) => c.id === 'pusher:pusher')
    expect(pushers).toHaveLength(2)
    expect(pushers[1].calls).toContain('start')
    expect(r.wrapper.find('.wr-grid__pages').exists()).toBe(true)
    expect(r.players()).toHaveLength(1)
    expect(r.events.some((e) => e.tag === 'exit_room')).toBe(false)
  })

  it('two rooms on one page keep separate keys, state and events (no module-level self)', async () => {
    installUni()
    const a = room({ userID: 'alice', roomID: 1 })
    const b = mountRoom({ userID: 'bob', roomID: 2 })
    try {
      expect(a.methods.roomKey).not.toBe(b.methods.roomKey)
      await a.methods.start()
      await flushPromises()
      expect(a.store.rooms[a.methods.roomKey].status).toBe('entering')
      expect(b.store.rooms[b.methods.roomKey].status).toBe('idle')
      expect(a.pusherAttr('url')).toContain('userid=alice')
      expect(b.pusherAttr('url')).toBe('')
      expect(b.events).toEqual([])
    } finally {
      b.wrapper.unmount()
    }
  })
})

describe('<webrtc-room> exposed methods', () => {
  it('pause / resume / switchCamera drive the pusher context; start twice is a warning', async () => {
    const uni = installUni()
    const r = room()
    await enter(r)
    r.methods.pause()
    r.methods.resume()
    r.methods.switchCamera()
    await flushPromises()
    const pusher = uni.contexts.find((c) => c.id === 'pusher:pusher')
    expect(pusher?.calls).toEqual(expect.arrayContaining(['start', 'pause', 'resume', 'switchCamera']))
    await r.methods.start()
    expect(r.events.at(-1)).toMatchObject({ tag: 'warning', code: RoomErrorCode.INVALID_STATE })
  })

  it('screen share and device methods are exposed; on mp-weixin each is warning -90412 and a typed rejection', async () => {
    installUni()
    const r = room()
    await enter(r)
    const calls: Array<[string, Promise<unknown>]> = [
      ['startScreenShare', r.methods.startScreenShare()],
      ['stopScreenShare', r.methods.stopScreenShare()],
      ['getDevices', r.methods.getDevices()],
      ['selectDevice', r.methods.selectDevice('camera', 'cam-1')],
    ]
    for (const [method, call] of calls) {
      await expect(call).rejects.toMatchObject({ name: 'WebrtcRoomError', code: RoomErrorCode.H5_ONLY, detail: { method } })
    }
    const warned = r.events.filter((e) => e.code === RoomErrorCode.H5_ONLY)
    expect(warned.map((e) => [e.tag, (e.detail as { method: string }).method])).toEqual(calls.map(([m]) => ['warning', m]))
    expect(r.store.rooms[r.methods.roomKey].status).toBe('in_room')
    expect(r.store.rooms[r.methods.roomKey].self).toMatchObject({ screenSharing: false, devices: null })
  })

  it('pause before start is a warning, never a crash', async () => {
    installUni()
    const r = room()
    r.methods.pause()
    await flushPromises()
    expect(r.events).toEqual([expect.objectContaining({ tag: 'warning', code: RoomErrorCode.INVALID_STATE })])
  })

  it('IM sends with enableIM false fail with the IM error, callback and promise', async () => {
    installUni()
    const r = room()
    const failed: number[] = []
    await expect(r.methods.sendGroupTextMsg('hi', undefined, (code) => failed.push(code))).rejects.toMatchObject({ code: RoomErrorCode.IM_DISABLED })
    expect(failed).toEqual([RoomErrorCode.IM_DISABLED])
  })

  it('stop() releases the pusher and leaves with exit_room', async () => {
    const uni = installUni()
    const r = room()
    await enter(r)
    await r.methods.stop()
    expect(r.events.at(-1)).toMatchObject({ tag: 'exit_room' })
    expect(uni.contexts.find((c) => c.id === 'pusher:pusher')?.calls.at(-1)).toBe('stop')
    expect(r.pusherAttr('url')).toBe('')
  })
})

describe('<webrtc-room> IM', () => {
  afterEach(() => unregisterIM())

  it('enableIM without the IM entry installed: an im-event error telling what to import', async () => {
    installUni()
    const r = room({ enableIM: true })
    await r.methods.start()
    await flushPromises()
    expect(r.imEvents[0]).toMatchObject({ tag: 'error', code: RoomErrorCode.IM_NOT_INSTALLED })
    expect(String((r.imEvents[0].detail as { message: string }).message)).toContain('webrtc-room/im')
  })

  it('forwards the IM session events as im-event and delegates sends to it', async () => {
    installUni()
    let emitIM: (e: ImEvent) => void = () => {}
    const sent: string[] = []
    registerIM((params) => {
      const session: ImSession = {
        start: async () => emitIM({ tag: 'login_event', code: 0, detail: { userID: params.userID, groupID: params.groupID } }),
        stop: async () => {},
        sendC2CTextMsg: async (to, msg) => sent.push(`c2c ${to} ${msg}`),
        sendC2CCustomMsg: async (to, msg) => sent.push(`c2c-custom ${to} ${msg.data}`),
        sendGroupTextMsg: async (msg) => sent.push(`group ${msg}`),
        sendGroupCustomMsg: async (msg) => sent.push(`group-custom ${msg.data}`),
        on: (handler) => {
          emitIM = handler
          return () => {
            emitIM = () => {}
          }
        },
      }
      return session
    })
    const r = room({ enableIM: true })
    await r.methods.start()
    await flushPromises()
    expect(r.imEvents[0]).toEqual({ tag: 'login_event', code: 0, detail: { userID: 'alice', groupID: '1234' } })
    const ok: unknown[] = []
    await r.methods.sendGroupTextMsg('hello', (res) => ok.push(res))
    expect(sent).toEqual(['group hello'])
    expect(ok).toHaveLength(1)
    emitIM({ tag: 'big_group_msg_notify', code: 0, detail: [{ text: 'hi' }] })
    expect(r.imEvents.at(-1)).toMatchObject({ tag: 'big_group_msg_notify' })
  })
})

describe('<webrtc-room> preflight and app lifecycle', () => {
  it('devtools simulator → one error -90101 and no URL', async () => {
    installUni({ getSystemInfoSync: () => ({ platform: 'devtools', version: '8.0.50', SDKVersion: '3.4.0' }) })
    const r = room()
    await r.methods.start()
    await flushPromises()
    expect(r.events.filter((e) => e.tag === 'error').map((e) => e.code)).toEqual([RoomErrorCode.DEVTOOLS_SIMULATOR])
    expect(r.pusherAttr('url')).toBe('')
  })

  it('old base library → -90102 with the versions in detail', async () => {
    installUni({ getSystemInfoSync: () => ({ platform: 'android', version: '8.0.0', SDKVersion: '1.6.0' }) })
    const r = room()
    await r.methods.start()
    await flushPromises()
    const error = r.events.find((e) => e.tag === 'error')
    expect(error?.code).toBe(RoomErrorCode.BASE_LIBRARY_TOO_OLD)
    expect(error?.detail).toMatchObject({ SDKVersion: '1.6.0' })
  })

  it('camera denied without the permission-guide entry → the error and banner, no modal, detail.hint names the import', async () => {
    const uni = installUni({
      getSetting: (o: any) => o.success({ authSetting: { 'scope.camera': false, 'scope.record': true } }),
      showModal: (o: any) => o.success({ confirm: true, cancel: false }),
    })
    const r = room()
    await r.methods.start()
    await flushPromises()
    await sleep(1)
    const errors = r.events.filter((e) => e.tag === 'error')
    expect(errors.map((e) => e.code)).toEqual([RoomErrorCode.CAMERA_PERMISSION_DENIED])
    expect(errors[0].detail).toMatchObject({ scope: 'scope.camera', hint: expect.stringContaining("import '@/uni_modules/webrtc-room/permission-guide'") })
    expect(uni.calls.some((c) => c.api === 'showModal' || c.api === 'openSetting')).toBe(false)
    expect(r.wrapper.find('.wr-banner--error').text()).toContain(String(RoomErrorCode.CAMERA_PERMISSION_DENIED))
  })

  it('microphone denied with permissionGuide off and no entry → the error without a hint', async () => {
    installUni({ getSetting: (o: any) => o.success({ authSetting: { 'scope.camera': true, 'scope.record': false } }) })
    const r = room({ permissionGuide: false })
    await r.methods.start()
    await flushPromises()
    const errors = r.events.filter((e) => e.tag === 'error')
    expect(errors.map((e) => e.code)).toEqual([RoomErrorCode.RECORD_PERMISSION_DENIED])
    expect(errors[0].detail).not.toHaveProperty('hint')
  })

  it('app hide / show pause and resume the pusher', async () => {
    const uni = installUni()
    const r = room()
    await enter(r)
    uni.fireHide()
    await flushPromises()
    expect(r.events.some((e) => e.tag === 'background')).toBe(true)
    uni.fireShow()
    await flushPromises()
    expect(r.events.some((e) => e.tag === 'foreground')).toBe(true)
    const calls = uni.contexts.find((c) => c.id === 'pusher:pusher')?.calls ?? []
    expect(calls.indexOf('pause')).toBeGreaterThan(-1)
    expect(calls.indexOf('resume')).toBeGreaterThan(calls.indexOf('pause'))
  })
})

describe('<webrtc-room> cleanup on unmount', () => {
  it('stops the pusher and players, removes the room and every listener', async () => {
    const uni = installUni()
    const r = room({ autoplay: true })
    await enter(r)
    await join(r, 'bob')
    const key = r.methods.roomKey
    expect(getController(key)).toBeDefined()
    expect(uni.show.size + uni.hide.size).toBe(2)
    r.wrapper.unmount()
    mounted = null
    await flushPromises()
    await sleep(1)
    expect(getController(key)).toBeUndefined()
    expect(r.store.rooms[key]).toBeUndefined()
    expect(uni.show.size + uni.hide.size).toBe(0)
    expect(uni.contexts.find((c) => c.id === 'pusher:pusher')?.calls.at(-1)).toBe('stop')
    expect(uni.contexts.find((c) => c.id === 'player:player')?.calls).toContain('stop')
  })
})

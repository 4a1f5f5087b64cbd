// @vitest-environment jsdom
/**
 * The room page against the plugin's real stores: what it shows comes from the room store and the
 * IM store, and its toolbar / chat call the component's methods. `<webrtc-room>` itself is a
 * recording stand-in here (its own suites test it); the stores, the page and its modules are real.
 */
import { createRoomState } from '../../uni_modules/webrtc-room/core/room-state'
import { defineComponent, h, nextTick } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import RoomPage from '../../pages/room/room.vue'
import { useDemoSessionStore } from '../../pages/shared/session'
import { useI18n } from '../../pages/shared/i18n'
import { EVENT_LOG_LIMIT } from '../../pages/room/event-log'
import { useRoomStore } from '../../uni_modules/webrtc-room/stores/room'
import { registerController, unregisterController } from '../../uni_modules/webrtc-room/core/controllers'
import { useImStore } from '../../uni_modules/webrtc-room/stores/im'
import type { GetUserSig, MemberState, RoomController, RoomEvent, RoomState, StreamState } from '../../uni_modules/webrtc-room/core/types'
import type { ImMessage } from '../../uni_modules/webrtc-room/im/types'
import { createUniStub } from '../helpers/uni-stub'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'

const KEY = 'room-demo-test'
const DEVICES = {
  cameras: [{ deviceId: 'cam-1', label: 'Front' }, { deviceId: 'cam-2', label: '' }],
  microphones: [{ deviceId: 'mic-1', label: 'Built-in' }],
  speakers: [{ deviceId: 'spk-1', label: 'Speakers' }, { deviceId: 'spk-2', label: 'HDMI' }],
}

function makeFakeRoom() {
  const methods = {
    roomKey: KEY,
    start: vi.fn(async () => undefined),
    stop: vi.fn(async () => undefined),
    pause: vi.fn(),
    resume: vi.fn(),
    switchCamera: vi.fn(),
    startScreenShare: vi.fn(async () => undefined),
    stopScreenShare: vi.fn(async () => undefined),
    getDevices: vi.fn(async () => DEVICES),
    selectDevice: vi.fn(async () => undefined),
    muteMemberAudio: vi.fn(),
    muteMemberVideo: vi.fn(),
    setMemberStream: vi.fn(),
    sendC2CTextMsg: vi.fn(async () => ({})),
    sendC2CCustomMsg: vi.fn(async () => ({})),
    sendGroupTextMsg: vi.fn(async () => ({})),
    sendGroupCustomMsg: vi.fn(async () => ({})),
  }
  const component = defineComponent({
    name: 'webrtc-room',
    props: ['template', 'muted', 'enableCamera', 'lang', 'roomID', 'userSig', 'getUserSig'],
    emits: ['room-event', 'im-event'],
    setup(_props, { expose }) {
      expose(methods)
      return () => h('div', { class: 'fake-room' })
    },
  })
  return { methods, component }
}

function stream(userID: string, over: Partial<StreamState> = {}): StreamState {
  return { key: `${userID}_main`, userID, streamType: 'main', playURL: `room://x/${userID}`, hasVideo: true, hasAudio: true, loading: false, playing: true, volume: 0, net: null, small: false, ...over }
}
function member(userID: string, over: Partial<StreamState> = {}): MemberState {
  return { userID, joinedAt: 1, streams: { main: stream(userID, over) }, muteAudio: false, muteVideo: false, streamPref: 'auto' }
}
function roomState(status: RoomState['status'], members: MemberState[]): RoomState {
  return {
    ...createRoomState(KEY, { sdkAppID: 1, userID: 'alice', userSig: 's' }),
    key: KEY,
    status,
    roomID: '424242',
    self: { userID: 'alice', pushURL: 'room://redacted', muted: false, cameraOn: true, frontCamera: true, net: null, screenSharing: false, devices: null, role: 'anchor' },
    members: Object.fromEntries(members.map((m) => [m.userID, m])),
    memberOrder: members.map((m) => m.userID),
    events: [],
    lastError: null,
  }
}
function message(id: string, over: Partial<ImMessage>): ImMessage {
  return {
    id, conversationID: 'GROUP424242', conversationType: 'GROUP', kind: 'text', timType: 'TIMTextElem',
    from: 'bob', to: '424242', nick: '', flow: 'in', time: 1_700_000_000_000, status: 'received', text: 'hello', ...over,
  }
}

function mountPage(expireAt = 0) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useDemoSessionStore().begin({
    params: { sdkAppID: null, userID: 'alice', roomID: 424242, template: 'grid', enableIM: true, beauty: 3, aspect: '9:16', signBaseURL: 'http://127.0.0.1:8787', signToken: 'tok' },
    sign: { sdkAppID: 1400000001, userID: 'alice', userSig: 'sig', privateMapKey: 'pmk', expireAt },
  })
  const fake = makeFakeRoom()
  // The chat sends through the room's controller, as the real component registers it.
  unregisterController(KEY)
  registerController(KEY, fake.methods as unknown as RoomController)
  const wrapper = mount(RoomPage, { global: { plugins: [pinia], stubs: { 'webrtc-room': fake.component } } })
  return { wrapper, fake, rooms: useRoomStore(), im: useImStore() }
}

const tap = async (wrapper: ReturnType<typeof mount>, selector: string) => {
  await wrapper.find(selector).trigger('tap')
  await flushPromises()
}

beforeEach(() => {
  vi.stubGlobal('uni', createUniStub({ setNavigationBarTitle: vi.fn(), reLaunch: vi.fn(), getStorageSync: () => '', setStorageSync: vi.fn() }).uni)
  vi.stubGlobal('getCurrentPages', () => [{}, {}])
  useI18n().setLocale('en')
})

describe('room page', () => {
  it('starts the room with the session, shows its status from the room store and its events newest first', async () => {
    const { wrapper, fake, rooms } = mountPage()
    await flushPromises()
    expect(fake.methods.start).toHaveBeenCalledTimes(1)
    const room = wrapper.findComponent(fake.component)
    expect(room.props()).toMatchObject({ template: 'grid', roomID: 424242, userSig: 'sig', lang: 'en', muted: false, enableCamera: true })

    expect(wrapper.find('#room-status').text()).toBe('Idle')
    rooms.putRoom(roomState('in_room', []))
    await nextTick()
    expect(wrapper.find('#room-status').text()).toBe('In room')

    const enter: RoomEvent = { tag: 'enter_room', code: 11, detail: { message: 'entered' } }
    room.vm.$emit('room-event', enter)
    room.vm.$emit('im-event', { tag: 'login_event', code: 0, detail: { userID: 'alice', message: 'ok' } })
    await nextTick()
    const rows = wrapper.findAll('#event-log .event')
    expect(rows.map((r) => r.find('.event__tag').text())).toEqual(['login_event', 'enter_room'])
    expect(rows[0].find('.event__source').text()).toBe('im')

    for (let i = 0; i < EVENT_LOG_LIMIT + 5; i++) room.vm.$emit('room-event', { tag: 'net_status', code: 0, detail: { n: i } })
    await nextTick()
    expect(wrapper.findAll('#event-log .event')).toHaveLength(EVENT_LOG_LIMIT)
  })

  it('lists the members of the room store with their media, and shows a fatal error with advice', async () => {
    const { wrapper, rooms } = mountPage()
    rooms.putRoom(roomState('in_room', [member('bob'), member('carol', { hasVideo: false, loading: true })]))
    await tap(wrapper, '#tab-members')
    const names = wrapper.findAll('#member-list .member__name').map((n) => n.text())
    expect(names).toEqual(['bob', 'carol'])
    expect(wrapper.findAll('#member-list .member__streams').map((n) => n.text())).toEqual(['Video · Audio', 'Audio · Connecting'])
    expect(wrapper.find('#tab-members .tabs__badge').text()).toBe('2')

    rooms.patchMembers(KEY, {}, ['carol'])
    await nextTick()
    expect(wrapper.findAll('#member-list .member__name').map((n) => n.text())).toEqual(['bob'])

    expect(wrapper.find('#room-error').exists()).toBe(false)
    rooms.patchRoom(KEY, { status: 'error', lastError: { tag: 'error', code: -6, detail: { message: 'push disconnected', nativeCode: -1307 } } })
    await nextTick()
    expect(wrapper.find('#room-error .notice__code').text()).toBe('-6')
    expect(wrapper.find('#room-error .notice__advice').text()).not.toBe('')
  })

  it('member rows mute audio / video and switch big / small on this device through the room methods', async () => {
    const { wrapper, fake, rooms } = mountPage()
    rooms.putRoom(roomState('in_room', [member('bob')]))
    await tap(wrapper, '#tab-members')
    const labels = () => wrapper.findAll('#member-list .member__control').map((n) => n.text())
    expect(labels()).toEqual(['Mute', 'Hide video', 'Big stream'])
    await tap(wrapper, '#member-list .member__control--audio')
    await tap(wrapper, '#member-list .member__control--video')
    await tap(wrapper, '#member-list .member__control--stream')
    expect(fake.methods.muteMemberAudio).toHaveBeenCalledWith('bob', true)
    expect(fake.methods.muteMemberVideo).toHaveBeenCalledWith('bob', true)
    expect(fake.methods.setMemberStream).toHaveBeenCalledWith('bob', 'small')
    // The labels follow the store (what the room decided), not the taps.
    const bob = rooms.rooms[KEY].members.bob
    rooms.patchMembers(KEY, { bob: { ...bob, muteAudio: true, muteVideo: true, streams: { main: { ...bob.streams.main!, small: true } } } }, [])
    await nextTick()
    expect(labels()).toEqual(['Unmute', 'Show video', 'Small stream'])
    expect(wrapper.findAll('#member-list .member__control--on')).toHaveLength(3)
    await tap(wrapper, '#member-list .member__control--stream')
    await tap(wrapper, '#member-list .member__control--audio')
    expect(fake.methods.setMemberStream).toHaveBeenLastCalledWith('bob', 'big')
    expect(fake.methods.muteMemberAudio).toHaveBeenLastCalledWith('bob', false)
  })

  it('drives the component from the toolbar', async () => {
    const { wrapper, fake, rooms } = mountPage()
    rooms.putRoom(roomState('in_room', []))
    await tap(wrapper, '#tool-mute')
    await tap(wrapper, '#tool-camera')
    expect(wrapper.findComponent(fake.component).props()).toMatchObject({ muted: true, enableCamera: false })
    expect(wrapper.find('#tool-mute .tool__label').text()).toBe('Unmute')
    await tap(wrapper, '#tool-switch')
    expect(fake.methods.switchCamera).toHaveBeenCalledTimes(1)
    await tap(wrapper, '#tool-pause')
    expect(fake.methods.pause).toHaveBeenCalledTimes(1)
    rooms.patchRoom(KEY, { status: 'paused' })
    await nextTick()
    await tap(wrapper, '#tool-pause')
    expect(fake.methods.resume).toHaveBeenCalledTimes(1)

    await tap(wrapper, '#tool-leave')
    expect(fake.methods.stop).toHaveBeenCalledTimes(1)
    expect(useDemoSessionStore().session).toBeNull()
  })

  it('H5 tools: share screen follows self.screenSharing; the pickers list self.devices and select by deviceId', async () => {
    const { wrapper, fake, rooms } = mountPage()
    rooms.putRoom(roomState('in_room', []))
    await flushPromises()
    // In the room: the devices are listed once; the page shows what the store says.
    expect(fake.methods.getDevices).toHaveBeenCalledTimes(1)
    expect(wrapper.find('#tool-share').text()).toBe('Share screen')
    await tap(wrapper, '#tool-share')
    expect(fake.methods.startScreenShare).toHaveBeenCalledTimes(1)
    const self = rooms.rooms[KEY].self
    rooms.patchRoom(KEY, { self: { ...self, screenSharing: true, devices: { ...DEVICES, cameraId: 'cam-2', microphoneId: '', speakerId: '' } } })
    await nextTick()
    expect(wrapper.find('#tool-share').text()).toBe('Stop sharing')
    await tap(wrapper, '#tool-share')
    expect(fake.methods.stopScreenShare).toHaveBeenCalledTimes(1)
    expect(wrapper.find('#device-camera .media-tools__device').text()).toBe('Camera 2')
    expect(wrapper.find('#device-speaker').attributes('range')).toBeDefined()
    await wrapper.find('#device-speaker').trigger('change', { detail: { value: 1 } })
    expect(fake.methods.selectDevice).toHaveBeenCalledWith('speaker', 'spk-2')
  })

  it('chats from the IM store: group and C2C, text and custom, with unread counts', async () => {
    const { wrapper, fake, rooms, im } = mountPage()
    rooms.putRoom(roomState('in_room', [member('bob')]))
    const sink = im.sinkFor(KEY)
    sink.begin({ userID: 'alice', groupID: '424242' })
    sink.setLogin('logged_in')
    sink.setJoinedGroup('424242')
    sink.receive([message('g1', { text: 'hi all' })])
    await nextTick()
    expect(wrapper.find('#tab-chat .tabs__badge').text()).toBe('1')

    await tap(wrapper, '#tab-chat')
    expect(wrapper.find('#im-state').text()).toBe('IM signed in · in group 424242')
    expect(wrapper.findAll('#chat .bubble__text').map((b) => b.text())).toEqual(['hi all'])
    // On screen = read.
    expect(wrapper.find('#tab-chat .tabs__badge').exists()).toBe(false)

    const input = wrapper.find('#chat-input')
    ;(input.element as HTMLInputElement).value = ' to everyone '
    await input.trigger('input')
    await tap(wrapper, '#chat-send')
    expect(fake.methods.sendGroupTextMsg).toHaveBeenCalledWith('to everyone')

    // From the member list to a private chat with bob, as a custom message.
    await tap(wrapper, '#tab-members')
    await tap(wrapper, '#member-list .member__chat')
    expect(wrapper.find('#chat-target').text()).toContain('bob')
    sink.receive([message('c1', { conversationID: 'C2Cbob', conversationType: 'C2C', to: 'alice', kind: 'custom', timType: 'TIMCustomElem', text: undefined, custom: { data: '{"wave":1}', ext: '', desc: '' } })])
    await nextTick()
    expect(wrapper.findAll('#chat .bubble__text').map((b) => b.text())).toEqual(['{"wave":1}'])
    await tap(wrapper, '#chat-kind-custom')
    ;(wrapper.find('#chat-input').element as HTMLInputElement).value = 'psst'
    await wrapper.find('#chat-input').trigger('input')
    await tap(wrapper, '#chat-send')
    expect(fake.methods.sendC2CCustomMsg).toHaveBeenCalledWith('bob', { data: 'psst', ext: 'webrtc-room-demo', desc: 'psst' })

    // A failed send is shown in the box.
    fake.methods.sendC2CCustomMsg.mockRejectedValueOnce(new Error('IM message too long'))
    ;(wrapper.find('#chat-input').element as HTMLInputElement).value = 'again'
    await wrapper.find('#chat-input').trigger('input')
    await tap(wrapper, '#chat-send')
    expect(wrapper.find('#chat-error').text()).toBe('IM message too long')

    // bob leaves: the chat falls back to the group.
    rooms.patchMembers(KEY, {}, ['bob'])
    await flushPromises()
    expect(wrapper.find('#chat-target').text()).toContain('Everyone')
  })

  describe('Retry after an error', () => {
    type RequestOptions = { url: string; header?: Record<string, string>; success?: (r: unknown) => void }
    let requests: RequestOptions[]
    beforeEach(() => {
      requests = []
      vi.stubGlobal('uni', createUniStub({
        setNavigationBarTitle: vi.fn(), reLaunch: vi.fn(), getStorageSync: () => '', setStorageSync: vi.fn(),
        request: (o: RequestOptions) => {
          requests.push(o)
          o.success?.({ statusCode: 200, data: { sdkAppID: 1400000001, userID: 'alice', userSig: 'sig-2', privateMapKey: 'pmk-2', expireAt: 4_000_000_000 } })
        },
      }).uni)
    })

    async function failRoom(rooms: ReturnType<typeof useRoomStore>, code: number) {
      rooms.putRoom(roomState('in_room', []))
      rooms.patchRoom(KEY, { status: 'error', lastError: { tag: 'error', code, detail: { message: 'failed' } } })
      await nextTick()
    }

    it('stops and starts the room again with the same signature while it is valid', async () => {
      const { wrapper, fake, rooms } = mountPage(Math.floor(Date.now() / 1000) + 3600)
      await flushPromises()
      await failRoom(rooms, -6)
      await tap(wrapper, '#room-retry')
      expect(fake.methods.stop).toHaveBeenCalledTimes(1)
      expect(fake.methods.start).toHaveBeenCalledTimes(2)
      expect(fake.methods.stop.mock.invocationCallOrder[0]).toBeLessThan(fake.methods.start.mock.invocationCallOrder[1])
      expect(requests).toEqual([])
      expect(wrapper.findComponent(fake.component).props()).toMatchObject({ userSig: 'sig', roomID: 424242 })
    })

    it('signs again first when the signature has expired, then starts with the new one', async () => {
      const { wrapper, fake, rooms } = mountPage(0)
      await flushPromises()
      await failRoom(rooms, -6)
      let userSigAtStart = ''
      fake.methods.start.mockImplementation(async () => {
        userSigAtStart = String(wrapper.findComponent(fake.component).props('userSig'))
      })
      await tap(wrapper, '#room-retry')
      expect(requests.map((r) => [r.url, r.header?.authorization])).toEqual([['http://127.0.0.1:8787/api/usersig', 'Bearer tok']])
      expect(userSigAtStart).toBe('sig-2')
      expect(useDemoSessionStore().session?.sign.privateMapKey).toBe('pmk-2')
    })

    it('passes getUserSig: the room asks the sign service again itself, no stop, the props stay', async () => {
      const { wrapper, fake } = mountPage(Math.floor(Date.now() / 1000) + 3600)
      await flushPromises()
      const getUserSig = wrapper.findComponent(fake.component).props('getUserSig') as GetUserSig
      const answer = await getUserSig({ userID: 'alice', sdkAppID: 1400000001, roomID: '424242', reason: 'expired', source: 'trtc' })
      expect(answer).toEqual({ userSig: 'sig-2', privateMapKey: 'pmk-2' })
      expect(requests.map((r) => [r.url, r.header?.authorization])).toEqual([['http://127.0.0.1:8787/api/usersig', 'Bearer tok']])
      await flushPromises()
      expect(wrapper.findComponent(fake.component).props('userSig')).toBe('sig')
      expect(fake.methods.stop).not.toHaveBeenCalled()
    })

    it('signs again when the room refused the signature, even before it expires', async () => {
      const { wrapper, rooms } = mountPage(Math.floor(Date.now() / 1000) + 3600)
      await flushPromises()
      await failRoom(rooms, RoomErrorCode.USERSIG_EXPIRED)
      await tap(wrapper, '#room-retry')
      expect(requests).toHaveLength(1)
    })
  })
})

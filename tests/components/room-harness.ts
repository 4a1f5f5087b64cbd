/**
 * Test-only harness for `<webrtc-room>` under @vue/test-utils + jsdom: a fresh Pinia, a recording
 * `uni` (tests/helpers/uni-stub.ts) whose app show/hide callbacks can be fired, the building blocks
 * registered globally (easycom does that in a real build), and helpers to fire native events.
 */
import { mount, flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { vi } from 'vitest'
import WebrtcRoom from '../../uni_modules/webrtc-room/components/webrtc-room/webrtc-room.vue'
import WebrtcRoomPusher from '../../uni_modules/webrtc-room/components/webrtc-room-pusher/webrtc-room-pusher.vue'
import WebrtcRoomPlayer from '../../uni_modules/webrtc-room/components/webrtc-room-player/webrtc-room-player.vue'
import { useRoomStore } from '../../uni_modules/webrtc-room/stores/room'
import type { ImEvent, RoomEvent } from '../../uni_modules/webrtc-room/core/types'
import { createUniStub } from '../helpers/uni-stub'

export const BASE_PROPS = { sdkAppID: 1400000001, userID: 'alice', userSig: 'eJyrVkrOz0-sig', roomID: 1234 }

export interface RoomMethods {
  roomKey: string
  start(): Promise<void>
  stop(): Promise<void>
  pause(): void
  resume(): void
  switchCamera(): void
  startScreenShare(): Promise<void>
  stopScreenShare(): Promise<void>
  getDevices(): Promise<unknown>
  selectDevice(kind: 'camera' | 'microphone' | 'speaker', deviceId: string): Promise<void>
  playMember(userID: string): void
  sendGroupTextMsg(msg: string, succ?: (r: unknown) => void, fail?: (c: number, m: string) => void): Promise<unknown>
}

export function sleep(ms = 0) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Installs a recording `uni` whose onAppShow / onAppHide callbacks tests can fire. */
export function installUni(overrides: Record<string, unknown> = {}) {
  const show = new Set<() => void>()
  const hide = new Set<() => void>()
  const stub = createUniStub({
    onAppShow: (cb: () => void) => show.add(cb),
    offAppShow: (cb: () => void) => show.delete(cb),
    onAppHide: (cb: () => void) => hide.add(cb),
    offAppHide: (cb: () => void) => hide.delete(cb),
    ...overrides,
  })
  vi.stubGlobal('uni', stub.uni)
  return {
    ...stub,
    show,
    hide,
    fireShow: () => [...show].forEach((cb) => cb()),
    fireHide: () => [...hide].forEach((cb) => cb()),
  }
}

export interface MountedRoom {
  wrapper: VueWrapper
  pinia: Pinia
  events: RoomEvent[]
  imEvents: ImEvent[]
  methods: RoomMethods
  store: ReturnType<typeof useRoomStore>
  tagsOf(code: number): RoomEvent[]
  pusherAttr(name: string): string | undefined
  firePusher(event: string, detail: unknown): Promise<void>
  memberNotice(code: number, userlist: unknown[]): Promise<void>
  players(): ReturnType<VueWrapper['findAll']>
}

export function mountRoom(props: Record<string, unknown> = {}, slots?: Record<string, unknown>): MountedRoom {
  const pinia = createPinia()
  setActivePinia(pinia)
  const events: RoomEvent[] = []
  const imEvents: ImEvent[] = []
  const wrapper = mount(WebrtcRoom as never, {
    props: <Record<string, unknown>>{ ...BASE_PROPS, ...props, 'onRoom-event': (e: RoomEvent) => events.push(e), 'onIm-event': (e: ImEvent) => imEvents.push(e) },
    slots: slots as never,
    global: { plugins: [pinia], components: { WebrtcRoomPusher, WebrtcRoomPlayer } },
    attachTo: document.body,
  } as never) as unknown as VueWrapper
  const methods = wrapper.vm as unknown as RoomMethods
  const firePusher = async (event: string, detail: unknown) => {
    await wrapper.find('live-pusher').trigger(event, { detail })
    await flushPromises()
  }
  return {
    wrapper,
    pinia,
    events,
    imEvents,
    methods,
    store: useRoomStore(pinia),
    tagsOf: (code: number) => events.filter((e) => e.code === code),
    pusherAttr: (name: string) => wrapper.find('live-pusher').attributes(name),
    firePusher,
    memberNotice: (code: number, userlist: unknown[]) => firePusher('statechange', { code, message: JSON.stringify({ userlist }) }),
    players: () => wrapper.findAll('live-player'),
  }
}

/** start() + 1018: the room is in. */
export async function enter(room: MountedRoom) {
  await room.methods.start()
  await sleep(1)
  await room.firePusher('statechange', { code: 1018, message: 'entered' })
}

/** A member with a main stream (1031 + 1033 + 1034). */
export async function join(room: MountedRoom, userID: string, video = true) {
  await room.memberNotice(1031, [{ userid: userID }])
  const playurl = `room://cloud.tencent.com/rtc?userid=${userID}`
  await room.memberNotice(1033, [{ userid: userID, streamtype: 'main', hasvideo: video ? 1 : 0, playurl }])
  await room.memberNotice(1034, [{ userid: userID, hasaudio: 1, playurl }])
}

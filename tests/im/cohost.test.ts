/**
 * Co-hosting over IM between two live rooms (an anchor and an audience member, each with its own
 * mocked tim "device"): request → accept → the audience publishes → end, reject, timeouts on both
 * sides, a stale accept, messages delivered late after an IM reconnect, and bad input.
 * The tim mocks are wired so a C2C message one sends reaches the other (queued while it is offline).
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { registerIM, unregisterIM } from '../../uni_modules/webrtc-room/core/im-registry'
import type { ImEvent, RoomController, RoomOptions } from '../../uni_modules/webrtc-room/core/types'
import { createTimImFactory } from '../../uni_modules/webrtc-room/im'
// Co-hosting is the live entry's (it also installs the live scene the rooms below use).
import { COHOST_BUSINESS_ID, createCoHost, parseCoHostMessage, type CoHost } from '../../uni_modules/webrtc-room/live'
import type { CoHostEvent } from '../../uni_modules/webrtc-room/im/types'
import { createRoom } from '../../uni_modules/webrtc-room/room-factory'
import { useImStore } from '../../uni_modules/webrtc-room/stores/im'
import { createFakePlatform, flush, type FakePlatform } from '../helpers/fake-platform'
import { TYPES, createTimMock, incoming, type FakeTim } from '../helpers/tim-mock'

vi.mock('tim-wx-sdk', async () => ({ default: (await import('../helpers/tim-mock')).createTimMock().sdk }))

const SIG = 'eJyrVkrOz0ktUrJSSs7PLcgvSy1SSMsvykvMyVECAHIjCEk_'
const E = RoomErrorCode

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 2))
  if (!condition()) throw new Error('timed out')
}

interface Side {
  room: RoomController
  tim: FakeTim
  coHost: CoHost
  events: CoHostEvent[]
  imEvents: ImEvent[]
  /** While false, C2C messages to this side wait (its IM is disconnected). */
  online: boolean
  inbox: Parameters<FakeTim['receive']>[0]
}

let platform: FakePlatform
const sides = new Map<string, Side>()

/** Both ends of a live room, logged in and joined; C2C sends of one reach the other. */
async function liveRooms(options: { timeoutMs?: number } = {}): Promise<{ host: Side; viewer: Side }> {
  platform = createFakePlatform()
  const mocks = { host: createTimMock(), viewer: createTimMock() }
  for (const mock of Object.values(mocks)) mock.server.addGroup('8888')
  registerIM((params) => createTimImFactory(params.userID === 'host' ? mocks.host.sdk : mocks.viewer.sdk)(params))
  const open = async (userID: 'host' | 'viewer', role: 'anchor' | 'audience'): Promise<Side> => {
    const base: RoomOptions = { sdkAppID: 1400000001, userID, userSig: SIG, roomID: 8888, enableIM: true, scene: 'live', role }
    const room = createRoom(base, platform, { key: `live-${userID}` })
    const imEvents: ImEvent[] = []
    room.onIM((e) => imEvents.push(e))
    room.attachPusher({ start() {}, stop() {}, pause() {}, resume() {}, switchCamera() {} })
    await room.start()
    platform.advance(0)
    room.onPusherStateChange({ code: 1018, message: 'entered' })
    await until(() => imEvents.some((e) => e.tag === 'join_group_event'))
    const tim = mocks[userID].sdk.create({ SDKAppID: 1400000001 }) as FakeTim
    const coHost = createCoHost(room, { clock: platform, timeoutMs: options.timeoutMs })
    const side: Side = { room, tim, coHost, events: [], imEvents, online: true, inbox: [] }
    coHost.on((e) => side.events.push(e))
    sides.set(userID, side)
    // The wire: a successful C2C send is delivered to the peer's tim, stamped with the server time.
    const send = tim.sendMessage.bind(tim)
    tim.sendMessage = async (message) => {
      const result = await send(message)
      const peer = sides.get(message.to)
      if (peer && message.conversationType === TYPES.CONV_C2C) {
        const msg = incoming({ from: userID, to: message.to, conversationType: TYPES.CONV_C2C, type: TYPES.MSG_CUSTOM, payload: message.payload as Record<string, unknown>, time: Math.floor(platform.now() / 1000) })
        if (peer.online) peer.tim.receive([msg])
        else peer.inbox.push(msg)
      }
      return result
    }
    return side
  }
  const host = await open('host', 'anchor')
  const viewer = await open('viewer', 'audience')
  return { host, viewer }
}

/** IM reconnect of one side: tim reports the link back and delivers what waited (offline C2C pull). */
function reconnect(side: Side) {
  side.online = true
  side.tim.netState('connected')
  const waiting = side.inbox.splice(0)
  if (waiting.length > 0) side.tim.receive(waiting)
}

const types = (side: Side) => side.events.map((e) => e.type)

/** viewer requests, host accepts, the viewer's role switch runs. */
async function coHosting(host: Side, viewer: Side) {
  const request = await viewer.coHost.request('host')
  await flush()
  await host.coHost.accept(request.requestId)
  await flush()
  await flush()
  return request
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(async () => {
  for (const side of sides.values()) {
    side.coHost.destroy()
    await side.room.destroy()
  }
  sides.clear()
  unregisterIM()
})

describe('co-host flow between two rooms', () => {
  it('request → accept → the audience publishes → the anchor ends it', async () => {
    const { host, viewer } = await liveRooms()
    expect(viewer.room.state.pusher).toMatchObject({ enableCamera: false, enableMic: false })
    const request = await viewer.coHost.request('host', 'hi')
    await flush()
    expect(types(host)).toEqual(['request'])
    const incomingRequest = host.coHost.state.requests[0]
    expect(incomingRequest).toMatchObject({ requestId: request.requestId, userID: 'viewer', anchorID: 'host', reason: 'hi' })
    const store = useImStore()
    expect(store.room(host.room.key)!.coHost.requests.map((r) => r.requestId)).toEqual([request.requestId])
    expect(store.room(viewer.room.key)!.coHost.outgoing?.requestId).toBe(request.requestId)

    await host.coHost.accept(request.requestId)
    await flush()
    await flush()
    expect(types(viewer)).toEqual(['accepted'])
    expect(viewer.room.state.self.role).toBe('anchor')
    expect(viewer.room.state.pusher).toMatchObject({ enableCamera: true, enableMic: true })
    expect(store.room(host.room.key)!.coHost).toMatchObject({ requests: [], coHosts: ['viewer'] })
    expect(store.room(viewer.room.key)!.coHost).toMatchObject({ outgoing: null, coHosts: ['viewer'] })

    await host.coHost.end('viewer')
    await flush()
    await flush()
    expect(viewer.room.state.self.role).toBe('audience')
    expect(viewer.room.state.pusher).toMatchObject({ enableCamera: false, enableMic: false })
    expect(viewer.events.at(-1)).toMatchObject({ type: 'ended', userID: 'viewer', by: 'host' })
    expect(host.coHost.state.coHosts).toEqual([])
    expect(store.room(viewer.room.key)!.coHost.coHosts).toEqual([])
    // The audience's room never left: the role changed in place.
    expect(viewer.room.status).toBe('in_room')
  })

  it('a co-host steps down by itself: the anchor learns it', async () => {
    const { host, viewer } = await liveRooms()
    await coHosting(host, viewer)
    expect(viewer.room.state.self.role).toBe('anchor')
    await viewer.coHost.end()
    await until(() => host.events.at(-1)?.type === 'ended')
    expect(viewer.room.state.self.role).toBe('audience')
    expect(host.events.at(-1)).toMatchObject({ type: 'ended', userID: 'viewer', by: 'viewer' })
    expect(host.coHost.state.coHosts).toEqual([])
  })

  it('reject: the requester hears the reason, nothing is pending', async () => {
    const { host, viewer } = await liveRooms()
    const request = await viewer.coHost.request('host')
    await flush()
    await host.coHost.reject(request.requestId, 'full')
    await flush()
    expect(viewer.events.at(-1)).toMatchObject({ type: 'rejected', reason: 'full' })
    expect(viewer.coHost.state.outgoing).toBeNull()
    expect(viewer.room.state.self.role).toBe('audience')
    await expect(host.coHost.accept(request.requestId)).rejects.toMatchObject({ code: E.COHOST_STALE })
  })

  it('cancel: the anchor drops the request', async () => {
    const { host, viewer } = await liveRooms()
    await viewer.coHost.request('host')
    await flush()
    await viewer.coHost.cancel()
    await flush()
    expect(types(host)).toEqual(['request', 'cancelled'])
    expect(host.coHost.state.requests).toEqual([])
  })

  it('timeout: both sides drop it, a late accept gets -90604, a new request works', async () => {
    const { host, viewer } = await liveRooms({ timeoutMs: 5000 })
    const request = await viewer.coHost.request('host')
    await flush()
    platform.advance(5000)
    await flush()
    expect(viewer.events.at(-1)).toMatchObject({ type: 'timeout', code: E.COHOST_TIMEOUT })
    expect(host.events.at(-1)).toMatchObject({ type: 'timeout', code: E.COHOST_TIMEOUT })
    expect(host.coHost.state.requests).toEqual([])
    expect(viewer.coHost.state.outgoing).toBeNull()
    await expect(host.coHost.accept(request.requestId)).rejects.toMatchObject({ code: E.COHOST_STALE })
    await expect(host.coHost.reject('no-such-request')).rejects.toMatchObject({ code: E.COHOST_STALE })
    expect(viewer.room.state.self.role).toBe('audience')
    await viewer.coHost.request('host')
    await flush()
    expect(host.coHost.state.requests).toHaveLength(1)
  })

  it('reconnect: a request sent while the anchor was offline arrives after its reconnect (once)', async () => {
    const { host, viewer } = await liveRooms()
    host.online = false
    host.tim.netState('disconnected')
    const request = await viewer.coHost.request('host')
    platform.advance(10_000)
    reconnect(host)
    await flush()
    expect(host.coHost.state.requests.map((r) => r.requestId)).toEqual([request.requestId])
    // The pull delivers it again: no duplicate.
    host.tim.receive([incoming({ from: 'viewer', to: 'host', conversationType: TYPES.CONV_C2C, type: TYPES.MSG_CUSTOM, payload: { data: JSON.stringify({ businessID: COHOST_BUSINESS_ID, version: 1, type: 'request', requestId: request.requestId, from: 'viewer', to: 'host', roomID: '8888', ts: 0 }), description: COHOST_BUSINESS_ID, extension: '' }, time: Math.floor(platform.now() / 1000) })])
    expect(host.coHost.state.requests).toHaveLength(1)
    // The remaining 20 s still apply (the request is 10 s old by server time).
    platform.advance(20_000)
    await flush()
    expect(host.coHost.state.requests).toEqual([])
    expect(types(host)).toEqual(['request', 'timeout'])
  })

  it('reconnect after the deadline: request and timeout arrive together, nothing stays pending', async () => {
    const { host, viewer } = await liveRooms()
    host.online = false
    await viewer.coHost.request('host')
    platform.advance(30_000)
    await flush()
    expect(viewer.events.at(-1)).toMatchObject({ type: 'timeout' })
    reconnect(host)
    await flush()
    expect(host.coHost.state.requests).toEqual([])
    expect(types(host)).not.toContain('request')
  })

  it('co-hosting survives the IM reconnect of either side', async () => {
    const { host, viewer } = await liveRooms()
    await coHosting(host, viewer)
    viewer.online = false
    viewer.tim.netState('disconnected')
    await host.coHost.end('viewer')
    expect(viewer.room.state.self.role).toBe('anchor')
    reconnect(viewer)
    await flush()
    await flush()
    expect(viewer.room.state.self.role).toBe('audience')
    expect(viewer.coHost.state.coHosts).toEqual([])
  })
})

describe('co-host bad input', () => {
  it('wrong role or scene: -90605; a second request while one is pending: -90605', async () => {
    const { host, viewer } = await liveRooms()
    await expect(host.coHost.request('viewer')).rejects.toMatchObject({ code: E.COHOST_NOT_ALLOWED })
    await viewer.coHost.request('host')
    await expect(viewer.coHost.request('host')).rejects.toMatchObject({ code: E.COHOST_NOT_ALLOWED })
    await expect(viewer.coHost.accept('x')).rejects.toMatchObject({ code: E.COHOST_NOT_ALLOWED })
    await expect(viewer.coHost.end()).rejects.toMatchObject({ code: E.COHOST_STALE })
  })

  it('ignores messages of another business, a newer version, a forged sender or another room', async () => {
    const { host } = await liveRooms()
    const deliver = (data: object, from = 'viewer') =>
      host.tim.receive([incoming({ from, to: 'host', conversationType: TYPES.CONV_C2C, type: TYPES.MSG_CUSTOM, payload: { data: JSON.stringify(data), description: COHOST_BUSINESS_ID, extension: '' }, time: Math.floor(platform.now() / 1000) })])
    const good = { businessID: COHOST_BUSINESS_ID, version: 1, type: 'request', requestId: 'r1', from: 'viewer', to: 'host', roomID: '8888', ts: 0 }
    deliver({ ...good, businessID: 'av_live' })
    deliver({ ...good, version: 2 })
    deliver({ ...good, from: 'mallory' })
    deliver({ ...good, roomID: '9999' })
    deliver({ ...good, type: 'dance' })
    deliver({ ...good, requestId: 'r2' }, 'mallory')
    expect(host.coHost.state.requests).toEqual([])
    deliver(good)
    expect(host.coHost.state.requests.map((r) => r.requestId)).toEqual(['r1'])
    expect(parseCoHostMessage('not json')).toBeNull()
    expect(parseCoHostMessage(JSON.stringify({ ...good, type: 'end', requestId: undefined }))).toMatchObject({ type: 'end' })
  })
})

describe('audience count (IM on)', () => {
  it('comes from the AVChatRoom online count while joined; null after stop', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    try {
      platform = createFakePlatform()
      const mock = createTimMock()
      mock.server.addGroup('8888')
      const tim = mock.sdk.create({ SDKAppID: 1400000001 }) as FakeTim & { getGroupOnlineMemberCount(id: string): Promise<unknown> }
      let online = 1200
      const asked: string[] = []
      tim.getGroupOnlineMemberCount = async (groupID: string) => {
        asked.push(groupID)
        return { code: 0, data: { memberCount: online } }
      }
      registerIM(createTimImFactory(mock.sdk))
      const room = createRoom({ sdkAppID: 1400000001, userID: 'viewer', userSig: SIG, roomID: 8888, enableIM: true, scene: 'live', role: 'audience' }, platform, { key: 'count' })
      const imEvents: ImEvent[] = []
      room.onIM((e) => imEvents.push(e))
      room.attachPusher({ start() {}, stop() {}, pause() {}, resume() {}, switchCamera() {} })
      expect(useImStore().room('count')?.audienceCount ?? null).toBeNull()
      await room.start()
      await until(() => imEvents.some((e) => e.tag === 'join_group_event'))
      await until(() => useImStore().room('count')?.audienceCount === 1200)
      online = 1500
      vi.advanceTimersByTime(60_000)
      await until(() => useImStore().room('count')?.audienceCount === 1500)
      expect(asked).toEqual(['8888', '8888'])
      await room.destroy()
      expect(useImStore().room('count')?.audienceCount).toBeNull()
      vi.advanceTimersByTime(120_000)
      expect(asked).toHaveLength(2)
    } finally {
      vi.useRealTimers()
    }
  })
})

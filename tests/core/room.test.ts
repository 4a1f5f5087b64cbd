/**
 * The headless controller (core/room.ts) end to end over a fake platform: modern and legacy enter
 * flows, members and players from native codes, reconnect with backoff and give-up, pause/resume and
 * app hide/show, IM wiring through the registry, update(), stale async results, and leak checks.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { watch } from 'vue'
import { createController } from '../../uni_modules/webrtc-room/core/room'
import { IM_STOP_TIMEOUT_MS } from '../../uni_modules/webrtc-room/core/room-im'
import { createLiveTagsEngine } from '../../uni_modules/webrtc-room/engines/mp-weixin/live-tags-engine'
import { createRoom } from '../../uni_modules/webrtc-room/room-factory'
// The legacy flow is an opt-in entry: these tests drive it, so they install it (as an app's main.ts would).
import '../../uni_modules/webrtc-room/legacy'
import { RoomErrorCode, WebrtcRoomError } from '../../uni_modules/webrtc-room/core/error-codes'
import { registerIM, unregisterIM, type ImFactory, type ImRoomParams, type ImSession } from '../../uni_modules/webrtc-room/core/im-registry'
import { isLegalTransition } from '../../uni_modules/webrtc-room/core/room-state'
import type { EngineFactory, EngineSink, RoomEngine } from '../../uni_modules/webrtc-room/core/engine'
import type { ImEvent, RoomEvent, RoomOptions, RoomStatus } from '../../uni_modules/webrtc-room/core/types'
import { useRoomStore } from '../../uni_modules/webrtc-room/stores/room'
import { controllerCount, getController } from '../../uni_modules/webrtc-room/core/controllers'
import { useMediaCodesStore } from '../../uni_modules/webrtc-room/stores/media-codes'
import { createFakePlatform, flush, type FakePlatform } from '../helpers/fake-platform'

const BASE: RoomOptions = { sdkAppID: 1400000001, userID: 'me', userSig: 'eJyrVkrOz0ktUrJSSs7PLcgvSy1SSMsvykvMyVECAHIjCEk_', roomID: 1234 }

function fakePusher() {
  const calls: string[] = []
  const ctx = {
    calls,
    start: () => calls.push('start'),
    stop: () => calls.push('stop'),
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
    switchCamera: () => calls.push('switchCamera'),
  }
  return ctx
}

function fakePlayer() {
  const calls: string[] = []
  return { calls, play: () => calls.push('play'), stop: () => calls.push('stop') }
}

const list = (users: Array<Record<string, unknown>>) => JSON.stringify({ userlist: users })

function setup(options: Partial<RoomOptions> = {}, platform: FakePlatform = createFakePlatform(), engine?: EngineFactory) {
  const room = createRoom({ ...BASE, ...options }, platform, engine ? { engine } : {})
  const events: RoomEvent[] = []
  const statuses: RoomStatus[] = [room.status]
  // Every status the store goes through (sync watcher: no transition is missed).
  watch(() => useRoomStore().rooms[room.key]?.status, (status) => status && statuses.push(status), { flush: 'sync' })
  room.on((event) => events.push(event))
  const tags = () => events.map((e) => e.tag)
  const ofTag = (tag: string) => events.filter((e) => e.tag === tag)
  return { room, platform, events, tags, ofTag, statuses }
}

async function enterModern(options: Partial<RoomOptions> = {}) {
  const ctx = setup(options)
  const pusher = fakePusher()
  ctx.room.attachPusher(pusher)
  await ctx.room.start()
  ctx.platform.advance(0)
  ctx.room.onPusherStateChange({ code: 1018, message: 'enter room success' })
  return { ...ctx, pusher }
}

beforeEach(() => {
  setActivePinia(createPinia())
})

afterEach(() => {
  unregisterIM()
})

describe('modern flow', () => {
  it('start → URL with 0 requests → 1018 → members 1031..1034 → players 2003/2004 → stop', async () => {
    const { room, platform, events, tags, ofTag, pusher, statuses } = await enterModern()
    const store = useRoomStore()

    expect(platform.requests).toHaveLength(0)
    expect(room.pushURL).toMatch(/^room:\/\/cloud\.tencent\.com\/rtc\?sdkappid=1400000001&roomid=1234&userid=me&usersig=/)
    expect(store.rooms[room.key].self.pushURL).not.toContain(BASE.userSig) // redacted in the store
    expect(pusher.calls).toEqual(['start'])
    expect(room.status).toBe('in_room')
    expect(ofTag('enter_room')).toHaveLength(1)
    expect(ofTag('enter_room')[0].code).toBe(11)
    expect(platform.authorizeCalls).toEqual(['scope.camera', 'scope.record'])

    room.onPusherStateChange({ code: 1031, message: list([{ userid: 'alice' }, { userid: 'bob' }]) })
    expect(room.members.map((m) => m.userID)).toEqual(['alice', 'bob'])
    expect(store.members(room.key).map((m) => m.userID)).toEqual(['alice', 'bob'])
    expect(ofTag('member_join').map((e) => (e.detail as { userID: string }).userID)).toEqual(['alice', 'bob'])

    room.onPusherStateChange({ code: 1033, message: list([{ userid: 'alice', streamtype: 'main', hasvideo: 1, playurl: 'room://p/alice' }]) })
    room.onPusherStateChange({ code: 1034, message: list([{ userid: 'alice', hasaudio: 1, playurl: 'room://p/alice' }]) })
    const alice = store.rooms[room.key].members.alice
    expect(alice.streams.main).toMatchObject({ key: 'alice_main', playURL: 'room://p/alice', hasVideo: true, hasAudio: true, loading: true })

    const player = fakePlayer()
    room.attachPlayer('alice_main', player)
    room.onPlayerStateChange('alice', { code: 2003, message: 'first frame' })
    expect(store.rooms[room.key].members.alice.streams.main?.loading).toBe(false)
    room.onPlayerStateChange('alice', { code: 2007, message: 'loading' })
    expect(store.rooms[room.key].members.alice.streams.main?.loading).toBe(true)
    room.onPlayerStateChange('alice', { code: 2004, message: 'playing' })
    expect(store.rooms[room.key].members.alice.streams.main?.loading).toBe(false)
    expect(ofTag('play_state').map((e) => e.code)).toEqual([2003, 2007, 2004])

    room.onPusherNetStatus({ info: { videoBitrate: 400, netSpeed: 500 } })
    expect(store.rooms[room.key].self.net).toMatchObject({ videoBitrate: 400 })

    room.onPusherStateChange({ code: 1032, message: list([{ userid: 'bob' }]) })
    expect(room.members.map((m) => m.userID)).toEqual(['alice'])
    expect(store.rooms[room.key].members.bob).toBeUndefined()

    await room.stop()
    expect(room.status).toBe('exited')
    expect(tags().at(-1)).toBe('exit_room')
    expect(pusher.calls.at(-1)).toBe('stop')
    expect(player.calls).toContain('stop')
    expect(store.rooms[room.key].memberOrder).toEqual([])
    expect(platform.liveTimers()).toBe(0)
    expect(platform.liveListeners()).toBe(0)
    expect(room.pushURL).toBe('')
    expect(statuses).toEqual(['idle', 'preflight', 'entering', 'in_room', 'exited'])
    for (let i = 1; i < statuses.length; i++) expect(isLegalTransition(statuses[i - 1], statuses[i])).toBe(true)
    expect(events.length).toBe(store.rooms[room.key].events.length + ofTag('net_status').length + ofTag('network_quality').length)

    await room.stop() // idempotent
    expect(tags().filter((t) => t === 'exit_room')).toHaveLength(1)
  })

  it('autoplay tells the engine to play new streams once; playMember/stopMember drive the player', async () => {
    const calls: string[] = []
    // The live-tags engine (it translates the native events), with its calls recorded.
    const engine: EngineFactory = (env) => {
      const inner = createLiveTagsEngine(env)
      return {
        ...inner,
        name: 'recording',
        enter: (params, sink) => (calls.push('enter'), inner.enter(params, sink)),
        leave: () => (calls.push('leave'), inner.leave()),
        pusher: (c) => calls.push(`pusher:${c}`),
        player: (s, c) => calls.push(`player:${s.key}:${c}`),
        update: () => calls.push('update'),
        destroy: () => calls.push('destroy'),
      }
    }
    const { room, platform } = setup({ autoplay: true }, createFakePlatform(), engine)
    await room.start()
    room.onPusherStateChange({ code: 1018 })
    room.onPusherStateChange({ code: 1031, message: list([{ userid: 'a_b' }]) })
    room.onPusherStateChange({ code: 1033, message: list([{ userid: 'a_b', streamtype: 'main', hasvideo: 1, playurl: 'u' }]) })
    room.onPusherStateChange({ code: 1034, message: list([{ userid: 'a_b', hasaudio: 1, playurl: 'u' }]) })
    expect(calls.filter((c) => c.startsWith('player:'))).toEqual(['player:a_b_main:play'])
    room.stopMember('a_b')
    room.playMember('a_b')
    expect(calls.filter((c) => c.startsWith('player:'))).toEqual(['player:a_b_main:play', 'player:a_b_main:stop', 'player:a_b_main:play'])
    room.update({ muted: true })
    expect(calls.at(-1)).toBe('update')
    expect(useRoomStore().rooms[room.key].pusher?.muted).toBe(true)
    await room.destroy()
    expect(calls).toContain('leave')
    expect(calls.at(-1)).toBe('destroy')
    expect(platform.liveTimers()).toBe(0)
  })

  it('an H5-style engine reports through its sink; a dead session sink is ignored', async () => {
    let sink: EngineSink | null = null
    const engine: EngineFactory = () =>
      ({ name: 'web', enter: (_p, s) => (sink = s), leave() {}, pusher() {}, player() {}, update() {}, destroy() {} }) satisfies RoomEngine
    const { room, ofTag } = setup({}, createFakePlatform({ name: 'h5' }), engine)
    await room.start()
    const first = sink!
    first([{ type: 'entered', nativeCode: 0 }, { type: 'members_joined', userIDs: ['web1'] }])
    expect(room.status).toBe('in_room')
    expect(room.members.map((m) => m.userID)).toEqual(['web1'])
    await room.stop()
    await room.start()
    first([{ type: 'members_joined', userIDs: ['ghost'] }, { type: 'entered', nativeCode: 0 }])
    expect(room.status).toBe('entering')
    expect(room.members).toEqual([])
    sink!([{ type: 'entered', nativeCode: 0 }])
    expect(room.status).toBe('in_room')
    expect(ofTag('enter_room')).toHaveLength(2)
    await room.stop()
  })

  it('a bad prop is one error event, no push URL, nothing left running', async () => {
    const { room, platform, ofTag, events } = setup({ userID: 'bad user!' })
    await room.start()
    expect(events).toHaveLength(1)
    expect(ofTag('error')[0].code).toBe(RoomErrorCode.INVALID_USERID)
    expect(room.pushURL).toBe('')
    expect(room.status).toBe('error')
    expect(platform.liveListeners()).toBe(0)
    expect(platform.liveTimers()).toBe(0)
    expect(useMediaCodesStore().recent.at(-1)).toMatchObject({ code: RoomErrorCode.INVALID_USERID, en: 'invalid userID' })
  })

  it('preflight failures are one clear error: simulator, denied camera', async () => {
    const sim = setup({}, createFakePlatform({ system: { platform: 'devtools', SDKVersion: '3.0.0', version: '8.0.0' } }))
    await sim.room.start()
    expect(sim.ofTag('error').map((e) => e.code)).toEqual([RoomErrorCode.DEVTOOLS_SIMULATOR])
    const platform = createFakePlatform()
    platform.grants['scope.camera'] = false
    const denied = setup({}, platform)
    await denied.room.start()
    expect(denied.ofTag('error').map((e) => e.code)).toEqual([RoomErrorCode.CAMERA_PERMISSION_DENIED])
    expect(denied.room.pushURL).toBe('')
  })

  it('start twice is a warning, not a second session; calls in the wrong state are warnings', async () => {
    const { room, ofTag } = await enterModern()
    await room.start()
    room.resume()
    expect(ofTag('warning').map((e) => e.code)).toEqual([RoomErrorCode.INVALID_STATE, RoomErrorCode.INVALID_STATE])
    expect(ofTag('enter_room')).toHaveLength(1)
    await room.stop()
    room.pause()
    expect(ofTag('warning')).toHaveLength(3)
  })

  it('a throwing handler does not break the room or the other handlers', async () => {
    const platform = createFakePlatform()
    const room = createRoom(BASE, platform)
    const seen: string[] = []
    room.on(() => {
      throw new Error('app bug')
    })
    const off = room.on((e) => seen.push(e.tag))
    await room.start()
    room.onPusherStateChange({ code: 1018 })
    expect(seen).toContain('enter_room')
    off()
    room.onPusherStateChange({ code: 1031, message: list([{ userid: 'x' }]) })
    expect(seen).not.toContain('member_join')
    expect(platform.logs.some((l) => l.message.includes('handler threw'))).toBe(true)
    await room.destroy()
  })
})

describe('legacy flow (room signature)', () => {
  const ok = { statusCode: 200, data: { RspHead: { ErrorCode: 0 }, RspBody: { roomSig: 'abc', ts: 1 } } }

  it('old clients sign first, then push the legacy URL', async () => {
    const platform = createFakePlatform({ system: { platform: 'android', version: '7.0.3', SDKVersion: '2.9.0' } })
    platform.respond(ok)
    const { room, ofTag } = setup({ recordId: 7, privateMapKey: 'pmk*-_' }, platform)
    const pusher = fakePusher()
    room.attachPusher(pusher)
    await room.start()
    await flush()
    expect(platform.requests).toHaveLength(1)
    const req = platform.requests[0]
    expect(req.method).toBe('POST')
    expect(req.url).toMatch(/^https:\/\/official\.opensso\.tencent-cloud\.com\/v4\/openim\/jsonvideoapp\?sdkappid=1400000001&identifier=me&usersig=.+&random=\d+&contenttype=json$/)
    expect(req.data).toMatchObject({ ReqHead: { Cmd: 1, SeqNo: 1, BusType: 7, GroupId: 1234 }, ReqBody: { PrivMapEncrypt: 'pmk*-_' } })
    expect(room.pushURL).toBe(
      `room://cloud.tencent.com?sdkappid=1400000001&roomid=1234&userid=me&roomsig=${encodeURIComponent(JSON.stringify(ok.data.RspBody))}&bizbuf=${encodeURIComponent('{"Str_uc_params":{"record_id":7}}')}`,
    )
    expect(room.pushURL).not.toContain('pmk')
    expect(useRoomStore().rooms[room.key].enterMode).toBe('legacy')
    platform.advance(0)
    room.onPusherStateChange({ code: 1002 })
    expect(room.status).toBe('in_room')
    room.onPusherStateChange({ code: 1020, message: list([{ userid: 'old1', playurl: 'room://x/old1' }, { userid: 'me' }]) })
    expect(room.members.map((m) => m.userID)).toEqual(['old1'])
    expect(room.members[0].streams.main).toMatchObject({ playURL: 'room://x/old1', hasVideo: true, hasAudio: true })
    expect(ofTag('enter_room')).toHaveLength(1)
    await room.stop()
  })

  it('retries once after 1 s, then reports -9; useCloud false uses yun.tim.qq.com', async () => {
    const platform = createFakePlatform()
    platform.respond(new Error('net down'), { statusCode: 200, data: { RspHead: { ErrorCode: 70001, ErrorInfo: 'bad sig' } } })
    const { room, ofTag } = setup({ enterMode: 'legacy', useCloud: false }, platform)
    await room.start()
    await flush()
    expect(platform.requests).toHaveLength(1)
    expect(platform.requests[0].url).toMatch(/^https:\/\/yun\.tim\.qq\.com\//)
    expect(room.status).toBe('entering')
    platform.advance(999)
    expect(platform.requests).toHaveLength(1)
    platform.advance(1)
    await flush()
    expect(platform.requests).toHaveLength(2)
    expect(room.status).toBe('error')
    expect(ofTag('error')[0]).toMatchObject({ code: RoomErrorCode.ROOM_SIG_FAILED, detail: { message: 'bad sig', errorCode: 70001 } })
    expect(platform.liveTimers()).toBe(0)
    expect(platform.liveListeners()).toBe(0)
  })

  it('a signature answer arriving after stop is ignored', async () => {
    const platform = createFakePlatform()
    let release!: (r: { statusCode: number; data: unknown }) => void
    platform.respond(() => new Promise((resolve) => (release = resolve)) as never)
    const { room, tags } = setup({ enterMode: 'legacy' }, platform)
    await room.start()
    await flush()
    await room.stop()
    release(ok)
    await flush()
    expect(room.pushURL).toBe('')
    expect(room.status).toBe('exited')
    expect(tags()).toEqual(['exit_room'])
  })
})

describe('reconnect', () => {
  it('re-enters with exponential backoff on -1307 and 1021, then recovers', async () => {
    const { room, platform, pusher, ofTag } = await enterModern()
    room.onPusherStateChange({ code: 1031, message: list([{ userid: 'a' }]) })
    room.onPusherStateChange({ code: -1307, message: 'gave up' })
    expect(room.status).toBe('reconnecting')
    expect(room.members).toEqual([]) // members never kept across a re-enter
    expect(ofTag('reconnecting')[0].detail).toMatchObject({ attempt: 1, delayMs: 1000, nativeCode: -1307 })
    room.onPusherStateChange({ code: 1031, message: list([{ userid: 'stale' }]) })
    expect(room.members).toEqual([]) // native events while down are stale
    platform.advance(1000)
    expect(room.status).toBe('entering')
    platform.advance(0)
    expect(pusher.calls.filter((c) => c === 'start')).toHaveLength(2)
    room.onPusherStateChange({ code: 1021, message: 'network changed' })
    expect(ofTag('reconnecting')[1].detail).toMatchObject({ attempt: 2, delayMs: 2000, nativeCode: 1021 })
    platform.advance(2000)
    platform.advance(0)
    room.onPusherStateChange({ code: 1018 })
    expect(room.status).toBe('in_room')
    expect(ofTag('recovered')).toHaveLength(1)
    expect(ofTag('recovered')[0].detail).toMatchObject({ attempts: 2 })
    await room.stop()
    expect(platform.liveTimers()).toBe(0)
  })

  it('gives up with -6 after the bound', async () => {
    const { room, platform, ofTag } = await enterModern({ reconnect: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 250 } })
    const delays: number[] = []
    for (let i = 0; i < 3; i++) {
      room.onPusherStateChange({ code: -1307 })
      const detail = ofTag('reconnecting').at(-1)!.detail as { delayMs: number }
      delays.push(detail.delayMs)
      platform.advance(detail.delayMs)
      platform.advance(0)
      expect(room.status).toBe('entering')
    }
    expect(delays).toEqual([100, 200, 250])
    room.onPusherStateChange({ code: -1307 })
    expect(room.status).toBe('error')
    const error = ofTag('error')[0]
    expect(error.code).toBe(RoomErrorCode.PUSH_DISCONNECTED)
    expect(error.detail).toMatchObject({ nativeCode: -1307, gaveUp: true, attempts: 3 })
    expect(platform.liveTimers()).toBe(0)
    expect(platform.liveListeners()).toBe(0)
  })

  it('an enter timeout while re-entering counts as another lost connection', async () => {
    const { room, platform, ofTag } = await enterModern({ enterTimeout: 5000 })
    room.onPusherStateChange({ code: -1307 })
    platform.advance(1000)
    expect(room.status).toBe('entering')
    platform.advance(5000)
    expect(room.status).toBe('reconnecting')
    expect(ofTag('reconnecting')).toHaveLength(2)
    await room.stop()
  })

  it('reports ENTER_TIMEOUT when the first enter never gets 1018', async () => {
    const { room, platform, ofTag } = setup({ enterTimeout: 3000 })
    await room.start()
    platform.advance(3000)
    expect(ofTag('error').map((e) => e.code)).toEqual([RoomErrorCode.ENTER_TIMEOUT])
    expect(platform.liveTimers()).toBe(0)
  })
})

describe('pause / resume / app hide and show', () => {
  it('pauseOnHide: a browser tab keeps the call when hidden by default; the option overrides either way', async () => {
    const enterOn = async (platformName: string, options: Partial<RoomOptions> = {}) => {
      const ctx = setup(options, createFakePlatform({ name: platformName }))
      ctx.room.attachPusher(fakePusher())
      await ctx.room.start()
      ctx.platform.advance(0)
      ctx.room.onPusherStateChange({ code: 1018, message: 'enter room success' })
      expect(ctx.room.status).toBe('in_room')
      return ctx
    }
    const h5 = await enterOn('h5')
    h5.platform.hideApp()
    expect(h5.room.status).toBe('in_room')
    // backgroundPolicy 'keep' (the browser default): announced, nothing paused.
    expect(h5.ofTag('background').map((e) => e.detail)).toEqual([expect.objectContaining({ policy: 'keep' })])
    h5.platform.showApp()
    expect(h5.room.status).toBe('in_room')
    // Live update: the next hide pauses.
    h5.room.update({ pauseOnHide: true })
    h5.platform.hideApp()
    expect(h5.room.status).toBe('paused')
    h5.platform.showApp()
    expect(h5.room.status).toBe('in_room')

    const h5Opted = await enterOn('h5', { pauseOnHide: true })
    h5Opted.platform.hideApp()
    expect(h5Opted.room.status).toBe('paused')

    const mpOff = await enterOn('mp-weixin', { pauseOnHide: false })
    mpOff.platform.hideApp()
    expect(mpOff.room.status).toBe('in_room')
  })

  it('pause and resume drive the pusher; app hide/show pauses and resumes', async () => {
    const { room, platform, pusher, ofTag } = await enterModern()
    const store = useRoomStore()
    room.pause()
    expect(room.status).toBe('paused')
    expect(store.rooms[room.key].pusher?.paused).toBe(true)
    room.resume()
    expect(room.status).toBe('in_room')
    platform.hideApp()
    expect(room.status).toBe('paused')
    expect(ofTag('background')).toHaveLength(1)
    platform.showApp()
    expect(room.status).toBe('in_room')
    expect(ofTag('foreground')).toHaveLength(1)
    expect(pusher.calls).toEqual(['start', 'pause', 'resume', 'pause', 'resume'])
    // Paused by the app: showing the app does not resume it.
    room.pause()
    platform.hideApp()
    platform.showApp()
    expect(room.status).toBe('paused')
    room.switchCamera()
    expect(pusher.calls.at(-1)).toBe('switchCamera')
    expect(store.rooms[room.key].pusher?.devicePosition).toBe('back')
    await room.stop()
    platform.hideApp()
    expect(ofTag('background')).toHaveLength(2) // listeners gone after stop
  })

  it('stopped while hidden, started again in front: the new room is not paused', async () => {
    const { room, platform } = await enterModern()
    platform.hideApp()
    await room.stop() // e.g. the page stops the room in onHide; the later show is not observed
    platform.showApp()
    await room.start()
    platform.advance(0)
    room.onPusherStateChange({ code: 1018 })
    expect(room.status).toBe('in_room')
    platform.hideApp()
    expect(room.status).toBe('paused') // listeners are back
    await room.stop()
  })

  it('5000 (suspended) leaves the room', async () => {
    const { room, platform, ofTag } = await enterModern()
    room.onPusherStateChange({ code: 5000 })
    expect(room.status).toBe('exited')
    expect(ofTag('exit_room')[0].detail).toMatchObject({ reason: 'suspended', nativeCode: 5000 })
    expect(platform.liveListeners()).toBe(0)
  })

  it('-1301 and binderror 10001 are fatal with the original codes and the native one in detail', async () => {
    const a = await enterModern()
    a.room.onPusherStateChange({ code: -1301, message: 'camera' })
    expect(a.ofTag('error')[0]).toMatchObject({ code: -4, detail: { nativeCode: -1301 } })
    const b = await enterModern()
    b.room.onPusherError({ errCode: 10001, errMsg: 'no camera' })
    expect(b.ofTag('error')[0]).toMatchObject({ code: -7, detail: { nativeCode: 10001 } })
    expect(useMediaCodesStore().recent.map((r) => r.code)).toEqual([-4, -7])
    expect(useMediaCodesStore().recent[1].nativeCode).toBe(10001)
  })
})

describe('update()', () => {
  it('live props apply in place; identity props exit and re-enter', async () => {
    const { room, platform, ofTag } = await enterModern()
    const store = useRoomStore()
    const firstURL = room.pushURL
    room.update({ muted: true, beauty: 12, maxBitrate: 800 })
    expect(store.rooms[room.key].pusher).toMatchObject({ muted: true, beauty: 9, maxBitrate: 800 })
    expect(store.rooms[room.key].self.muted).toBe(true)
    expect(ofTag('warning').map((e) => e.code)).toEqual([RoomErrorCode.PROP_CLAMPED])
    expect(room.status).toBe('in_room')
    room.update({ minBitrate: 900 })
    expect(ofTag('warning').at(-1)!.code).toBe(RoomErrorCode.INVALID_BITRATE)
    room.update({ userID: 'me2' })
    expect(ofTag('exit_room').at(-1)!.detail).toMatchObject({ reason: 'identity_change' })
    await flush()
    expect(room.status).toBe('entering')
    expect(room.pushURL).not.toBe(firstURL)
    expect(room.pushURL).toContain('userid=me2')
    await room.stop()
    expect(platform.liveTimers()).toBe(0)
  })

  it('before start, update only changes what start will use', async () => {
    const { room, events } = setup()
    room.update({ roomID: 99, muted: true })
    expect(events).toEqual([])
    expect(useRoomStore().rooms[room.key].pusher?.muted).toBe(true)
    await room.start()
    expect(room.pushURL).toContain('roomid=99')
    await room.stop()
  })
})

// -------------------------------------------------------------------------------------------------
// IM

interface FakeSession extends ImSession {
  params: ImRoomParams
  emit(event: ImEvent): void
  resolveStart(): void
  rejectStart(err: unknown): void
  stopped: number
  sent: unknown[]
  listeners: number
}

function fakeIM(options: { sendError?: unknown } = {}) {
  const sessions: FakeSession[] = []
  const factory: ImFactory = (params) => {
    const handlers = new Set<(e: ImEvent) => void>()
    let resolveStart!: () => void
    let rejectStart!: (err: unknown) => void
    const started = new Promise<void>((res, rej) => {
      resolveStart = res
      rejectStart = rej
    })
    const session: FakeSession = {
      params,
      stopped: 0,
      sent: [],
      get listeners() {
        return handlers.size
      },
      start: () => started,
      async stop() {
        session.stopped += 1
        handlers.clear()
      },
      emit: (e) => handlers.forEach((h) => h(e)),
      resolveStart: () => resolveStart(),
      rejectStart: (err) => rejectStart(err),
      async sendC2CTextMsg(to, msg) {
        if (options.sendError) throw options.sendError
        session.sent.push(['c2c', to, msg])
        return { id: session.sent.length }
      },
      async sendC2CCustomMsg(to, msg) {
        session.sent.push(['c2c-custom', to, msg])
        return { id: session.sent.length }
      },
      async sendGroupTextMsg(msg) {
        session.sent.push(['group', msg])
        return { id: session.sent.length }
      },
      async sendGroupCustomMsg(msg) {
        session.sent.push(['group-custom', msg])
        return { id: session.sent.length }
      },
      on(handler) {
        handlers.add(handler)
        return () => handlers.delete(handler)
      },
    }
    sessions.push(session)
    return session
  }
  return { factory, sessions }
}

describe('IM wiring', () => {
  it('starts the registered session with the room params, forwards its events, delegates sends', async () => {
    const im = fakeIM()
    registerIM(im.factory)
    const { room } = await enterModern({ enableIM: true, userName: 'Me', roomID: 'team-a', imGroupType: 'ChatRoom' })
    const imEvents: ImEvent[] = []
    room.onIM((e) => imEvents.push(e))
    expect(im.sessions).toHaveLength(1)
    expect(im.sessions[0].params).toMatchObject({ roomKey: room.key, sdkAppID: 1400000001, userID: 'me', groupID: 'team-a', groupType: 'ChatRoom', nick: 'Me' })

    const early = room.sendGroupTextMsg('too early')
    await expect(early).rejects.toMatchObject({ code: RoomErrorCode.IM_NOT_READY })
    // A bad input is reported before "not ready": the clearer answer for the caller.
    await expect(room.sendC2CTextMsg('', 'hi')).rejects.toMatchObject({ code: RoomErrorCode.IM_INVALID_RECEIVER })
    await expect(room.sendGroupTextMsg('')).rejects.toMatchObject({ code: RoomErrorCode.IM_EMPTY_MESSAGE })
    await expect(room.sendGroupCustomMsg({ data: 5 } as never)).rejects.toMatchObject({ code: RoomErrorCode.IM_INVALID_DATA })

    im.sessions[0].resolveStart()
    await flush()
    im.sessions[0].emit({ tag: 'login_event', code: 0, detail: {} })
    expect(imEvents.map((e) => e.tag)).toEqual(['login_event'])

    const succ: unknown[] = []
    const res = await room.sendC2CTextMsg('bob', 'hi', (r) => succ.push(r))
    expect(res).toEqual({ id: 1 })
    expect(succ).toEqual([{ id: 1 }])
    await room.sendC2CCustomMsg('bob', { data: 'd', ext: 'e', desc: 'x' })
    await room.sendGroupTextMsg('all')
    await room.sendGroupCustomMsg({ data: '{}' })
    expect(im.sessions[0].sent).toEqual([
      ['c2c', 'bob', 'hi'],
      ['c2c-custom', 'bob', { data: 'd', ext: 'e', desc: 'x' }],
      ['group', 'all'],
      ['group-custom', { data: '{}' }],
    ])

    await room.stop()
    expect(im.sessions[0].stopped).toBe(1)
    im.sessions[0].emit({ tag: 'msg_notify', code: 0, detail: [] })
    expect(imEvents).toHaveLength(1) // nothing from a stopped session
  })

  it('session send errors reach fail(code, message) and the Promise', async () => {
    const im = fakeIM({ sendError: new WebrtcRoomError(RoomErrorCode.IM_MESSAGE_TOO_LONG, 'too long') })
    registerIM(im.factory)
    const { room } = await enterModern({ enableIM: true })
    im.sessions[0].resolveStart()
    await flush()
    const failed: Array<[number, string]> = []
    await expect(room.sendC2CTextMsg('bob', 'x', undefined, (c, m) => failed.push([c, m]))).rejects.toBeInstanceOf(WebrtcRoomError)
    expect(failed).toEqual([[RoomErrorCode.IM_MESSAGE_TOO_LONG, 'too long']])
    await room.stop()
  })

  it('enableIM false: sends fail with IM_DISABLED (callback and Promise), no session', async () => {
    const im = fakeIM()
    registerIM(im.factory)
    const { room } = await enterModern()
    const failed: number[] = []
    const p = room.sendGroupTextMsg('x', undefined, (code) => failed.push(code))
    await expect(p).rejects.toMatchObject({ code: RoomErrorCode.IM_DISABLED })
    expect(failed).toEqual([RoomErrorCode.IM_DISABLED])
    expect(im.sessions).toHaveLength(0)
    await room.stop()
  })

  it('enableIM without the IM entry: im-event error IM_NOT_INSTALLED, the room still works', async () => {
    const platform = createFakePlatform()
    const room = createRoom({ ...BASE, enableIM: true }, platform)
    const imEvents: ImEvent[] = []
    const warnings: RoomEvent[] = []
    room.onIM((e) => imEvents.push(e))
    room.on((e) => e.tag === 'warning' && warnings.push(e))
    await room.start()
    expect(imEvents).toMatchObject([{ tag: 'error', code: RoomErrorCode.IM_NOT_INSTALLED }])
    expect((imEvents[0].detail as { message: string }).message).toContain('uni_modules/webrtc-room/im')
    expect(warnings.map((w) => w.code)).toEqual([RoomErrorCode.IM_NOT_INSTALLED])
    expect(useMediaCodesStore().recent.map((r) => r.code)).toEqual([RoomErrorCode.IM_NOT_INSTALLED]) // recorded once
    room.onPusherStateChange({ code: 1018 })
    expect(room.status).toBe('in_room')
    await expect(room.sendGroupTextMsg('x')).rejects.toMatchObject({ code: RoomErrorCode.IM_NOT_INSTALLED })
    // Without the entry the input checks are not shipped either: not installed is the answer.
    const failed: number[] = []
    await expect(room.sendC2CTextMsg('', 'x', undefined, (code) => failed.push(code))).rejects.toMatchObject({ code: RoomErrorCode.IM_NOT_INSTALLED, detail: { method: 'sendC2CTextMsg' } })
    await expect(room.sendGroupCustomMsg({ data: 'd' }, undefined, (code) => failed.push(code))).rejects.toMatchObject({ code: RoomErrorCode.IM_NOT_INSTALLED })
    expect(failed).toEqual([RoomErrorCode.IM_NOT_INSTALLED, RoomErrorCode.IM_NOT_INSTALLED])
    room.update({ enableIM: false })
    await expect(room.sendC2CCustomMsg('bob', { data: 'd' }, undefined, (code) => failed.push(code))).rejects.toMatchObject({ code: RoomErrorCode.IM_DISABLED })
    expect(failed).toHaveLength(3)
    await room.stop()
  })

  it('an IM logout that never settles delays stop() by at most IM_STOP_TIMEOUT_MS; destroy cleans up at once', async () => {
    registerIM(() => ({
      start: async () => {},
      stop: () => new Promise<void>(() => {}),
      on: () => () => {},
      sendC2CTextMsg: async () => null,
      sendC2CCustomMsg: async () => null,
      sendGroupTextMsg: async () => null,
      sendGroupCustomMsg: async () => null,
    }))
    const platform = createFakePlatform()
    const room = createRoom({ ...BASE, enableIM: true }, platform, { key: 'im-hang' })
    await room.start()
    let stopped = false
    const stopping = room.destroy().then(() => (stopped = true))
    expect(useRoomStore().rooms['im-hang']).toBeUndefined()
    expect(getController('im-hang')).toBeUndefined()
    await flush()
    expect(stopped).toBe(false)
    platform.advance(IM_STOP_TIMEOUT_MS)
    await stopping
    expect(stopped).toBe(true)
    expect(platform.liveTimers()).toBe(0)
    expect(platform.logs.some((l) => l.message.includes('IM stop did not settle'))).toBe(true)
  })

  it('a failing IM login is an im error; update({enableIM}) starts and stops IM live', async () => {
    const im = fakeIM()
    registerIM(im.factory)
    const { room } = await enterModern()
    const imEvents: ImEvent[] = []
    room.onIM((e) => imEvents.push(e))
    room.update({ enableIM: true })
    expect(im.sessions).toHaveLength(1)
    im.sessions[0].rejectStart(Object.assign(new Error('sig expired'), { code: 70001 }))
    await flush()
    expect(imEvents).toMatchObject([{ tag: 'error', code: 70001, detail: { message: 'sig expired' } }])
    room.update({ enableIM: false })
    expect(im.sessions[0].stopped).toBe(1)
    await room.stop()
    expect(im.sessions[0].stopped).toBe(1)
  })
})

describe('leaks and registry', () => {
  it('1,000 start/stop cycles leave 0 timers, 0 listeners, 0 IM listeners', async () => {
    const platform = createFakePlatform()
    const im = fakeIM()
    registerIM(im.factory)
    const room = createRoom({ ...BASE, enableIM: true, enterTimeout: 10_000 }, platform)
    const pusher = fakePusher()
    room.attachPusher(pusher)
    let enters = 0
    room.on((e) => {
      if (e.tag === 'enter_room') enters++
    })
    for (let i = 0; i < 1000; i++) {
      const started = room.start()
      if (i % 3 === 0) await started // some cycles stop during preflight, some after the URL
      if (i % 3 === 1) {
        await started
        platform.advance(0)
        room.onPusherStateChange({ code: 1018 })
        platform.hideApp()
      }
      await room.stop()
    }
    await flush()
    expect(enters).toBe(333)
    expect(platform.liveTimers()).toBe(0)
    expect(platform.liveListeners()).toBe(0)
    expect(im.sessions).toHaveLength(1000)
    expect(im.sessions.every((s) => s.stopped === 1 && s.listeners === 0)).toBe(true)
    expect(useRoomStore().rooms[room.key].events.length).toBeLessThanOrEqual(200)
    await room.destroy()
  })

  it('destroy removes the room from the store and the registry', async () => {
    const before = controllerCount()
    const platform = createFakePlatform()
    const room = createRoom(BASE, platform, { key: 'my-room' })
    expect(room.key).toBe('my-room')
    expect(getController('my-room')).toBe(room)
    expect(useRoomStore().rooms['my-room'].status).toBe('idle')
    expect(room.state.status).toBe('idle')
    await room.start()
    await room.destroy()
    await room.destroy()
    expect(getController('my-room')).toBeUndefined()
    expect(useRoomStore().rooms['my-room']).toBeUndefined()
    expect(controllerCount()).toBe(before)
    expect(platform.liveListeners()).toBe(0)
    await room.start() // after destroy: a no-op, never a crash
    expect(platform.liveListeners()).toBe(0)
  })

  it('a remount reusing a key: destroying the old controller keeps the new one', async () => {
    const platform = createFakePlatform()
    const old = createRoom(BASE, platform, { key: 'same' })
    await old.start()
    const fresh = createRoom({ ...BASE, roomID: 2 }, platform, { key: 'same' })
    expect(platform.logs.some((l) => l.message.includes("key 'same' is taken"))).toBe(true)
    await old.destroy()
    expect(getController('same')).toBe(fresh)
    expect(useRoomStore().rooms.same).toMatchObject({ roomID: '2', status: 'idle' })
    await fresh.destroy()
    expect(getController('same')).toBeUndefined()
  })

  it('a preflight answer arriving after stop starts nothing', async () => {
    const platform = createFakePlatform()
    let grant!: (v: boolean) => void
    platform.authorize = () => new Promise((resolve) => (grant = resolve))
    const { room, tags } = setup({}, platform)
    void room.start()
    await flush()
    await room.stop()
    grant(true)
    await flush()
    expect(room.pushURL).toBe('')
    expect(tags()).toEqual(['exit_room'])
  })

  it('garbage options and a missing platform are typed errors, not crashes', async () => {
    expect(() => createController(BASE, undefined as never, { engine: createLiveTagsEngine })).toThrow(WebrtcRoomError)
    const platform = createFakePlatform()
    const room = createRoom(null as never, platform)
    const events: RoomEvent[] = []
    room.on((e) => events.push(e))
    await room.start()
    expect(events).toHaveLength(1)
    expect(events[0].tag).toBe('error')
    room.onPusherStateChange(undefined as never)
    room.onPlayerStateChange('x', null as never)
    room.update(null as never)
    expect(events).toHaveLength(1)
  })
})

describe('defensive paths', () => {
  it('works without an active Pinia (headless app): a private one is created', async () => {
    setActivePinia(undefined as never)
    const room = createRoom(BASE, createFakePlatform())
    expect(room.state.status).toBe('idle')
    expect(useRoomStore().rooms[room.key]).toBeDefined()
    await room.destroy()
  })

  it('throwing platform pieces (log sink, sync request, app listeners) never break the room', async () => {
    const platform = createFakePlatform()
    platform.log = () => {
      throw new Error('log sink down')
    }
    platform.request = () => {
      throw new Error('sync failure')
    }
    platform.onAppHide = () => {
      throw new Error('no onAppHide here')
    }
    const { room, ofTag } = setup({ enterMode: 'legacy', debug: true }, platform)
    await room.start()
    await flush()
    platform.advance(1000)
    await flush()
    expect(ofTag('error')[0]).toMatchObject({ code: RoomErrorCode.ROOM_SIG_FAILED, detail: { message: 'sync failure' } })
  })

  it('a throwing engine or IM session is contained', async () => {
    const engine: EngineFactory = () => ({
      name: 'broken',
      enter() {
        throw new Error('enter boom')
      },
      leave() {},
      pusher() {},
      player() {},
      update() {},
      destroy() {},
    })
    registerIM(() => {
      throw Object.assign(new Error('factory boom'), { code: RoomErrorCode.IM_LOGIN_FAILED })
    })
    const platform = createFakePlatform()
    const { room } = setup({ enableIM: true }, platform, engine)
    const imEvents: ImEvent[] = []
    room.onIM((e) => imEvents.push(e))
    await room.start()
    expect(imEvents).toMatchObject([{ tag: 'error', code: RoomErrorCode.IM_LOGIN_FAILED, detail: { message: 'factory boom' } }])
    expect(platform.logs.some((l) => l.message.includes('engine enter threw'))).toBe(true)
    await room.stop()

    const sessionStartThrows: ImFactory = () => ({
      start() {
        throw new Error('sync start boom')
      },
      stop: () => Promise.reject(new Error('stop boom')),
      on() {
        throw new Error('on boom')
      },
      sendC2CTextMsg: async () => null,
      sendC2CCustomMsg: async () => null,
      sendGroupTextMsg: async () => null,
      sendGroupCustomMsg: async () => null,
    })
    registerIM(sessionStartThrows)
    const second = setup({ enableIM: true }, createFakePlatform())
    const seen: ImEvent[] = []
    second.room.onIM(() => {
      throw new Error('handler boom')
    })
    second.room.onIM((e) => seen.push(e))
    await second.room.start()
    await flush()
    expect(seen).toMatchObject([{ tag: 'error', code: RoomErrorCode.IM_LOGIN_FAILED, detail: { message: 'sync start boom' } }])
    await expect(second.room.stop()).resolves.toBeUndefined()
  })
})

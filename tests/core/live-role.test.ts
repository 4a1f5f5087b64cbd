/**
 * Live scene on the controller (mp-weixin live-tags engine over a fake platform): the scene / role
 * props and their codes, the audience's pusher (no camera, no microphone, no permission prompt), and
 * role switches in the room that never leave it.
 */
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { publishes } from '../../uni_modules/webrtc-room/core/live-role'
import type { OptionIssue } from '../../uni_modules/webrtc-room/core/options'
// The live scene is an opt-in entry: importing it installs it (tests/core/live-missing.test.ts: without it).
import { anchorCount, anchorsOf, checkLive, isAnchor, MAX_ANCHORS } from '../../uni_modules/webrtc-room/live'
import { validateOptions } from '../../uni_modules/webrtc-room/core/options'
import { buildModernPushURL } from '../../uni_modules/webrtc-room/core/push-url'
import type { RoomEvent, RoomOptions } from '../../uni_modules/webrtc-room/core/types'
import { createRoom } from '../../uni_modules/webrtc-room/room-factory'
import { useRoomStore } from '../../uni_modules/webrtc-room/stores/room'
import { createFakePlatform, flush, type FakePlatform } from '../helpers/fake-platform'

const BASE: RoomOptions = { sdkAppID: 1400000001, userID: 'me', userSig: 'eJyrVkrOz0ktUrJSSs7PLcgvSy1SSMsvykvMyVECAHIjCEk_', roomID: 1234 }
const E = RoomErrorCode

function errorsOf(options: Partial<RoomOptions>) {
  const result = validateOptions({ ...BASE, ...options })
  return result.ok ? [] : result.errors.map((e) => [e.code, e.prop])
}

describe('scene / role validation', () => {
  it('defaults: rtc, anchor; live roles accepted', () => {
    const plain = validateOptions(BASE)
    expect(plain.ok && [plain.options.scene, plain.options.role]).toEqual(['rtc', 'anchor'])
    for (const role of ['anchor', 'audience'] as const) {
      const live = validateOptions({ ...BASE, scene: 'live', role })
      expect(live.ok && [live.options.scene, live.options.role]).toEqual(['live', role])
    }
    const noRole = validateOptions({ ...BASE, scene: 'live' })
    expect(noRole.ok && noRole.options.role).toBe('anchor')
  })

  it('bad input gets its own code', () => {
    expect(errorsOf({ role: 'audience' })).toEqual([[E.ROLE_NEEDS_LIVE, 'role']])
    expect(errorsOf({ scene: 'rtc', role: 'anchor' })).toEqual([[E.ROLE_NEEDS_LIVE, 'role']])
    expect(errorsOf({ scene: 'live', role: 'viewer' as never })).toEqual([[E.INVALID_ROLE, 'role']])
    expect(errorsOf({ scene: 'live', role: 7 as never })).toEqual([[E.INVALID_ROLE, 'role']])
    expect(errorsOf({ scene: 'broadcast' as never })).toEqual([[E.INVALID_PROP, 'scene']])
    expect(errorsOf({ scene: 'live', enterMode: 'legacy' })).toEqual([[E.INVALID_PROP, 'scene']])
  })

  it('checkLive and publishes agree for every combination', () => {
    for (const scene of [undefined, 'rtc', 'live'] as const) {
      for (const role of [undefined, 'anchor', 'audience'] as const) {
        const issues: OptionIssue[] = []
        const out = checkLive({ ...BASE, scene, role }, issues)
        if (issues.length === 0) expect(publishes(out)).toBe(!(scene === 'live' && role === 'audience'))
        else expect(scene !== 'live' && role !== undefined).toBe(true)
      }
    }
  })
})

describe('push URL', () => {
  it('live: appscene=live, byte-identical for anchor and audience; rtc keeps videocall', () => {
    const url = (o: Partial<RoomOptions>) => {
      const r = validateOptions({ ...BASE, ...o })
      if (!r.ok) throw new Error('invalid')
      return buildModernPushURL(r.options)
    }
    expect(url({})).toContain('&appscene=videocall&')
    const anchor = url({ scene: 'live', role: 'anchor' })
    expect(anchor).toContain('&appscene=live&')
    expect(url({ scene: 'live', role: 'audience' })).toBe(anchor)
    expect(url({ scene: 'live', roomID: 'show-1' })).toContain('strroomid=show-1&userid=me&usersig=')
  })
})

describe('anchors', () => {
  it('a member is an anchor while it publishes a stream', () => {
    const stream = (hasVideo: boolean, hasAudio: boolean) => ({ key: 'k', userID: 'a', streamType: 'main' as const, playURL: '', hasVideo, hasAudio, loading: false, playing: true, volume: 0, net: null, small: false })
    const m = { userID: 'a', joinedAt: 0, muteAudio: false, muteVideo: false, streamPref: 'auto' as const, volume: 0, speaking: false, quality: 0 as const }
    expect(isAnchor({ ...m, streams: {} })).toBe(false)
    expect(isAnchor({ ...m, streams: { main: stream(false, false) } })).toBe(false)
    expect(isAnchor({ ...m, streams: { main: stream(false, true) } })).toBe(true)
    expect(isAnchor({ ...m, streams: { aux: stream(true, false) } })).toBe(true)
  })
})

function fakePusher() {
  const calls: string[] = []
  return { calls, start: () => calls.push('start'), stop: () => calls.push('stop'), pause: () => calls.push('pause'), resume: () => calls.push('resume'), switchCamera: () => calls.push('switchCamera') }
}

async function liveRoom(options: Partial<RoomOptions>, platform: FakePlatform = createFakePlatform()) {
  const room = createRoom({ ...BASE, scene: 'live', ...options }, platform, {})
  const events: RoomEvent[] = []
  room.on((e) => events.push(e))
  const pusher = fakePusher()
  room.attachPusher(pusher)
  await room.start()
  platform.advance(1)
  room.onPusherStateChange({ code: 1018, message: 'entered' })
  return { room, platform, events, pusher, tags: () => events.map((e) => e.tag) }
}

/** 1031 + 1033 as live-pusher reports an anchor publishing video and audio. */
function announceAnchors(room: Awaited<ReturnType<typeof liveRoom>>['room'], ids: string[]) {
  const userlist = JSON.stringify({ userlist: ids.map((userid) => ({ userid, playurl: `room://p/${userid}`, streamtype: 'main', hasvideo: true, hasaudio: true })) })
  room.onPusherStateChange({ code: 1031, message: userlist })
  room.onPusherStateChange({ code: 1033, message: userlist })
  room.onPusherStateChange({ code: 1034, message: userlist })
}

describe('audience on mp-weixin', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('enters without asking for camera or microphone, with both off on the pusher', async () => {
    const { room, platform, pusher } = await liveRoom({ role: 'audience' })
    expect(platform.authorizeCalls).toEqual([])
    expect(room.status).toBe('in_room')
    expect(pusher.calls).toEqual(['start'])
    expect(room.pushURL).toContain('appscene=live')
    expect(room.state.pusher).toMatchObject({ enableCamera: false, enableMic: false })
    expect(room.state.self).toMatchObject({ role: 'audience', cameraOn: false })
    expect(room.state.scene).toBe('live')
  })

  it('an anchor asks for both scopes and publishes', async () => {
    const { room, platform } = await liveRoom({ role: 'anchor' })
    expect(platform.authorizeCalls).toEqual(['scope.camera', 'scope.record'])
    expect(room.state.pusher).toMatchObject({ enableCamera: true, enableMic: true })
    expect(room.state.self.role).toBe('anchor')
  })

  it('co-hosts and steps down in the room: scopes asked only when co-hosting, no exit_room, no pusher restart', async () => {
    const { room, platform, pusher, events, tags } = await liveRoom({ role: 'audience' })
    const url = room.pushURL
    room.update({ role: 'anchor' })
    // Until the scopes are granted the pusher stays silent.
    expect(room.state.pusher.enableMic).toBe(false)
    await flush()
    expect(platform.authorizeCalls).toEqual(['scope.camera', 'scope.record'])
    expect(room.state.pusher).toMatchObject({ enableCamera: true, enableMic: true })
    expect(room.state.self.role).toBe('anchor')
    expect(events.filter((e) => e.tag === 'self_update' && (e.detail as { role?: string }).role === 'anchor')).toHaveLength(1)

    room.update({ role: 'audience' })
    await flush()
    expect(room.state.pusher).toMatchObject({ enableCamera: false, enableMic: false })
    expect(room.state.self.role).toBe('audience')
    expect(platform.authorizeCalls).toHaveLength(2)

    expect(tags()).not.toContain('exit_room')
    expect(tags()).not.toContain('error')
    expect(room.status).toBe('in_room')
    expect(room.pushURL).toBe(url)
    expect(pusher.calls).toEqual(['start'])
  })

  it('enableCamera false: co-hosting asks for the microphone only and publishes audio', async () => {
    const { room, platform } = await liveRoom({ role: 'audience', enableCamera: false })
    room.update({ role: 'anchor' })
    await flush()
    expect(platform.authorizeCalls).toEqual(['scope.record'])
    expect(room.state.pusher).toMatchObject({ enableCamera: false, enableMic: true })
  })

  it('a denied scope keeps the audience role with -90603 and the prop reverts', async () => {
    const platform = createFakePlatform()
    platform.grants['scope.record'] = false
    const { room, events } = await liveRoom({ role: 'audience' }, platform)
    room.update({ role: 'anchor' })
    await flush()
    const warning = events.find((e) => e.tag === 'warning' && e.code === E.ROLE_SWITCH_FAILED)
    expect((warning?.detail as { message: string }).message).toContain('scope.record')
    expect(room.state.self.role).toBe('audience')
    expect(room.state.pusher.enableMic).toBe(false)
    expect(room.status).toBe('in_room')
    // Another prop change does not retry the switch behind the app's back.
    room.update({ beauty: 3 })
    await flush()
    expect(events.filter((e) => e.code === E.ROLE_SWITCH_FAILED)).toHaveLength(1)
  })

  it('over the anchor limit: co-hosting refused with -90602', async () => {
    const { room, platform, events } = await liveRoom({ role: 'audience' })
    announceAnchors(room, Array.from({ length: MAX_ANCHORS }, (_, i) => `a${i}`))
    expect(anchorCount(room.state)).toBe(MAX_ANCHORS)
    room.update({ role: 'anchor' })
    await flush()
    expect(events.filter((e) => e.code === E.ANCHOR_LIMIT)).toHaveLength(1)
    expect(platform.authorizeCalls).toEqual([])
    expect(room.state.self.role).toBe('audience')
  })

  it('one anchor fewer than the limit: co-hosting works', async () => {
    const { room } = await liveRoom({ role: 'audience' })
    announceAnchors(room, Array.from({ length: MAX_ANCHORS - 1 }, (_, i) => `a${i}`))
    room.update({ role: 'anchor' })
    await flush()
    expect(room.state.self.role).toBe('anchor')
  })

  it('role in the rtc scene via update: warning, room unchanged', async () => {
    const platform = createFakePlatform()
    const room = createRoom(BASE, platform, {})
    const events: RoomEvent[] = []
    room.on((e) => events.push(e))
    room.attachPusher(fakePusher())
    await room.start()
    room.update({ role: 'audience' })
    expect(events.filter((e) => e.tag === 'warning').map((e) => e.code)).toContain(E.ROLE_NEEDS_LIVE)
    expect(room.state.self.role).toBe('anchor')
  })

  it('role survives a reconnect: the re-entered session keeps co-hosting', async () => {
    const { room, platform } = await liveRoom({ role: 'audience' })
    room.update({ role: 'anchor' })
    await flush()
    room.onPusherStateChange({ code: -1307, message: 'lost' })
    expect(room.status).toBe('reconnecting')
    platform.advance(60_000)
    room.onPusherStateChange({ code: 1018, message: 'entered' })
    expect(room.status).toBe('in_room')
    expect(room.state.self.role).toBe('anchor')
    expect(room.state.pusher).toMatchObject({ enableCamera: true, enableMic: true })
  })

  it('changing the scene in the room re-enters (new URL)', async () => {
    const { room, tags } = await liveRoom({ role: 'audience' })
    room.update({ scene: 'rtc', role: undefined })
    expect(tags()).toContain('exit_room')
    await flush()
    expect(room.pushURL).toContain('appscene=videocall')
    expect(room.state.self.role).toBe('anchor')
  })
})

describe('anchorsOf (live entry) over the room store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('anchorsOf(store.room(key)) lists the publishing members only', async () => {
    const { room } = await liveRoom({ role: 'audience' })
    announceAnchors(room, ['host1', 'host2'])
    room.onPusherStateChange({ code: 1031, message: JSON.stringify({ userlist: [{ userid: 'silent' }] }) })
    const store = useRoomStore()
    expect(store.members(room.key).map((m) => m.userID)).toEqual(['host1', 'host2', 'silent'])
    expect(anchorsOf(store.room(room.key)).map((m) => m.userID)).toEqual(['host1', 'host2'])
    expect(anchorCount(store.room(room.key)!)).toBe(2)
    expect(anchorsOf(store.room('nope'))).toEqual([])
  })
})

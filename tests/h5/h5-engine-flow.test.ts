/**
 * The H5 engine driven by the real controller and reducer, with trtc-sdk-v5 replaced by a fake:
 * enter, local media, remote members and streams, live prop changes, leave. Errors are in
 * h5-engine-errors.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { RoomStatusCode } from '../../uni_modules/webrtc-room/core/status-codes'
import { useRoomStore } from '../../uni_modules/webrtc-room/stores/room'
import { createH5Room, joinPublishing, settle, startAndEnter } from './helpers/h5-room'
import { deferred } from './helpers/fake-trtc'

describe('H5 engine: entering', () => {
  it('enters with the room identity and reports enter_room', async () => {
    const h5 = createH5Room({ privateMapKey: 'pmk-test', recordId: 77 })
    await startAndEnter(h5)
    const client = h5.sdk.client
    expect(client.callsOf('enterRoom')).toEqual([[{
      sdkAppId: 1400000001,
      userId: 'me',
      userSig: 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1OKS1VIK8QNQ-',
      roomId: 1234,
      privateMapKey: 'pmk-test',
      userDefineRecordId: '77',
      autoReceiveAudio: true,
      autoReceiveVideo: false,
      enableAutoPlayDialog: false,
    }]])
    expect(h5.room.status).toBe('in_room')
    expect(h5.tagged('enter_room')).toHaveLength(1)
    expect(h5.tagged('error')).toEqual([])
  })

  it('uses strRoomId for a string room id and leaves privateMapKey out when empty', async () => {
    const h5 = createH5Room({ roomID: 'team-standup' })
    await startAndEnter(h5)
    const [config] = h5.sdk.client.callsOf('enterRoom')[0] as [Record<string, unknown>]
    expect(config.strRoomId).toBe('team-standup')
    expect(config).not.toHaveProperty('roomId')
    expect(config).not.toHaveProperty('privateMapKey')
  })

  it('sets the SDK log level from debug (DEBUG) or silent (NONE: its ERROR lines carry the userSig)', async () => {
    for (const [debug, level] of [[true, 1], [false, 5]] as const) {
      const h5 = createH5Room({ debug })
      const levels: number[] = []
      h5.sdk.setLogLevel = (l: number) => { levels.push(l) }
      await startAndEnter(h5)
      expect(levels).toEqual([level])
    }
  })

  it('loads the SDK only when a room starts', async () => {
    const h5 = createH5Room()
    await settle()
    expect(h5.loads).toBe(0)
    await startAndEnter(h5)
    expect(h5.loads).toBe(1)
  })

  it('starts camera and mic while entering, so a slow enter still shows the preview', async () => {
    const h5 = createH5Room()
    const enter = deferred()
    h5.sdk.prepare = (client) => client.behaviour.set('enterRoom', enter)
    const local = h5.mountLocal()
    await h5.room.start()
    await settle()
    expect(h5.room.status).toBe('entering')
    const client = h5.sdk.client
    expect(client.callsOf('startLocalVideo')).toEqual([[{ view: local, publish: true, mute: false, option: { profile: { width: 360, height: 640, frameRate: 15, bitrate: 400 }, mirror: 'view' } }]])
    expect(client.callsOf('startLocalAudio')).toEqual([[{ publish: true, mute: false }]])
    enter.resolve()
    await settle()
    expect(h5.room.status).toBe('in_room')
  })

  it('plays the preview into the pusher view once it mounts', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    expect((client.callsOf('startLocalVideo')[0][0] as { view: unknown }).view).toBeNull()
    const view = h5.mountLocal()
    expect(client.callsOf('updateLocalVideo')).toEqual([[{ view }]])
  })

  it('publishes audio only when enableCamera is false or in a pure-audio push mode', async () => {
    for (const options of [{ enableCamera: false }, { pureAudioPushMod: 1 as const }]) {
      const h5 = createH5Room(options)
      await startAndEnter(h5)
      expect(h5.sdk.client.callsOf('startLocalVideo')).toEqual([])
      expect(h5.sdk.client.callsOf('startLocalAudio')).toHaveLength(1)
    }
  })

  it('warns once that beauty / whiteness are ignored in the browser', async () => {
    const h5 = createH5Room({ beauty: 5, whiteness: 3 })
    await startAndEnter(h5)
    const ignored = h5.tagged('warning').filter((e) => e.code === RoomErrorCode.BROWSER_FEATURE_IGNORED)
    expect(ignored.map((e) => (e.detail as { message: string }).message)).toEqual([
      expect.stringContaining('beauty=5'),
      expect.stringContaining('whiteness=3'),
    ])
  })
})

describe('H5 engine: remote members', () => {
  it('maps a remote user through join, streams, first frame and leave into the room store', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    const store = useRoomStore()
    const key = h5.room.key

    client.emit('remote-user-enter', { userId: 'alice' })
    expect(h5.tagged('member_join').map((e) => e.detail)).toEqual([{ userID: 'alice' }])

    client.emit('remote-audio-available', { userId: 'alice' })
    client.emit('remote-video-available', { userId: 'alice', streamType: 'main' })
    expect(store.rooms[key].members.alice.streams.main).toMatchObject({ hasAudio: true, hasVideo: true, loading: true, playing: true })
    // Video waits for the player view; audio is already received (autoplay).
    expect(client.callsOf('startRemoteVideo')).toEqual([])
    const view = h5.mountRemote('alice')
    expect(client.callsOf('startRemoteVideo')).toEqual([[{ userId: 'alice', streamType: 'main', view, option: { fillMode: 'cover' } }]])

    client.emit('first-video-frame', { userId: 'alice', streamType: 'main', width: 360, height: 640 })
    expect(store.rooms[key].members.alice.streams.main?.loading).toBe(false)

    client.emit('remote-user-exit', { userId: 'alice' })
    expect(h5.tagged('member_leave').map((e) => e.detail)).toEqual([{ userID: 'alice', reason: 'left' }])
    expect(store.rooms[key].members.alice).toBeUndefined()
    // TRTC already dropped the gone user's video: no stopRemoteVideo on a user that no longer exists.
    expect(client.callsOf('stopRemoteVideo')).toEqual([])
  })

  it("one user leaving never touches another user's stream with a similar id", async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    for (const userId of ['bob', 'bob_x']) {
      client.emit('remote-user-enter', { userId })
      client.emit('remote-video-available', { userId, streamType: 'main' })
      h5.mountRemote(userId)
    }
    client.emit('remote-user-exit', { userId: 'bob' })
    h5.room.stopMember('bob_x')
    expect(client.callsOf('stopRemoteVideo')).toEqual([[{ userId: 'bob_x', streamType: 'main' }]])
  })

  it('unmutes a user once however many events arrive, and stopMember mutes even while audio is away', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    joinPublishing(client, 'gina')
    expect(client.callsOf('muteRemoteAudio')).toEqual([['gina', false]])
    client.emit('remote-audio-unavailable', { userId: 'gina' })
    h5.room.stopMember('gina')
    // TRTC keeps the mute: audio that comes back stays off until playMember.
    expect(client.callsOf('muteRemoteAudio')).toEqual([['gina', false], ['gina', true]])
    h5.room.playMember('gina')
    client.emit('remote-audio-available', { userId: 'gina' })
    expect(client.callsOf('muteRemoteAudio')).toEqual([['gina', false], ['gina', true], ['gina', false]])
  })

  it('plays a screen share (sub) stream as the aux stream', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    client.emit('remote-user-enter', { userId: 'bob' })
    client.emit('remote-video-available', { userId: 'bob', streamType: 'sub' })
    const view = h5.mountRemote('bob', 'aux')
    expect(client.callsOf('startRemoteVideo')).toEqual([[{ userId: 'bob', streamType: 'sub', view, option: { fillMode: 'contain' } }]])
  })

  it('starts video that arrives after audio on a stream already playing, and again after it paused', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    h5.mountRemote('carol')
    client.emit('remote-user-enter', { userId: 'carol' })
    client.emit('remote-audio-available', { userId: 'carol' })
    expect(client.callsOf('startRemoteVideo')).toEqual([])
    client.emit('remote-video-available', { userId: 'carol', streamType: 'main' })
    expect(client.callsOf('startRemoteVideo')).toHaveLength(1)
    client.emit('remote-video-unavailable', { userId: 'carol', streamType: 'main' })
    client.emit('remote-video-available', { userId: 'carol', streamType: 'main' })
    expect(client.callsOf('startRemoteVideo')).toHaveLength(2)
  })

  it('with autoplay off, receives nothing until playMember, and stops on stopMember', async () => {
    const h5 = createH5Room({ autoplay: false })
    await startAndEnter(h5)
    const client = h5.sdk.client
    expect((client.callsOf('enterRoom')[0][0] as { autoReceiveAudio: boolean }).autoReceiveAudio).toBe(false)
    h5.mountRemote('dave')
    client.emit('remote-user-enter', { userId: 'dave' })
    client.emit('remote-audio-available', { userId: 'dave' })
    client.emit('remote-video-available', { userId: 'dave', streamType: 'main' })
    expect(client.callsOf('startRemoteVideo')).toEqual([])
    expect(client.callsOf('muteRemoteAudio')).toEqual([])

    h5.room.playMember('dave')
    expect(client.callsOf('startRemoteVideo')).toHaveLength(1)
    expect(client.callsOf('muteRemoteAudio')).toEqual([['dave', false]])

    h5.room.stopMember('dave')
    expect(client.callsOf('stopRemoteVideo')).toEqual([[{ userId: 'dave', streamType: 'main' }]])
    expect(client.callsOf('muteRemoteAudio')).toEqual([['dave', false], ['dave', true]])
  })

  it('maps network quality to net_status and kicked-out to an error with detail.kicked', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    client.emit('network-quality', { uplinkNetworkQuality: 2, downlinkNetworkQuality: 1, uplinkRTT: 30, uplinkLoss: 0, downlinkRTT: 30, downlinkLoss: 0 })
    expect(h5.tagged('net_status')[0].detail).toMatchObject({ userID: 'me', info: { uplinkQuality: 2 } })
    client.emit('kicked-out', { reason: 'kick' })
    expect(h5.tagged('error')[0]).toMatchObject({ code: RoomErrorCode.JOIN_ROOM_FAILED, detail: { kicked: true } })
    expect(h5.room.status).toBe('error')
    await settle()
    // The camera preview stays on after the error (the mic stops); stop() releases it.
    expect(client.destroyed).toBe(false)
    expect(client.callsOf('stopLocalVideo')).toHaveLength(0)
    expect(client.callsOf('stopLocalAudio')).toHaveLength(1)
    h5.room.stop()
    await settle()
    expect(client.destroyed).toBe(true)
    expect(client.callsOf('stopLocalVideo')).toHaveLength(1)
  })

  it('merges network quality and statistics into one local net info', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    client.emit('network-quality', { uplinkNetworkQuality: 1, downlinkNetworkQuality: 2, uplinkRTT: 20, uplinkLoss: 0, downlinkRTT: 25, downlinkLoss: 1 })
    client.emit('statistics', { rtt: 22, upLoss: 0, localStatistics: { audio: { bitrate: 40 }, video: [{ bitrate: 380, frameRate: 15, width: 360, height: 640 }] }, remoteStatistics: [] })
    expect(useRoomStore().rooms[h5.room.key].self.net).toEqual({
      uplinkQuality: 1, downlinkQuality: 2, uplinkRTT: 20, uplinkLoss: 0, downlinkRTT: 25, downlinkLoss: 1,
      videoBitrate: 380, audioBitrate: 40, videoFPS: 15, videoWidth: 360, videoHeight: 640, rtt: 22, upLoss: 0,
    })
  })

  it('warns when autoplay is blocked and resumes on the next tap', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    let resumed = 0
    h5.sdk.client.emit('autoplay-failed', { userId: 'erin', mediaType: 'audio', resume: async () => { resumed += 1 } })
    expect(h5.tagged('warning').map((e) => e.code)).toContain(RoomErrorCode.AUTOPLAY_BLOCKED)
    expect(resumed).toBe(0)
    h5.browser.tap()
    await settle(1)
    expect(resumed).toBe(1)
    h5.browser.tap()
    expect(resumed).toBe(1)
  })
})

describe('H5 engine: live changes and leaving', () => {
  it('applies muted and enableCamera live', async () => {
    const h5 = createH5Room({ muted: true })
    await startAndEnter(h5)
    const client = h5.sdk.client
    expect(client.callsOf('startLocalAudio')).toEqual([[{ publish: true, mute: true }]])
    h5.room.update({ muted: false })
    expect(client.callsOf('updateLocalAudio')).toContainEqual([{ mute: false }])
    h5.room.update({ enableCamera: false })
    expect(client.callsOf('stopLocalVideo')).toHaveLength(1)
    h5.room.update({ enableCamera: true })
    expect(client.callsOf('startLocalVideo')).toHaveLength(2)
  })

  it('a camera switched off while opening is not reported as a device failure', async () => {
    const h5 = createH5Room()
    const opening = deferred()
    h5.sdk.prepare = (client) => client.behaviour.set('startLocalVideo', opening)
    await startAndEnter(h5)
    h5.room.update({ enableCamera: false })
    opening.reject(Object.assign(new Error('Could not start video source'), { name: 'NotReadableError' }))
    await settle()
    expect(h5.tagged('error')).toEqual([])
    expect(h5.room.status).toBe('in_room')
  })

  it('a pause that arrives while the camera opens is applied once it is open', async () => {
    const h5 = createH5Room()
    const opening = deferred()
    h5.sdk.prepare = (client) => client.behaviour.set('startLocalVideo', opening)
    await startAndEnter(h5)
    h5.room.pause()
    opening.resolve()
    await settle()
    expect(h5.sdk.client.callsOf('updateLocalVideo')).toContainEqual([{ mute: true }])
  })

  it('updates the video profile when bitrate or aspect change', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    h5.room.update({ maxBitrate: 800, aspect: '3:4' })
    expect(h5.sdk.client.callsOf('updateLocalVideo')).toContainEqual([{ option: { profile: { width: 480, height: 640, frameRate: 15, bitrate: 800 } } }])
  })

  it('pause / resume mute and unmute what is published', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    h5.room.pause()
    expect(client.callsOf('updateLocalVideo')).toContainEqual([{ mute: true }])
    expect(client.callsOf('updateLocalAudio')).toContainEqual([{ mute: true }])
    h5.room.resume()
    expect(client.callsOf('updateLocalVideo')).toContainEqual([{ mute: false }])
    expect(client.callsOf('updateLocalAudio')).toContainEqual([{ mute: false }])
  })

  it('a hidden tab keeps publishing by default (pauseOnHide false in a browser)', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    h5.platform.hideApp()
    expect(h5.room.status).toBe('in_room')
    expect(client.callsOf('updateLocalVideo')).not.toContainEqual([{ mute: true }])
    h5.platform.showApp()
    expect(h5.room.status).toBe('in_room')
  })

  it('with pauseOnHide the page hidden (uni reports a hidden tab as app hide) pauses publishing, shown again resumes it', async () => {
    const h5 = createH5Room({ pauseOnHide: true })
    await startAndEnter(h5)
    const client = h5.sdk.client
    h5.platform.hideApp()
    expect(h5.room.status).toBe('paused')
    expect(client.callsOf('updateLocalVideo')).toContainEqual([{ mute: true }])
    h5.platform.showApp()
    expect(h5.room.status).toBe('in_room')
    expect(client.callsOf('updateLocalVideo')).toContainEqual([{ mute: false }])
  })

  it('switchCamera cycles the video inputs', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    h5.room.switchCamera()
    await settle()
    expect(client.callsOf('updateLocalVideo')).toContainEqual([{ option: { cameraId: 'cam-back' } }])
    h5.room.switchCamera()
    await settle()
    expect(client.callsOf('updateLocalVideo')).toContainEqual([{ option: { cameraId: 'cam-front' } }])
  })

  it('switchCamera with a single camera is a warning, not a failure', async () => {
    const h5 = createH5Room()
    h5.sdk.cameras = [{ deviceId: 'only' }]
    await startAndEnter(h5)
    h5.room.switchCamera()
    await settle()
    expect(h5.tagged('warning').at(-1)).toMatchObject({ code: RoomErrorCode.BROWSER_FEATURE_IGNORED })
    expect(h5.room.status).toBe('in_room')
  })

  it('a camera that will not switch is a warning; the current camera keeps running', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    h5.sdk.client.updateLocalVideo = async () => {
      throw Object.assign(new Error('Could not start video source'), { name: 'NotReadableError' })
    }
    h5.room.switchCamera()
    await settle()
    expect(h5.tagged('warning').at(-1)).toMatchObject({ code: RoomErrorCode.CAMERA_OPEN_FAILED })
    expect(h5.tagged('error')).toEqual([])
    expect(h5.room.status).toBe('in_room')
  })

  it('camera off and on again while the first start is still pending ends with one running camera', async () => {
    const h5 = createH5Room()
    const first = deferred()
    h5.sdk.prepare = (client) => client.behaviour.set('startLocalVideo', first)
    await startAndEnter(h5)
    const client = h5.sdk.client
    h5.room.update({ enableCamera: false })
    client.behaviour.delete('startLocalVideo')
    h5.room.update({ enableCamera: true })
    await settle()
    first.resolve()
    await settle()
    expect(client.callsOf('startLocalVideo')).toHaveLength(2)
    // The camera counts as on (the second start): switching works instead of "not running".
    h5.room.switchCamera()
    await settle()
    expect(client.callsOf('updateLocalVideo')).toContainEqual([{ option: { cameraId: 'cam-back' } }])
  })

  it('stop() releases everything: capture, room, listeners, SDK instance, pending view waits', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    client.emit('remote-user-enter', { userId: 'frank' })
    client.emit('remote-video-available', { userId: 'frank', streamType: 'main' })
    expect(h5.browser.pendingWatchers).toBe(2) // local preview + frank's view
    await h5.room.stop()
    await settle()
    expect(client.callsOf('stopLocalVideo')).toHaveLength(1)
    expect(client.callsOf('stopLocalAudio')).toHaveLength(1)
    expect(client.callsOf('exitRoom')).toHaveLength(1)
    expect(client.destroyed).toBe(true)
    expect(client.listenerCount()).toBe(0)
    expect(h5.browser.pendingWatchers).toBe(0)
    expect(h5.tagged('exit_room')).toHaveLength(1)
    // A late event of the finished session changes nothing.
    client.emit('remote-user-enter', { userId: 'late' })
    expect(h5.tagged('member_join').map((e) => (e.detail as { userID: string }).userID)).toEqual(['frank'])
  })

  it('SDK calls failing while leaving (rejecting or throwing) are logged, never unhandled, and destroy still runs', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    client.behaviour.set('exitRoom', new Error('exitRoom: not in room'))
    client.stopLocalVideo = () => {
      throw new Error('stopLocalVideo: no track')
    }
    await h5.room.stop()
    await settle()
    expect(client.destroyed).toBe(true)
    const failures = h5.platform.logs.filter((l) => l.message.includes('[h5 engine]')).map((l) => l.message)
    expect(failures).toEqual(expect.arrayContaining(['[h5 engine] exitRoom failed', '[h5 engine] stopLocalVideo failed']))
    expect(h5.room.status).toBe('exited')
  })

  it('stop() while the SDK is still loading never creates a client', async () => {
    let release!: () => void
    const h5 = createH5Room({}, (sdk) => () => new Promise((resolve) => { release = () => resolve(sdk) }))
    await h5.room.start()
    await settle()
    await h5.room.stop()
    release()
    await settle()
    expect(h5.sdk.clients).toEqual([])
    expect(h5.room.status).toBe('exited')
  })

  it('re-enters on a fresh client after the SDK gives up rejoining', async () => {
    const h5 = createH5Room({ reconnect: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 } })
    await startAndEnter(h5)
    const first = h5.sdk.client
    first.emit('error', Object.assign(new Error('rejoin failed'), { code: 5500, extraCode: 5502 }))
    const [reconnecting] = h5.tagged('reconnecting') as Array<{ detail: { delayMs: number } }>
    await settle()
    expect(first.destroyed).toBe(true)
    h5.platform.advance(reconnecting.detail.delayMs)
    await settle()
    expect(h5.sdk.clients).toHaveLength(2)
    expect(h5.room.status).toBe('in_room')
    expect(h5.tagged('recovered')).toHaveLength(1)
  })
})

describe('H5 engine: pause / resume', () => {
  it('pause() stops remote video and audio as well as the local capture; resume() brings them back', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    joinPublishing(client, 'alice')
    const view = h5.mountRemote('alice')
    expect(client.callsOf('startRemoteVideo')).toHaveLength(1)
    h5.room.pause()
    expect(client.callsOf('stopRemoteVideo')).toEqual([[{ userId: 'alice', streamType: 'main' }]])
    expect(client.callsOf('muteRemoteAudio')).toEqual([['alice', false], ['alice', true]])
    // Nothing new starts while paused.
    client.emit('remote-video-unavailable', { userId: 'alice', streamType: 'main' })
    client.emit('remote-video-available', { userId: 'alice', streamType: 'main' })
    expect(client.callsOf('startRemoteVideo')).toHaveLength(1)
    h5.room.resume()
    expect(client.callsOf('startRemoteVideo')).toEqual([
      [{ userId: 'alice', streamType: 'main', view, option: { fillMode: 'cover' } }],
      [{ userId: 'alice', streamType: 'main', view, option: { fillMode: 'cover' } }],
    ])
    expect(client.callsOf('muteRemoteAudio')).toEqual([['alice', false], ['alice', true], ['alice', false]])
  })
})

describe('H5 engine: push status codes', () => {
  it('14 while reconnecting, 10 when published, 15 on the first local frame', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    const codes = () => h5.tagged('self_update').map((e) => e.code)
    expect(codes()).toEqual([RoomStatusCode.PUSHER_LOADING])
    client.emit('publish-state-changed', { mediaType: 'video', state: 'started', prevState: 'starting' })
    client.emit('first-video-frame', { userId: '', streamType: 'main', width: 360, height: 640 })
    client.emit('connection-state-changed', { prevState: 'CONNECTED', state: 'RECONNECTING' })
    client.emit('connection-state-changed', { prevState: 'RECONNECTING', state: 'RECONNECTED' })
    expect(codes()).toEqual([RoomStatusCode.PUSHER_LOADING, RoomStatusCode.PUSH_OK, RoomStatusCode.PUSHER_PLAYING, RoomStatusCode.PUSHER_LOADING, RoomStatusCode.PUSH_OK])
  })
})

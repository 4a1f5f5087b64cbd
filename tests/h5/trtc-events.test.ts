import { describe, expect, it } from 'vitest'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { translateTrtcEvent } from '../../uni_modules/webrtc-room/engines/h5/trtc-events'
import { nextCamera } from '../../uni_modules/webrtc-room/engines/h5/camera-cycle'
import { videoProfile, wantsCamera } from '../../uni_modules/webrtc-room/engines/h5/local-media'
import { rtcError } from './helpers/fake-trtc'

const SELF = 'me'

describe('translateTrtcEvent', () => {
  it('maps remote users entering and leaving', () => {
    expect(translateTrtcEvent('remote-user-enter', { userId: 'alice' }, SELF)).toEqual([{ type: 'members_joined', userIDs: ['alice'] }])
    expect(translateTrtcEvent('remote-user-exit', { userId: 'alice', reason: 0 }, SELF)).toEqual([{ type: 'members_left', userIDs: ['alice'] }])
  })

  it('maps video on the main and sub (aux) streams, and audio on main', () => {
    expect(translateTrtcEvent('remote-video-available', { userId: 'a', streamType: 'main' }, SELF)).toEqual([
      { type: 'streams_changed', changes: [{ userID: 'a', streamType: 'main', hasVideo: true }] },
    ])
    expect(translateTrtcEvent('remote-video-unavailable', { userId: 'a', streamType: 'sub' }, SELF)).toEqual([
      { type: 'streams_changed', changes: [{ userID: 'a', streamType: 'aux', hasVideo: false }] },
    ])
    expect(translateTrtcEvent('remote-audio-available', { userId: 'a' }, SELF)).toEqual([
      { type: 'streams_changed', changes: [{ userID: 'a', streamType: 'main', hasAudio: true }] },
    ])
    expect(translateTrtcEvent('remote-audio-unavailable', { userId: 'a' }, SELF)).toEqual([
      { type: 'streams_changed', changes: [{ userID: 'a', streamType: 'main', hasAudio: false }] },
    ])
  })

  it('ignores events about ourselves', () => {
    expect(translateTrtcEvent('remote-user-enter', { userId: SELF }, SELF)).toEqual([])
    expect(translateTrtcEvent('remote-video-available', { userId: '', streamType: 'main' }, SELF)).toEqual([])
  })

  it('maps first frames: remote → play_state 2003 + stream_playing, local → push_state 1007', () => {
    expect(translateTrtcEvent('first-video-frame', { userId: 'a', streamType: 'main', width: 1, height: 1 }, SELF)).toEqual([
      { type: 'play_state', userID: 'a', streamType: 'main', code: 2003, message: 'first video frame' },
      { type: 'stream_playing', userID: 'a', streamType: 'main', nativeCode: 2003 },
    ])
    expect(translateTrtcEvent('first-video-frame', { userId: '', streamType: 'main', width: 1, height: 1 }, SELF)).toEqual([
      { type: 'push_state', code: 1007, message: 'first local video frame' },
      { type: 'preview_started', nativeCode: 1007 },
    ])
  })

  it('maps play state changes to loading / playing', () => {
    const playing = translateTrtcEvent('video-play-state-changed', { userId: 'a', streamType: 'main', state: 'PLAYING', reason: 'playing' }, SELF)
    expect(playing.map((a) => a.type)).toEqual(['play_state', 'stream_playing'])
    const paused = translateTrtcEvent('audio-play-state-changed', { userId: 'a', state: 'PAUSED', reason: 'mute' }, SELF)
    expect(paused.map((a) => a.type)).toEqual(['play_state', 'stream_loading'])
    const stopped = translateTrtcEvent('video-play-state-changed', { userId: 'a', streamType: 'sub', state: 'STOPPED', reason: 'ended' }, SELF)
    expect(stopped).toEqual([{ type: 'play_state', userID: 'a', streamType: 'aux', code: 2006, message: 'STOPPED (ended)' }])
  })

  it('maps network quality to the pusher net info', () => {
    const [action] = translateTrtcEvent('network-quality', { uplinkNetworkQuality: 1, downlinkNetworkQuality: 3, uplinkRTT: 40, uplinkLoss: 0, downlinkRTT: 50, downlinkLoss: 2 }, SELF)
    expect(action).toEqual({ type: 'pusher_net', info: { uplinkQuality: 1, downlinkQuality: 3, uplinkRTT: 40, uplinkLoss: 0, downlinkRTT: 50, downlinkLoss: 2 } })
  })

  it('maps statistics to pusher and player net info', () => {
    const actions = translateTrtcEvent('statistics', {
      rtt: 30,
      upLoss: 1,
      downLoss: 2,
      localStatistics: { audio: { bitrate: 40 }, video: [{ bitrate: 400, frameRate: 15, width: 360, height: 640, videoType: 'big' }] },
      remoteStatistics: [{ userId: 'a', audio: { bitrate: 30 }, video: [{ bitrate: 300, frameRate: 12, width: 360, height: 640 }] }],
    }, SELF)
    expect(actions).toEqual([
      { type: 'pusher_net', info: { videoBitrate: 400, audioBitrate: 40, videoFPS: 15, videoWidth: 360, videoHeight: 640, rtt: 30, upLoss: 1 } },
      { type: 'player_net', userID: 'a', streamType: 'main', info: { videoBitrate: 300, audioBitrate: 30, videoFPS: 12, videoWidth: 360, videoHeight: 640, rtt: 30, downLoss: 2 } },
    ])
  })

  it('re-emits reconnecting / reconnected with the live-pusher codes', () => {
    expect(translateTrtcEvent('connection-state-changed', { prevState: 'CONNECTED', state: 'RECONNECTING' }, SELF)).toEqual([
      { type: 'push_state', code: 1102, message: 'connection lost, TRTC is reconnecting' },
      { type: 'pusher_loading', nativeCode: 1102 },
    ])
    expect(translateTrtcEvent('publish-state-changed', { mediaType: 'video', state: 'started', prevState: 'starting' }, SELF)).toEqual([{ type: 'publishing', nativeCode: 1002 }])
    expect(translateTrtcEvent('publish-state-changed', { mediaType: 'video', state: 'stopped', prevState: 'started' }, SELF)).toEqual([])
    expect(translateTrtcEvent('connection-state-changed', { prevState: 'RECONNECTING', state: 'RECONNECTED' }, SELF)[0]).toMatchObject({ code: 1002 })
    expect(translateTrtcEvent('connection-state-changed', { prevState: 'CONNECTING', state: 'CONNECTED' }, SELF)).toEqual([])
  })

  it('maps kicked-out to a kicked `left`', () => {
    expect(translateTrtcEvent('kicked-out', { reason: 'banned' }, SELF)).toEqual([
      { type: 'left', nativeCode: RoomErrorCode.KICKED_OUT, kicked: true, message: 'removed from the room by the server (banned)' },
    ])
  })

  it('maps autoplay-failed to an AUTOPLAY_BLOCKED notice', () => {
    const [action] = translateTrtcEvent('autoplay-failed', { userId: 'a', mediaType: 'audio' }, SELF)
    expect(action).toMatchObject({ type: 'notice', code: RoomErrorCode.AUTOPLAY_BLOCKED })
    expect((action as { message: string }).message).toMatch(/taps? the page/)
  })

  it('maps a revoked permission to a fatal device failure', () => {
    expect(translateTrtcEvent('permission-state-change', { camera: 'granted', microphone: 'granted' }, SELF)).toEqual([])
    expect(translateTrtcEvent('permission-state-change', { camera: 'denied', microphone: 'granted' }, SELF)[0]).toMatchObject({
      type: 'device_failed',
      code: RoomErrorCode.MEDIA_PERMISSION_DENIED,
    })
  })

  it('maps the SDK error event: rejoin failure → connection_lost, dead device → device_failed, other → notice', () => {
    expect(translateTrtcEvent('error', rtcError(5500, 5502, 'rejoin failed'), SELF)[0]).toMatchObject({ type: 'connection_lost', nativeCode: 5502 })
    expect(translateTrtcEvent('error', rtcError(5300, 5308), SELF)[0]).toMatchObject({ type: 'device_failed', code: RoomErrorCode.CAMERA_OPEN_FAILED, nativeCode: 5308 })
    expect(translateTrtcEvent('error', rtcError(5300, 5309), SELF)[0]).toMatchObject({ type: 'device_failed', code: RoomErrorCode.MIC_OPEN_FAILED, nativeCode: 5309 })
    expect(translateTrtcEvent('error', rtcError(5999), SELF)[0]).toMatchObject({ type: 'notice', nativeCode: 5999 })
  })

  it('never throws on malformed payloads', () => {
    for (const name of ['remote-user-enter', 'remote-video-available', 'error', 'statistics', 'kicked-out', 'autoplay-failed', 'nonsense'] as const) {
      expect(() => translateTrtcEvent(name as 'error', undefined as never, SELF)).not.toThrow()
      expect(() => translateTrtcEvent(name as 'error', null as never, SELF)).not.toThrow()
    }
  })
})

describe('local media choices', () => {
  it('cycles cameras and wraps around', () => {
    const cams = [{ deviceId: 'a' }, { deviceId: 'b' }, { deviceId: 'c' }]
    expect(nextCamera(cams, 'a')?.deviceId).toBe('b')
    expect(nextCamera(cams, 'c')?.deviceId).toBe('a')
    expect(nextCamera(cams, null)?.deviceId).toBe('b')
    expect(nextCamera([{ deviceId: 'a' }], 'a')).toBeNull()
    expect(nextCamera([{ deviceId: '' }, { deviceId: 'a' }], 'a')).toBeNull()
  })

  it('captures portrait frames capped at maxBitrate, and no camera for pure audio', () => {
    expect(videoProfile({ aspect: '9:16', maxBitrate: 400 })).toEqual({ width: 360, height: 640, frameRate: 15, bitrate: 400 })
    expect(videoProfile({ aspect: '3:4', maxBitrate: 900 })).toMatchObject({ width: 480, height: 640, bitrate: 900 })
    expect(wantsCamera({ enableCamera: true, pureAudioPushMod: undefined })).toBe(true)
    expect(wantsCamera({ enableCamera: false, pureAudioPushMod: undefined })).toBe(false)
    expect(wantsCamera({ enableCamera: true, pureAudioPushMod: 1 })).toBe(false)
  })
})

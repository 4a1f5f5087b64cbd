/**
 * TRTC web SDK events → the core's normalized `EngineAction`s: the H5 counterpart of
 * engines/mp-weixin/live-tags-engine.ts. Pure and stateless; the reducer decides what each action means now.
 *
 * Choices worth knowing:
 * - TRTC's 'sub' stream is the core's 'aux' stream; audio always belongs to the main stream.
 * - Remote users announce themselves with remote-user-enter before their streams, as 1031 does
 *   before 1033/1034 on mp-weixin, so the reducer's "ignore streams of unknown users" rule holds.
 * - Connection states are re-emitted as `push_state` with the live-pusher code of the same meaning
 *   (1102 reconnecting, 1002 pushing again), so apps that watch raw codes see one vocabulary.
 * - kicked-out → `left` with kicked = true: the same `error` (-10, detail.kicked) as a kicked
 *   mini-program (1019 without reason[0]).
 * - The SDK's `error` event is its "unrecoverable" channel: a failed rejoin becomes
 *   `connection_lost` (our backoff re-enters), a device that died becomes `device_failed`.
 */
import { type EngineAction, AUTOPLAY_BLOCKED, ENTER_ROOM_FAILED, KICKED_OUT, MEDIA_PERMISSION_DENIED, type StreamType } from '../../lib/runtime'
import { classifyBrowserError, TrtcErrorCode, TrtcExtraCode } from './browser-errors'
import type { TrtcEventName, TrtcEventPayloads, TrtcStatistics, TrtcStreamType } from './trtc-sdk'

/** live-pusher / live-player codes reused for the raw `push_state` / `play_state` re-emits. */
export const H5NativeCode = {
  PUSHING: 1002,
  FIRST_LOCAL_FRAME: 1007,
  RECONNECTING: 1102,
  FIRST_REMOTE_FRAME: 2003,
  REMOTE_PLAYING: 2004,
  REMOTE_STOPPED: 2006,
  REMOTE_LOADING: 2007,
} as const

export function toCoreStreamType(type: TrtcStreamType | string | undefined): StreamType {
  return type === 'sub' ? 'aux' : 'main'
}

export function toTrtcStreamType(type: StreamType): TrtcStreamType {
  return type === 'aux' ? 'sub' : 'main'
}

/** The local user appears in TRTC events as userId '' (or our own id in some builds). */
export function isLocal(userId: string | undefined, selfUserID: string): boolean {
  return !userId || userId === selfUserID
}

function playerState(userID: string, streamType: StreamType, state: string, reason: string): EngineAction[] {
  const message = `${state}${reason ? ` (${reason})` : ''}`
  switch (state) {
    case 'PLAYING':
      return [
        { type: 'play_state', userID, streamType, code: H5NativeCode.REMOTE_PLAYING, message },
        { type: 'stream_playing', userID, streamType, nativeCode: H5NativeCode.REMOTE_PLAYING },
      ]
    case 'PAUSED':
      // Paused by the browser (muted track, tab in background): loading until it plays again.
      return [
        { type: 'play_state', userID, streamType, code: H5NativeCode.REMOTE_LOADING, message },
        { type: 'stream_loading', userID, streamType, nativeCode: H5NativeCode.REMOTE_LOADING },
      ]
    default:
      return [{ type: 'play_state', userID, streamType, code: H5NativeCode.REMOTE_STOPPED, message }]
  }
}

function netInfo(stats: TrtcStatistics, userId: string | null): Record<string, number> {
  const source = userId === null ? stats.localStatistics : stats.remoteStatistics?.find((s) => s?.userId === userId)
  const videos = Array.isArray(source?.video) ? source.video : []
  const video = videos.find((v) => !v?.videoType || v.videoType === 'big') ?? videos[0]
  const info: Record<string, number> = {}
  const put = (key: string, value: number | undefined) => {
    if (typeof value === 'number' && Number.isFinite(value)) info[key] = value
  }
  put('videoBitrate', video?.bitrate)
  put('audioBitrate', source?.audio?.bitrate)
  put('videoFPS', video?.frameRate)
  put('videoWidth', video?.width)
  put('videoHeight', video?.height)
  put('rtt', stats.rtt)
  put(userId === null ? 'upLoss' : 'downLoss', userId === null ? stats.upLoss : stats.downLoss)
  return info
}

/**
 * One TRTC event → actions. `selfUserID` tells local events from remote ones.
 * Unknown events and malformed payloads yield [] (never a throw: they come from the network).
 */
export function translateTrtcEvent<N extends TrtcEventName>(name: N, payload: TrtcEventPayloads[N], selfUserID: string): EngineAction[] {
  const p = (payload ?? {}) as Record<string, unknown>
  const userId = typeof p.userId === 'string' ? p.userId : ''
  switch (name) {
    case 'remote-user-enter':
      return isLocal(userId, selfUserID) ? [] : [{ type: 'members_joined', userIDs: [userId] }]
    case 'remote-user-exit':
      return isLocal(userId, selfUserID) ? [] : [{ type: 'members_left', userIDs: [userId] }]
    case 'remote-video-available':
    case 'remote-video-unavailable':
      if (isLocal(userId, selfUserID)) return []
      return [{
        type: 'streams_changed',
        changes: [{ userID: userId, streamType: toCoreStreamType(p.streamType as string), hasVideo: name === 'remote-video-available' }],
      }]
    case 'remote-audio-available':
    case 'remote-audio-unavailable':
      if (isLocal(userId, selfUserID)) return []
      return [{ type: 'streams_changed', changes: [{ userID: userId, streamType: 'main', hasAudio: name === 'remote-audio-available' }] }]
    case 'first-video-frame': {
      const streamType = toCoreStreamType(p.streamType as string)
      if (isLocal(userId, selfUserID)) {
        return [{ type: 'push_state', code: H5NativeCode.FIRST_LOCAL_FRAME, message: 'first local video frame' }, { type: 'preview_started', nativeCode: H5NativeCode.FIRST_LOCAL_FRAME }]
      }
      return [
        { type: 'play_state', userID: userId, streamType, code: H5NativeCode.FIRST_REMOTE_FRAME, message: 'first video frame' },
        { type: 'stream_playing', userID: userId, streamType, nativeCode: H5NativeCode.FIRST_REMOTE_FRAME },
      ]
    }
    case 'video-play-state-changed':
      if (isLocal(userId, selfUserID)) return []
      return playerState(userId, toCoreStreamType(p.streamType as string), String(p.state ?? ''), String(p.reason ?? ''))
    case 'audio-play-state-changed':
      if (isLocal(userId, selfUserID)) return []
      return playerState(userId, 'main', String(p.state ?? ''), String(p.reason ?? ''))
    case 'network-quality': {
      const info: Record<string, number> = {}
      const fields: Array<[string, unknown]> = [
        ['uplinkQuality', p.uplinkNetworkQuality],
        ['downlinkQuality', p.downlinkNetworkQuality],
        ['uplinkRTT', p.uplinkRTT],
        ['uplinkLoss', p.uplinkLoss],
        ['downlinkRTT', p.downlinkRTT],
        ['downlinkLoss', p.downlinkLoss],
      ]
      for (const [key, value] of fields) if (typeof value === 'number' && Number.isFinite(value)) info[key] = value
      // Its quality levels are the levels entry's (trtc-levels.ts).
      return [{ type: 'pusher_net', info }]
    }
    case 'statistics': {
      const stats = p as TrtcStatistics
      const actions: EngineAction[] = [{ type: 'pusher_net', info: netInfo(stats, null) }]
      const remotes = Array.isArray(stats.remoteStatistics) ? stats.remoteStatistics : []
      for (const remote of remotes) {
        if (typeof remote?.userId !== 'string' || isLocal(remote.userId, selfUserID)) continue
        actions.push({ type: 'player_net', userID: remote.userId, streamType: 'main', info: netInfo(stats, remote.userId) })
      }
      return actions
    }
    case 'connection-state-changed': {
      const state = String(p.state ?? '')
      if (state === 'RECONNECTING') {
        return [{ type: 'push_state', code: H5NativeCode.RECONNECTING, message: 'connection lost, TRTC is reconnecting' }, { type: 'pusher_loading', nativeCode: H5NativeCode.RECONNECTING }]
      }
      if (state === 'RECONNECTED') return [{ type: 'push_state', code: H5NativeCode.PUSHING, message: 'reconnected' }, { type: 'publishing', nativeCode: H5NativeCode.PUSHING }]
      return []
    }
    case 'publish-state-changed':
      // Camera or microphone published (the first one is the push going out): the live-pusher 1002 equivalent.
      return p.state === 'started' && p.prevState !== 'started' ? [{ type: 'publishing', nativeCode: H5NativeCode.PUSHING }] : []
    case 'kicked-out': {
      const reason = String(p.reason ?? 'kick')
      return [{ type: 'left', nativeCode: KICKED_OUT, kicked: true, message: `removed from the room by the server (${reason})` }]
    }
    case 'autoplay-failed': {
      const media = String(p.mediaType ?? 'audio')
      const who = userId ? ` of ${userId}` : ''
      return [{
        type: 'notice',
        code: AUTOPLAY_BLOCKED,
        nativeCode: 0,
        message: `the browser blocked ${media} playback${who} until the user taps the page; it resumes on the next tap`,
      }]
    }
    case 'permission-state-change': {
      const denied = [p.camera === 'denied' && 'camera', p.microphone === 'denied' && 'microphone'].filter(Boolean)
      if (denied.length === 0) return []
      return [{
        type: 'device_failed',
        code: MEDIA_PERMISSION_DENIED,
        nativeCode: TrtcExtraCode.DEVICE_NOT_ALLOWED,
        message: `${denied.join(' and ')} permission was revoked: allow it in the browser's site settings`,
      }]
    }
    case 'error':
      return translateFatalError(p as TrtcEventPayloads['error'])
    default:
      return []
  }
}

/** The SDK's `error` event (after entering): what can be retried is retried, the rest is fatal. */
function translateFatalError(err: TrtcEventPayloads['error']): EngineAction[] {
  const code = typeof err?.code === 'number' ? err.code : TrtcErrorCode.UNKNOWN_ERROR
  const extra = typeof err?.extraCode === 'number' ? err.extraCode : undefined
  const message = typeof err?.message === 'string' ? err.message : 'TRTC error'
  if (extra === TrtcExtraCode.REJOIN_FAILED || code === TrtcErrorCode.OPERATION_FAILED || code === TrtcErrorCode.SERVER_ERROR) {
    return [{ type: 'connection_lost', nativeCode: extra ?? code, message: `TRTC lost the room: ${message}` }]
  }
  if (code === TrtcErrorCode.DEVICE_ERROR) {
    const stage = extra === TrtcExtraCode.MICROPHONE_RECOVER_FAILED ? 'microphone' : 'camera'
    const failure = classifyBrowserError(err, stage)
    return [{ type: 'device_failed', code: failure.code, nativeCode: failure.nativeCode, message: failure.message }]
  }
  return [{ type: 'notice', code: ENTER_ROOM_FAILED, nativeCode: extra ?? code, message: `TRTC error: ${message}` }]
}

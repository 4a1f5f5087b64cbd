/**
 * What the H5 session (trtc-session.ts) tells trtc-sdk-v5 up front: the events it listens to, the
 * log level and the `enterRoom` parameters built from the room's validated options.
 */
import type { ValidOptions } from '../../lib/runtime'
import type { TrtcEnterRoomConfig, TrtcEventName } from './trtc-sdk'

/** The TRTC events the engine listens to (all translated by trtc-events.ts). */
export const LISTENED_EVENTS: readonly TrtcEventName[] = [
  'error', 'autoplay-failed', 'kicked-out', 'remote-user-enter', 'remote-user-exit',
  'remote-audio-available', 'remote-audio-unavailable', 'remote-video-available', 'remote-video-unavailable',
  'network-quality', 'connection-state-changed', 'audio-play-state-changed', 'video-play-state-changed',
  'first-video-frame', 'permission-state-change', 'statistics', 'publish-state-changed', 'audio-volume',
  // Handled by the session itself (screen-share.ts, media-devices.ts), not translated.
  'screen-share-stopped', 'device-changed',
]

/**
 * TRTC.setLogLevel levels: DEBUG with the `debug` prop, else NONE. The SDK's own ERROR lines print the
 * userSig and privateMapKey in clear, and every error already reaches the app as a room event.
 */
export const LOG_LEVEL = { debug: 1, quiet: 5 } as const

/** live-pusher's "entered room" code, reused so raw `push_state` watchers see one vocabulary. */
export const ENTERED_CODE = 1018

/** What `enterRoom` gets from the room's validated options. */
export function enterRoomConfig(o: ValidOptions): TrtcEnterRoomConfig {
  return {
    sdkAppId: o.sdkAppID,
    userId: o.userID,
    userSig: o.userSig,
    ...(o.room.kind === 'numeric' ? { roomId: o.room.id } : { strRoomId: o.room.id }),
    ...(o.privateMapKey ? { privateMapKey: o.privateMapKey } : {}),
    ...(o.recordId !== undefined ? { userDefineRecordId: String(o.recordId) } : {}),
    ...(o.scene === 'live' ? { scene: 'live', role: o.role } : {}),
    // Audio follows autoplay (playMember unmutes it otherwise); video always waits for its view.
    autoReceiveAudio: o.autoplay,
    autoReceiveVideo: false,
    enableAutoPlayDialog: false,
  }
}

/**
 * What the reducer consumes (actions) and what it asks the controller to do (effects).
 *
 * Two families of actions:
 * - `ControlAction`: the app and the controller (start, stop, pause, timers firing, async results).
 *   Async results carry the `epoch` of the session that asked, so a late answer for a stopped or
 *   re-entered room is ignored.
 * - `EngineAction`: normalized media facts (entered, member joined, stream changed, player playing,
 *   connection lost ...). The mp-weixin engine translates live-pusher / live-player codes into them; the
 *   H5 engine (TRTC web SDK) produces the same actions from its own events. See engine.ts.
 */
import type { EngineStream, MemberMedia } from './engine'
import type { PreflightResult } from './room-platform'
import type { SigReason, SigRefreshed } from './sig-refresh'
import type { LiveRole, LocalDevices, NetworkQuality, PusherNetInfo, RoomEvent, RoomOptions, StreamType } from './types'

export type TimerName = 'reconnect' | 'enter_timeout' | 'room_sig_retry'

/** One user as a member notification announces it. Absent fields = unchanged / unknown. */
export interface AnnouncedUser {
  userID: string
  streamType?: StreamType
  playURL?: string
  hasVideo?: boolean
  hasAudio?: boolean
}

export interface StreamChange {
  userID: string
  streamType: StreamType
  playURL?: string
  hasVideo?: boolean
  hasAudio?: boolean
}

export type EngineAction =
  /** Raw native codes, re-emitted as `push_state` / `play_state` for apps that want them. */
  | { type: 'push_state'; code: number; message: string }
  | { type: 'play_state'; userID: string; streamType: StreamType; code: number; message: string }
  | { type: 'pusher_net'; info: PusherNetInfo }
  | { type: 'player_net'; userID: string; streamType: StreamType; info: PusherNetInfo }
  /** The pusher is publishing (1002). Legacy rooms send no 1018: there this means entered. */
  | { type: 'publishing'; nativeCode: number }
  /** The pusher is (re)connecting: live-pusher 1102, or the web SDK reconnecting. */
  | { type: 'pusher_loading'; nativeCode: number }
  /** The local camera preview runs (first frame captured: live-pusher 1007). */
  | { type: 'preview_started'; nativeCode: number }
  /** We are in the room (1018). */
  | { type: 'entered'; nativeCode: number }
  /** The server says we left (1019): reason from its message. */
  | { type: 'left'; nativeCode: number; kicked: boolean; message: string }
  /** Entering failed (1022, -3301, -100018 ...): `code` is the room error code to report. */
  | { type: 'enter_failed'; code: number; nativeCode: number; message: string }
  /** Legacy 1020: the complete list of the other users (`skipped`: entries without a userID). */
  | { type: 'member_list'; users: AnnouncedUser[]; skipped: number; nativeCode: number }
  | { type: 'members_joined'; userIDs: string[] }
  | { type: 'members_left'; userIDs: string[] }
  | { type: 'streams_changed'; changes: StreamChange[] }
  | { type: 'stream_loading'; userID: string; streamType: StreamType; nativeCode: number }
  | { type: 'stream_playing'; userID: string; streamType: StreamType; nativeCode: number }
  | { type: 'stream_disconnected'; userID: string; streamType: StreamType; nativeCode: number }
  /** Camera / mic could not open (-1301 → -4, -1302 → -5); fatal. */
  | { type: 'device_failed'; code: number; nativeCode: number; message: string }
  /** binderror 10001 / 10002 → -7; fatal. */
  | { type: 'permission_denied'; nativeCode: number; message: string }
  /** -1307 (push gave up) and 1021 (network type changed): leave and re-enter with backoff. */
  | { type: 'connection_lost'; nativeCode: number; message: string }
  /** 5000 (suspended) / 5001 (floating window closed): leave, as the original did. */
  | { type: 'suspended'; nativeCode: number; message: string }
  /** A non-fatal notice with its own code (3xxx network warnings, 10003/10004, 6002–6005 ...). */
  | { type: 'notice'; code: number; nativeCode: number; message: string }
  /** One raw audio sample (0–100) of a member's stream, or yours without `userID`; throttled by reduce-levels.ts. */
  | { type: 'audio_volume'; volume: unknown; userID?: string; streamType?: StreamType }
  /** A quality level: yours without `userID`, a member's, or every member's (`others`: the web SDK's room-wide downlink). */
  | { type: 'network_quality'; quality: NetworkQuality; userID?: string; others?: true }

export type ControlAction =
  | { type: 'start' }
  | { type: 'preflight_done'; epoch: number; result: PreflightResult }
  | { type: 'room_sig_done'; epoch: number; ok: true; pushURL: string }
  | { type: 'room_sig_done'; epoch: number; ok: false; message: string; errorCode?: number }
  | { type: 'timer'; epoch: number; name: TimerName }
  | { type: 'stop' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'app_hide' }
  | { type: 'app_show' }
  | { type: 'switch_camera' }
  | { type: 'update'; options: Partial<RoomOptions> }
  | { type: 'play_member'; userID: string; play: boolean }
  | MemberChoiceAction
  /** getUserSig answered (sig-refresh.ts): 'trtc' re-enters with it, 'im' only updates the options. */
  | SigRefreshed
  /** A report from outside the room life (IM): emitted and recorded, status unchanged. */
  | { type: 'report'; event: RoomEvent }
  /** The answer to a `switch_role` effect (live scene): `code` / `message` when it failed. */
  | { type: 'role_done'; epoch: number; role: LiveRole; ok: boolean; code?: number; message?: string }
  | LocalMediaAction

/** `muteMemberAudio` / `muteMemberVideo` / `setMemberStream`, arguments as the app passed them (reduce-playback.ts checks them). */
export interface MemberChoiceAction {
  type: 'member_choice'
  method: 'muteMemberAudio' | 'muteMemberVideo' | 'setMemberStream'
  userID: unknown
  value: unknown
}

/** H5 screen share and devices: from the engine (share stopped, devices changed) and the controller. */
export interface LocalMediaAction {
  type: 'local_media'
  screenSharing?: boolean
  devices?: Partial<LocalDevices>
  /** For the self_update event of a screenSharing change. */
  message?: string
}

/** `at` = platform.now() when dispatched (the reducer never reads a clock). */
export type RoomAction = (EngineAction | ControlAction) & { at?: number }

export type PusherCall = 'start' | 'stop' | 'pause' | 'resume' | 'switchCamera'
export type PlayerCall = 'play' | 'stop'

export type Effect =
  | { type: 'emit'; event: RoomEvent }
  | { type: 'preflight'; epoch: number }
  | { type: 'request_room_sig'; epoch: number }
  | { type: 'set_timer'; name: TimerName; ms: number; epoch: number }
  /** Without a name: every timer of the room. */
  | { type: 'clear_timer'; name?: TimerName }
  /** The push URL is known (modern built, legacy signed): the engine enters. */
  | { type: 'enter'; epoch: number }
  /** Leave the room: stop pushing and every player. */
  /** End the session; `keepPreview`: leave the local camera preview running (a fatal error; Retry re-enters). */
  | { type: 'leave'; keepPreview?: boolean }
  | { type: 'pusher'; call: PusherCall }
  | { type: 'player'; stream: EngineStream; call: PlayerCall }
  /** What to play of a member changed (local mute, small stream): engines without tags (H5) apply it. */
  | { type: 'member_media'; userID: string; media: MemberMedia }
  | { type: 'im_start' }
  | { type: 'im_stop' }
  /** Ask getUserSig (the room left; it re-enters on the answer). */
  | { type: 'refresh_sig'; epoch: number; reason: SigReason }
  /** Live scene: co-host / step down in the room (permissions, then the engine's switchRole); answers `role_done`. */
  | { type: 'switch_role'; role: LiveRole; epoch: number }

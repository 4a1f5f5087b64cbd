/**
 * The engine seam: what actually moves media. The controller (room.ts) runs the reducer and turns
 * its media effects into calls on a `RoomEngine`; the engine reports what happened as normalized
 * `EngineAction`s (actions.ts) through the `EngineSink` it got on `enter`. The core knows no native
 * code: each engine owns its platform's whole native side.
 *
 * - mp-weixin, engines/mp-weixin: the media are the page's `<live-pusher>` / `<live-player>` tags.
 *   The building-block components hand their contexts over (`attachPusher` / `attachPlayer`) and
 *   their native events (`onNative`); the engine translates those into actions.
 * - H5, engines/h5 (trtc-sdk-v5): enters with `params.options` (the push URL is unused there), plays
 *   into the view ids of view-ids.ts and reports TRTC events through the sink.
 *
 * Contract for an engine (every method synchronous and non-throwing; report failures as actions,
 * e.g. `enter_failed`, `device_failed`, `notice`):
 * - `enter(params, sink)` once per session (a re-enter after a reconnect is a new session with a new
 *   sink). The sink of an old session is dead: calls on it are dropped by the controller (epoch).
 * - `leave()` ends the session: stop publishing and every player. Idempotent.
 * - `pusher(call)`: 'pause' / 'resume' pause and resume the room's media — publishing and every
 *   player (app hidden, `pause()`); switchCamera, start / stop act on the pusher alone.
 * - `player(stream, call)`: 'play' when a stream should play (autoplay on appearance, or
 *   `playMember`), 'stop' when it went away or the app stopped it.
 * - `update(options, pusher)`: live prop changes (muted, enableCamera, beauty, bitrate ...).
 * - `destroy()`: release everything (after the last `leave`).
 */
import type { EngineAction, LocalMediaAction, PlayerCall, PusherCall } from './actions'
import type { ValidOptions } from './options'
import type { DeviceKind, DeviceLists, LiveRole, NetStatusDetail, PlayerContext, Platform, PusherAttributes, PusherContext, PusherErrorDetail, StateChangeDetail, StreamType } from './types'

/** A native live-pusher / live-player event as the controller's `on…` entry points receive it. */
export type NativeEvent =
  | { kind: 'pusher_state'; detail: StateChangeDetail }
  | { kind: 'pusher_net'; detail: NetStatusDetail }
  | { kind: 'pusher_error'; detail: PusherErrorDetail }
  | { kind: 'player_state'; userID: string; streamType: StreamType; detail: StateChangeDetail }
  | { kind: 'player_net'; userID: string; streamType: StreamType; detail: NetStatusDetail }

/** Delivers normalized media facts of one session to the controller. */
export type EngineSink = (actions: Array<EngineAction | LocalMediaAction>) => void

export interface EngineEnterParams {
  /** Session number; the sink already filters stale sessions, engines may use it in logs. */
  epoch: number
  roomKey: string
  options: ValidOptions
  /** The real live-pusher URL (holds the userSig: never log it). */
  pushURL: string
  mode: 'modern' | 'legacy'
  pusher: PusherAttributes
}

export interface EngineStream {
  key: string
  userID: string
  streamType: StreamType
  playURL: string
}

/** What this client plays of one member: its local mute choices and whether its main video is the small stream. */
export interface MemberMedia {
  muteAudio: boolean
  muteVideo: boolean
  small: boolean
}

export interface RoomEngine {
  readonly name: string
  enter(params: EngineEnterParams, sink: EngineSink): void
  /** `keepPreview`: end the session but keep the local camera preview until the next enter / leave / destroy. */
  leave(keepPreview?: boolean): void
  pusher(call: PusherCall): void
  player(stream: EngineStream, call: PlayerCall): void
  update(options: ValidOptions, pusher: PusherAttributes): void
  /**
   * H5: a member's mute / small-stream choice changed (kept until the next change or the member
   * leaves). Absent on mp-weixin: the live-player tags bind `mute-audio` / `mute-video` and the play URL.
   */
  memberMedia?(userID: string, media: MemberMedia): void
  /**
   * H5 only (absent on mp-weixin): screen share as the aux stream, device lists and choice. They
   * reject with a `WebrtcRoomError` (its code a -904xx); the controller turns that into a warning.
   */
  screenShare?(on: boolean): Promise<void>
  devices?(): Promise<DeviceLists>
  selectDevice?(kind: DeviceKind, deviceId: string): Promise<void>
  /** Live scene, H5: TRTC `switchRole` in the room (rejects with a `WebrtcRoomError`); the capture follows on `update`. */
  switchRole?(role: LiveRole): Promise<void>
  /** Live-tags engine only: native `event.detail`s of the tags, translated and reported by the engine. */
  onNative?(event: NativeEvent): void
  /** Live-tags engine only: the building blocks hand over their native contexts. */
  attachPusher?(ctx: PusherContext): void
  detachPusher?(): void
  attachPlayer?(streamKey: string, ctx: PlayerContext): void
  detachPlayer?(streamKey: string): void
  destroy(): void
}

export interface EngineEnvironment {
  roomKey: string
  platform: Platform
}

export type EngineFactory = (env: EngineEnvironment) => RoomEngine

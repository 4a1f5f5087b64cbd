/**
 * The contract of the headless controller (`createRoom` returns one), the component's exposed
 * methods and the `layout` slot's props. Pure types; types.ts re-exports them.
 */
import type { EngineFactory } from './engine'
import type { RoomSink } from './room-state'
import type { DeviceKind, DeviceLists, ImEvent, MemberState, PlayerContext, PusherContext, PusherNetInfo, RoomEvent, RoomOptions, RoomState, RoomStatus, SelfState, StreamPref, StreamState, StreamType } from './types'

/** `detail` of a live-pusher / live-player `bindstatechange`, exactly as WeChat delivers it. */
export interface StateChangeDetail {
  code: number
  message?: string
}

/** `detail` of `bindnetstatus`. */
export interface NetStatusDetail {
  info: PusherNetInfo
}

/** `detail` of live-pusher / live-player `bindaudiovolumenotify` (0–100). */
export interface AudioVolumeDetail {
  volume: number
}

/** `detail` of live-pusher `binderror`. */
export interface PusherErrorDetail {
  errCode: number
  errMsg?: string
}

export type Unsubscribe = () => void

export interface RoomController {
  /** Room instance key in the room store. */
  readonly key: string
  /** Live view of this room's state in the room store. */
  readonly state: RoomState
  /** The real push URL for `<live-pusher url>` ('' until known). Never log it: it holds the userSig. */
  readonly pushURL: string
  readonly status: RoomStatus
  /** Members in join order. */
  readonly members: MemberState[]

  /** Validate, preflight, obtain the push URL, start IM when enabled. No-op + warning when already started. */
  start(): Promise<void>
  /** Leave the room and release every timer, context and listener. Idempotent. */
  stop(): Promise<void>
  pause(): void
  resume(): void
  switchCamera(): void
  /** Live prop changes: mute/camera/beauty/bitrate apply in place; identity props re-enter the room. */
  update(options: Partial<RoomOptions>): void
  /**
   * H5 only (mp-weixin: warning -90412 and a rejection). Share the screen as your aux stream (while
   * entering or in the room, else -90204); the browser's own "Stop sharing" ends it too (`self.screenSharing`).
   * Failures reject with a `WebrtcRoomError` and emit the same code as a warning.
   */
  startScreenShare(): Promise<void>
  stopScreenShare(): Promise<void>
  /** H5 only: cameras, microphones, speakers (labels need a granted permission); also in `self.devices`. */
  getDevices(): Promise<DeviceLists>
  /** H5 only: switch camera / microphone (in the room) or speaker (any time) by `deviceId`. */
  selectDevice(kind: DeviceKind, deviceId: string): Promise<void>
  /** Start / stop playing one member (autoplay false leaves this to the app). */
  playMember(userID: string): void
  stopMember(userID: string): void
  /**
   * Mute / unmute one member's audio or video for this client only (live-player `mute-audio` /
   * `mute-video`; H5 `muteRemoteAudio` / `stopRemoteVideo`). Kept through the member's re-publish until
   * unset or it leaves; independent of stopMember. Unknown member → warning -90204, non-boolean → -90001.
   * These and setMemberStream need `import '@/uni_modules/webrtc-room/member-media'` (else one warning -90204 per call).
   */
  muteMemberAudio(userID: string, mute: boolean): void
  muteMemberVideo(userID: string, mute: boolean): void
  /** Play a member's big or small video stream; 'auto' (default) = the built-in templates decide (`StreamState.small`). */
  setMemberStream(userID: string, pref: StreamPref): void

  /** Building blocks hand over the contexts they created on their own component instance. */
  attachPusher(ctx: PusherContext): void
  detachPusher(): void
  attachPlayer(streamKey: string, ctx: PlayerContext): void
  detachPlayer(streamKey: string): void

  /** Native events, `detail` exactly as in `event.detail`. */
  onPusherStateChange(detail: StateChangeDetail): void
  onPusherNetStatus(detail: NetStatusDetail): void
  onPusherError(detail: PusherErrorDetail): void
  onPlayerStateChange(userID: string, detail: StateChangeDetail, streamType?: StreamType): void
  onPlayerNetStatus(userID: string, detail: NetStatusDetail, streamType?: StreamType): void
  /** `bindaudiovolumenotify`: throttled into `volume` / `speaking` / `activeSpeaker` (core/reduce-levels.ts); dropped without the `levels` entry. */
  onPusherAudioVolume(detail: AudioVolumeDetail): void
  onPlayerAudioVolume(userID: string, detail: AudioVolumeDetail, streamType?: StreamType): void

  sendC2CTextMsg(receiveUser: string, msg: string, succ?: (res: unknown) => void, fail?: (code: number, message: string) => void): Promise<unknown>
  sendC2CCustomMsg(receiveUser: string, msg: { data: string; ext?: string; desc?: string }, succ?: (res: unknown) => void, fail?: (code: number, message: string) => void): Promise<unknown>
  sendGroupTextMsg(msg: string, succ?: (res: unknown) => void, fail?: (code: number, message: string) => void): Promise<unknown>
  sendGroupCustomMsg(msg: { data: string; ext?: string; desc?: string }, succ?: (res: unknown) => void, fail?: (code: number, message: string) => void): Promise<unknown>

  /** Every room event. */
  on(handler: (event: RoomEvent) => void): Unsubscribe
  /** Every IM event. */
  onIM(handler: (event: ImEvent) => void): Unsubscribe
  /** stop() + remove the room from the store. */
  destroy(): Promise<void>
}

/** What a page's `ref` on `<webrtc-room>` exposes (the component's `defineExpose`). */
export type WebrtcRoomMethods = Pick<
  RoomController,
  | 'start' | 'stop' | 'pause' | 'resume' | 'switchCamera' | 'playMember' | 'stopMember'
  | 'muteMemberAudio' | 'muteMemberVideo' | 'setMemberStream'
  | 'startScreenShare' | 'stopScreenShare' | 'getDevices' | 'selectDevice'
  | 'sendC2CTextMsg' | 'sendC2CCustomMsg' | 'sendGroupTextMsg' | 'sendGroupCustomMsg'
> & {
  /** The room's key in the room store (`useRoomStore().rooms[roomKey]`). */
  readonly roomKey: string
}

/** One stream as the `layout` slot sees it (no network stats, volume or play URL). */
export type LayoutStream = Omit<StreamState, 'playURL' | 'volume' | 'net'>

/** One member as the `layout` slot sees it (no raw volume). */
export type LayoutMember = Omit<MemberState, 'streams' | 'volume'> & { streams: Partial<Record<StreamType, LayoutStream>> }

/** Self as the `layout` slot sees it (no network stats, volume or device lists). */
export type LayoutSelf = Omit<SelfState, 'net' | 'devices' | 'volume'>

/** One seat of a custom layout (`seats` of the `layout` slot): stable, `member` null while free. */
export interface LayoutSeat {
  index: number
  member: LayoutMember | null
}

/** Props of the `layout` scoped slot of `<webrtc-room>`. */
export interface LayoutSlotProps {
  /** The room key: pass it to `<webrtc-room-pusher :room>` / `<webrtc-room-player :room>`. */
  room: string
  /** In join order; the objects stay the same per member and change in place. */
  members: LayoutMember[]
  /**
   * Seat-stable places (the `seats` prop fixes how many): a member keeps its seat until it leaves,
   * a newcomer takes the lowest free seat. Render each with `<webrtc-room-seat :seat="seat.index">`.
   */
  seats: LayoutSeat[]
  self: LayoutSelf | null
  status: RoomStatus
}

/** How `createController` is wired: its key, media engine, state sink and event limit. */
export interface ControllerConfig {
  /** Room key (unique per instance); generated when absent. */
  key?: string
  /** Media engine (room-factory.ts picks this build's). */
  engine: EngineFactory
  /** Where state goes; without one the controller keeps it to itself (`controller.state`). */
  sink?: RoomSink
  /** Events kept in `state.events`. */
  eventLimit?: number
}

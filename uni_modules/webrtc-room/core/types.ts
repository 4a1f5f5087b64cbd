/**
 * The contract of the webrtc-room core: options (the component's props), room events, room state
 * (what the Pinia room store holds), the platform adapter and the native context shapes.
 *
 * Pure types: no runtime code, no `uni`/`wx` globals. Every other module builds on these names.
 */

/** Built-in layouts; any other name renders the `layout` slot ('custom', '1v3', ...). */
export type TemplateName = 'float' | 'bigsmall' | 'grid' | 'custom' | (string & {})

export type Aspect = '3:4' | '9:16'

/** How the pusher URL is obtained: modern `room://cloud.tencent.com/rtc?...`, or the 2018 legacy room-signature flow. */
export type EnterMode = 'auto' | 'modern' | 'legacy'

/** live-pusher `local-mirror`: 'auto' mirrors the front camera in the preview only. */
export type LocalMirror = 'auto' | 'enable' | 'disable'

/** What the room does while the app is hidden: nothing, mute the mic, pause push + players, or leave. */
export type BackgroundPolicy = 'keep' | 'mute' | 'pause' | 'leave'

/** Every prop of `<webrtc-room>`; the headless `createRoom(options)` takes the same object. */
export interface RoomOptions {
  template?: TemplateName
  sdkAppID: string | number
  userID: string
  userSig: string
  /** Number 1..4294967294 or a string room id (sent as `strroomid`). */
  roomID?: number | string
  /** Alias used by the original's sample code (`roomId="{{roomId}}"`). */
  roomId?: number | string
  privateMapKey?: string
  /** 0–9, clamped with a `warning`. */
  beauty?: number
  whiteness?: number
  muted?: boolean
  debug?: boolean
  enableIM?: boolean
  aspect?: Aspect
  /** kbps; strings are accepted as in the original. */
  minBitrate?: number | string
  maxBitrate?: number | string
  autoplay?: boolean
  enableCamera?: boolean
  pureAudioPushMod?: 1 | 2
  recordId?: number
  smallViewLeft?: string
  smallViewTop?: string
  smallViewWidth?: string
  smallViewHeight?: string
  waitingImg?: string
  loadingImg?: string
  // The original's undocumented props.
  roomName?: string
  /** IM nick; also shown in captions. */
  userName?: string
  /** Legacy flow only: true = official.opensso.tencent-cloud.com, false = yun.tim.qq.com. */
  useCloud?: boolean
  playerBackgroundImg?: string
  soundMode?: 'speaker' | 'ear'
  // Beyond the original.
  /** 'auto' (default) picks legacy only for clients below the modern thresholds. */
  enterMode?: EnterMode
  /** IM group type for the room's group; AVChatRoom by default. */
  imGroupType?: 'AVChatRoom' | 'ChatRoom' | 'Public' | 'Meeting'
  /** Reconnect policy on -1307 / 1021. */
  reconnect?: Partial<ReconnectPolicy>
  /** ms before an enter attempt without 1018 is reported as failed; 0 disables. */
  enterTimeout?: number
  /** Modern URL `streamid=` (CDN stream id). */
  streamID?: string
  /** Modern URL `recvmode=`: 1 auto audio+video, 2 audio only, 3 video only, 4 none. */
  recvMode?: 1 | 2 | 3 | 4
  /** Modern URL `enableBlackStream=`: keep sending black frames while the camera is off. */
  enableBlackStream?: boolean
  /** Local preview mirror (live-pusher `local-mirror`); default 'auto'. */
  localMirror?: LocalMirror
  /** Others see you mirrored (live-pusher `remote-mirror`); default false. */
  remoteMirror?: boolean
  /**
   * On app hide: 'keep' | 'mute' | 'pause' | 'leave'. Default 'pause' in a mini-program (WeChat stops
   * the camera in the background anyway), 'keep' in a browser (a hidden tab keeps the call going).
   */
  backgroundPolicy?: BackgroundPolicy
  /** @deprecated use `backgroundPolicy` (true → 'pause', false → 'keep'; backgroundPolicy wins). */
  pauseOnHide?: boolean
  /** Also publish a small (low-resolution) video stream for viewers of many tiles (push URL `encsmall=1`; H5 `option.small`). Needs `import '@/uni_modules/webrtc-room/member-media'` (else a warning, and false). */
  enableSmallStream?: boolean
  /**
   * Asked for a new userSig when TRTC or IM rejects the current one (expired / invalid); the room then
   * re-enters / logs in again with it. Bounded; without it (or when it fails) the room reports -90200.
   */
  getUserSig?: GetUserSig
  /** 'rtc' (default): everyone publishes. 'live' (直播, needs `import '@/uni_modules/webrtc-room/live'`): anchors publish, the audience only watches (docs/live.md). */
  scene?: LiveScene
  /** Live scene only (default 'anchor'); changing it in the room co-hosts / steps down without leaving. */
  role?: LiveRole
}

/** What `getUserSig` is told: whose signature, and why a new one is needed. */
export interface UserSigRequest {
  userID: string
  sdkAppID: number
  roomID: string
  /** 'expired' (-100018 "expired", IM 70001, kicked `userSigExpired`) or 'invalid' (any other rejection). */
  reason: 'expired' | 'invalid'
  /** Who rejected it: the TRTC room or the IM login. */
  source: 'trtc' | 'im'
}

/** Your server signs a new userSig (and privateMapKey, if the room uses one). */
export type GetUserSig = (request: UserSigRequest) => Promise<string | { userSig: string; privateMapKey?: string }>

export type LiveScene = 'rtc' | 'live'
export type LiveRole = 'anchor' | 'audience'

/** What `<live-pusher>` binds besides the URL; the controller keeps it in `RoomState.pusher`. */
export interface PusherAttributes {
  muted: boolean
  enableCamera: boolean
  /** live-pusher `enable-mic`: false for the live audience (no microphone, no permission prompt). */
  enableMic: boolean
  beauty: number
  whiteness: number
  minBitrate: number
  maxBitrate: number
  aspect: Aspect
  debug: boolean
  /** 'front' | 'back' (live-pusher `device-position`). */
  devicePosition: 'front' | 'back'
  waitingImage: string
  /** true while the app is hidden or paused (the pusher shows `waitingImage`). */
  paused: boolean
  localMirror: LocalMirror
  remoteMirror: boolean
  /** live-pusher and live-player `background-mute`: true unless backgroundPolicy is 'keep'. */
  backgroundMute: boolean
}

export interface ReconnectPolicy {
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
}

// ---------------------------------------------------------------------------------------------
// Events

export type RoomEventTag =
  | 'error'
  | 'warning'
  | 'enter_room'
  | 'exit_room'
  | 'member_join'
  | 'member_leave'
  | 'member_update'
  | 'self_update'
  | 'push_state'
  | 'play_state'
  | 'net_status'
  | 'reconnecting'
  | 'recovered'
  | 'background'
  | 'foreground'
  /** The room's active speaker changed (`detail.userID`, null when nobody holds the floor). */
  | 'active_speaker'
  /** A member's or your network quality level changed (`detail.userID`, `quality`, `previous`). */
  | 'network_quality'

/** Payload of `room-event` (and of every `controller.on` callback). */
export interface RoomEvent<D = unknown> {
  tag: RoomEventTag
  code: number
  detail: D
}

export type ImEventTag =
  | 'login_event'
  | 'connection_event'
  | 'join_group_event'
  | 'big_group_msg_notify'
  | 'msg_notify'
  | 'group_system_notify'
  | 'group_info_change'
  | 'kicked_out'
  | 'error'

/** Payload of `im-event`. */
export interface ImEvent<D = unknown> {
  tag: ImEventTag
  code: number
  detail: D
}

/** `detail` of an `error` / `warning` room event. */
export interface ErrorDetail {
  /** Human message (en); the media-codes store has zh + en + advice for `code`. */
  message: string
  /** The native live-pusher/live-player/binderror code (or SDK code) that caused it, when any. */
  nativeCode?: number
  /** Which prop, for invalid-prop errors. */
  prop?: string
  [extra: string]: unknown
}

// ---------------------------------------------------------------------------------------------
// State (what the Pinia room store holds, one RoomState per room instance)

export type RoomStatus =
  | 'idle'
  | 'preflight'
  | 'entering'
  | 'in_room'
  | 'paused'
  | 'reconnecting'
  | 'exited'
  | 'error'

export type StreamType = 'main' | 'aux'

/** TRTC's network quality scale: 0 unknown, 1 excellent, 2 good, 3 fair, 4 poor, 5 very poor, 6 down. */
export type NetworkQuality = 0 | 1 | 2 | 3 | 4 | 5 | 6

/** Audio level and network quality of a participant (throttled, see core/reduce-levels.ts): the `levels` entry's; without it 0 / false / 0. */
export interface MediaLevels {
  /** 0–100, the loudest of the last ~300 ms (a member: the max of its streams). */
  volume: number
  /** Talking now (with hysteresis: not every syllable gap). */
  speaking: boolean
  quality: NetworkQuality
}

/** live-pusher `bindnetstatus` `detail.info` (fields vary by client; all optional). */
export interface PusherNetInfo {
  videoBitrate?: number
  audioBitrate?: number
  videoFPS?: number
  videoGOP?: number
  netSpeed?: number
  netJitter?: number
  videoWidth?: number
  videoHeight?: number
  [key: string]: unknown
}

/** live-player `bindnetstatus` `detail.info`. */
export type PlayerNetInfo = PusherNetInfo

/** One remote stream: `key` = `${userID}_${streamType}` (trtc-wx-sdk's keying). */
export interface StreamState {
  key: string
  userID: string
  streamType: StreamType
  playURL: string
  hasVideo: boolean
  hasAudio: boolean
  /** true until the player reports its first frame / playback (2003/2004). */
  loading: boolean
  /** false when autoplay is off and the app has not started it yet. */
  playing: boolean
  /** 0–100 (live-player `bindaudiovolumenotify`, the web SDK's audio-volume), throttled. */
  volume: number
  net: PlayerNetInfo | null
  /** The small stream is what plays now (main streams only; `playURL` already says `streamtype=small`). */
  small: boolean
}

/** Which of a member's video streams to play: 'auto' lets the built-in templates choose (see reduce-playback.ts). */
export type StreamPref = 'auto' | 'big' | 'small'

export interface MemberState extends MediaLevels {
  userID: string
  userName?: string
  /** ms timestamp of the join as seen by this client. */
  joinedAt: number
  streams: Partial<Record<StreamType, StreamState>>
  /** Local mute of this member's audio / video (`muteMemberAudio` / `muteMemberVideo`): kept until unset or the member leaves. */
  muteAudio: boolean
  muteVideo: boolean
  /** `setMemberStream`'s choice ('auto' by default). */
  streamPref: StreamPref
}

export interface SelfState extends MediaLevels {
  userID: string
  /** The push URL with userSig / privateMapKey redacted: safe to render or log. */
  pushURL: string
  muted: boolean
  cameraOn: boolean
  frontCamera: boolean
  net: PusherNetInfo | null
  /** H5: the screen is shared as the aux stream (false on mp-weixin). */
  screenSharing: boolean
  /** H5: the devices as last listed (`getDevices()`, refreshed on plug / unplug); null until listed. */
  devices: LocalDevices | null
  /** 'anchor' publishes (always in the rtc scene); 'audience' only watches (live scene). */
  role: LiveRole
}

export type DeviceKind = 'camera' | 'microphone' | 'speaker'

export interface MediaDevice {
  deviceId: string
  label: string
}

export interface DeviceLists {
  cameras: MediaDevice[]
  microphones: MediaDevice[]
  speakers: MediaDevice[]
}

/** The browser's devices and the selected ids ('' = the browser's default). */
export interface LocalDevices extends DeviceLists {
  cameraId: string
  microphoneId: string
  speakerId: string
}

export interface RoomState {
  /** Unique per room instance (two `<webrtc-room>` on one page = two keys). */
  key: string
  status: RoomStatus
  roomID: string
  self: SelfState
  /** By userID; `memberOrder` keeps join order for layouts. */
  members: Record<string, MemberState>
  memberOrder: string[]
  /** Bounded ring buffer, oldest first. */
  events: RoomEvent[]
  lastError: RoomEvent<ErrorDetail> | null
  /** Live-pusher attributes to bind. */
  pusher: PusherAttributes
  /** How the push URL was obtained in this session (null before preflight). */
  enterMode: 'modern' | 'legacy' | null
  /** Remote members the template can show (float/grid 3, bigsmall 1, custom unlimited = -1). */
  capacity: number
  /** userID of who holds the floor (your own userID for you); null before anyone spoke (always, without the `levels` entry). */
  activeSpeaker: string | null
  /** 'live': only anchors (members publishing a stream) are shown; see the live entry's `anchorsOf`. */
  scene: LiveScene
}

export type * from './platform-types'
export type * from './controller-types'

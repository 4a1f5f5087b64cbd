/**
 * The slice of trtc-sdk-v5 (5.17.x) the H5 engine uses, as plain structural types.
 *
 * Why not the SDK's own types: its d.ts uses `const enum`s (stream types, states) that
 * `isolatedModules` cannot inline, and the engine must stay testable with a small fake SDK.
 * `load-trtc.ts` checks at compile time that the real SDK fits these shapes.
 */

/** TRTC's stream types: 'sub' is what our core calls 'aux' (screen share / second camera). */
export type TrtcStreamType = 'main' | 'sub'

/** `RtcError` fields we read (TRTC.ERROR_CODE + extraCode; see browser-errors.ts). */
export interface TrtcErrorLike {
  name?: string
  code?: number
  extraCode?: number
  message?: string
  originError?: unknown
}

export interface TrtcEnterRoomConfig {
  sdkAppId: number
  userId: string
  userSig: string
  roomId?: number
  strRoomId?: string
  privateMapKey?: string
  autoReceiveAudio?: boolean
  autoReceiveVideo?: boolean
  enableAutoPlayDialog?: boolean
  userDefineRecordId?: string
  /** 'live' with a role; absent = the SDK's default 'rtc'. */
  scene?: 'rtc' | 'live'
  role?: 'anchor' | 'audience'
}

export interface TrtcVideoProfile {
  width: number
  height: number
  frameRate: number
  bitrate: number
}

export interface TrtcLocalVideoConfig {
  view?: string | HTMLElement | null
  publish?: boolean
  mute?: boolean
  option?: { cameraId?: string; useFrontCamera?: boolean; profile?: TrtcVideoProfile; fillMode?: 'contain' | 'cover' | 'fill'; mirror?: boolean; small?: boolean }
}

export interface TrtcLocalAudioConfig {
  publish?: boolean
  mute?: boolean
  option?: { microphoneId?: string }
}

/** A `MediaDeviceInfo` as the SDK's device lists and `device-changed` carry it. */
export interface TrtcDevice {
  deviceId: string
  label?: string
}

export interface TrtcRemoteVideoConfig {
  view?: string | HTMLElement | null
  userId: string
  streamType: TrtcStreamType
  option?: { fillMode?: 'contain' | 'cover' | 'fill'; small?: boolean }
}

/** Payloads of the events the engine listens to (names are TRTC.EVENT values). */
export interface TrtcEventPayloads {
  'error': TrtcErrorLike
  'autoplay-failed': { userId: string; mediaType: 'audio' | 'video' | 'screen'; resume?: () => Promise<void> }
  'kicked-out': { reason: string }
  'remote-user-enter': { userId: string }
  'remote-user-exit': { userId: string; reason?: number }
  'remote-audio-available': { userId: string }
  'remote-audio-unavailable': { userId: string }
  'remote-video-available': { userId: string; streamType: TrtcStreamType }
  'remote-video-unavailable': { userId: string; streamType: TrtcStreamType }
  'network-quality': {
    uplinkNetworkQuality: number
    downlinkNetworkQuality: number
    uplinkRTT: number
    uplinkLoss: number
    downlinkRTT: number
    downlinkLoss: number
  }
  'connection-state-changed': { prevState: string; state: string }
  'audio-play-state-changed': { userId: string; state: string; reason: string }
  'video-play-state-changed': { userId: string; streamType: TrtcStreamType; state: string; reason: string }
  'first-video-frame': { userId: string; streamType: TrtcStreamType; width: number; height: number }
  'permission-state-change': { camera: string; microphone: string }
  'publish-state-changed': { mediaType: string; state: string; prevState?: string; reason?: string }
  'statistics': TrtcStatistics
  /** Local screen share ended outside our call (the browser's "Stop sharing" bar). */
  'screen-share-stopped': undefined
  'device-changed': { type: 'camera' | 'microphone' | 'speaker'; action: 'add' | 'remove' | 'active'; device: TrtcDevice }
}

export type TrtcEventName = keyof TrtcEventPayloads

export interface TrtcStatistics {
  rtt?: number
  upLoss?: number
  downLoss?: number
  localStatistics?: { audio?: { bitrate?: number }; video?: Array<{ bitrate?: number; frameRate?: number; width?: number; height?: number; videoType?: string }> }
  remoteStatistics?: Array<{
    userId: string
    audio?: { bitrate?: number }
    video?: Array<{ bitrate?: number; frameRate?: number; width?: number; height?: number; videoType?: string }>
  }>
}

/** One TRTC instance (`TRTC.create()`). */
export interface TrtcClient {
  enterRoom(config: TrtcEnterRoomConfig): Promise<void>
  exitRoom(): Promise<void>
  /** Live scene only, after entering: audience → anchor (then publish) or anchor → audience (unpublishes). */
  switchRole(role: 'anchor' | 'audience'): Promise<void>
  destroy(): void
  startLocalVideo(config?: TrtcLocalVideoConfig): Promise<void>
  updateLocalVideo(config: TrtcLocalVideoConfig): Promise<void>
  stopLocalVideo(): Promise<void>
  startLocalAudio(config?: TrtcLocalAudioConfig): Promise<void>
  updateLocalAudio(config: TrtcLocalAudioConfig): Promise<void>
  stopLocalAudio(): Promise<void>
  startRemoteVideo(config: TrtcRemoteVideoConfig): Promise<void>
  updateRemoteVideo(config: TrtcRemoteVideoConfig): Promise<void>
  stopRemoteVideo(config: { userId: string; streamType?: TrtcStreamType }): Promise<void>
  muteRemoteAudio(userId: string, mute: boolean): Promise<void>
  /** Publishes the screen as the 'sub' stream (`view: null`: no local preview). */
  startScreenShare(config?: { view?: string | HTMLElement | null; publish?: boolean }): Promise<void>
  stopScreenShare(): Promise<void>
  /** The local camera track (its settings tell the current deviceId). */
  getVideoTrack?(): MediaStreamTrack | null
  on(event: string, handler: (payload: never) => void): unknown
  off(event: string, handler: (payload: never) => void): unknown
}

/** The SDK's default export (the class with static helpers). */
export interface TrtcStatic {
  create(options?: { enableAutoPlayDialog?: boolean }): TrtcClient
  isSupported(): Promise<{ result: boolean; detail?: Record<string, boolean> }>
  getCameraList(requestPermission?: boolean): Promise<TrtcDevice[]>
  getMicrophoneList(requestPermission?: boolean): Promise<TrtcDevice[]>
  getSpeakerList(requestPermission?: boolean): Promise<TrtcDevice[]>
  setCurrentSpeaker(speakerId: string): Promise<void>
  setLogLevel?(level: number, enableUploadLog?: boolean): void
}

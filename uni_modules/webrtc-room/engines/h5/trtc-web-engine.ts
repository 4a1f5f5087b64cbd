/**
 * The H5 engine: `<webrtc-room>` in a browser on trtc-sdk-v5, behind the same `RoomEngine` seam as
 * the mp-weixin live-tags engine (core/engine.ts). Each `enter` is one session:
 *
 * 1. browser checks (secure context, WebRTC APIs), then the SDK is loaded lazily and asked
 *    `TRTC.isSupported()`; a failure is one `enter_failed` with a -904xx code;
 * 2. `enterRoom` (sdkAppId, userId, userSig, roomId / strRoomId, privateMapKey) runs together with
 *    the local camera (unless enableCamera is false or pure-audio) and microphone (muted per prop),
 *    so a permission prompt never holds up entering; the local preview plays into the pusher view;
 * 3. TRTC events become `EngineAction`s (trtc-events.ts) on the session's sink; remote streams
 *    play into their player views when the controller says `player(…, 'play')`.
 *
 * Every method is synchronous and never throws; SDK promises are always caught (a failure is an
 * action or a log line, never an unhandled rejection). Calls of a finished session are ignored.
 */
import type { EngineAction, PlayerCall, PusherCall } from '../../core/actions'
import type { EngineEnterParams, EngineEnvironment, EngineFactory, EngineSink, EngineStream, RoomEngine } from '../../core/engine'
import { RoomErrorCode } from '../../core/error-codes'
import type { ValidOptions } from '../../core/options'
import type { Platform, PusherNetInfo } from '../../core/types'
import { localViewId, remoteViewId } from '../../components/common/view-ids'
import { classifyBrowserError, type BrowserFailure, type BrowserStage } from './browser-errors'
import type { BrowserEnv } from './browser-env'
import { checkCapabilities, checkTrtcSupport } from './browser-support'
import type { TrtcLoader } from './load-trtc'
import { nextCamera } from './camera-cycle'
import { videoProfile, wantsCamera } from './local-media'
import { toCoreStreamType, toTrtcStreamType, translateTrtcEvent } from './trtc-events'
import type { TrtcClient, TrtcEventName, TrtcEventPayloads, TrtcStatic } from './trtc-sdk'

export interface TrtcWebEngineDeps {
  loadSdk: TrtcLoader
  browser: BrowserEnv
}

/** The TRTC events the engine listens to (all translated by trtc-events.ts). */
export const LISTENED_EVENTS: readonly TrtcEventName[] = [
  'error', 'autoplay-failed', 'kicked-out', 'remote-user-enter', 'remote-user-exit',
  'remote-audio-available', 'remote-audio-unavailable', 'remote-video-available', 'remote-video-unavailable',
  'network-quality', 'connection-state-changed', 'audio-play-state-changed', 'video-play-state-changed',
  'first-video-frame', 'permission-state-change', 'statistics',
]

/** TRTC.setLogLevel levels: DEBUG with the `debug` prop, else WARN (INFO floods the console). */
const LOG_LEVEL = { debug: 1, quiet: 3 } as const

/** live-pusher's "entered room" code, reused so raw `push_state` watchers see one vocabulary. */
const ENTERED_CODE = 1018

/** Runs an SDK call that may throw synchronously or reject; resolves either way. */
function settle(log: (what: string, err: unknown) => void, what: string, call: () => Promise<unknown> | unknown): Promise<boolean> {
  try {
    return Promise.resolve(call()).then(
      () => true,
      (err) => {
        log(what, err)
        return false
      },
    )
  } catch (err) {
    log(what, err)
    return Promise.resolve(false)
  }
}

function remoteVideoKey(userId: string, trtcType: string): string {
  return `${userId}\n${trtcType}`
}

class TrtcSession {
  private client: TrtcClient | null = null
  private sdk: TrtcStatic | null = null
  private alive = true
  private options: ValidOptions
  private readonly cancels = new Set<() => void>()
  private readonly handlers: Array<[TrtcEventName, (payload: never) => void]> = []
  /** What TRTC says remote users publish. */
  private readonly remoteVideo = new Set<string>()
  private readonly remoteAudio = new Set<string>()
  /** Streams the controller wants playing, by stream key; and those whose video runs. */
  private readonly wanted = new Map<string, EngineStream>()
  private readonly videoRunning = new Map<string, () => void>()
  private camera: 'off' | 'starting' | 'on' = 'off'
  private mic: 'off' | 'starting' | 'on' = 'off'
  private paused = false
  private cameraId: string | null = null
  private switching = false
  private warnedFeatures = new Set<string>()
  private localNet: PusherNetInfo = {}

  constructor(
    private readonly params: EngineEnterParams,
    private readonly sink: EngineSink,
    private readonly deps: TrtcWebEngineDeps,
    private readonly platform: Platform,
  ) {
    this.options = params.options
    this.paused = params.pusher.paused
  }

  // ---------------------------------------------------------------------------------------------
  // Session life

  async run(): Promise<void> {
    const capsFailure = checkCapabilities(this.deps.browser.capabilities())
    if (capsFailure) return this.enterFailed(capsFailure)

    let sdk: TrtcStatic
    try {
      sdk = await this.deps.loadSdk()
    } catch (err) {
      return this.enterFailed({ code: RoomErrorCode.ENGINE_LOAD_FAILED, nativeCode: 0, aborted: false, message: `loading trtc-sdk-v5 failed: ${String(err)}` })
    }
    if (!this.alive) return
    let support: Awaited<ReturnType<TrtcStatic['isSupported']>> | null = null
    try {
      support = await sdk.isSupported()
    } catch (err) {
      this.log('TRTC.isSupported', err)
    }
    if (!this.alive) return
    const supportFailure = checkTrtcSupport(support)
    if (supportFailure) return this.enterFailed(supportFailure)

    let client: TrtcClient
    try {
      client = sdk.create({ enableAutoPlayDialog: false })
    } catch (err) {
      return this.enterFailed(classifyBrowserError(err, 'support'))
    }
    this.sdk = sdk
    this.client = client
    void settle(this.logger, 'TRTC.setLogLevel', () => sdk.setLogLevel?.(this.options.debug ? LOG_LEVEL.debug : LOG_LEVEL.quiet))
    this.listen(client)
    this.warnIgnoredFeatures()
    // Local media and entering run side by side: a pending permission prompt must not delay the
    // enter (the room's enter timeout is running), and the preview shows while the room connects.
    this.syncLocalMedia()
    this.enter(client)
  }

  private enter(client: TrtcClient): void {
    const o = this.options
    const room = o.room.kind === 'numeric' ? { roomId: o.room.id } : { strRoomId: o.room.id }
    const config = {
      sdkAppId: o.sdkAppID,
      userId: o.userID,
      userSig: o.userSig,
      ...room,
      ...(o.privateMapKey ? { privateMapKey: o.privateMapKey } : {}),
      ...(o.recordId !== undefined ? { userDefineRecordId: String(o.recordId) } : {}),
      // Audio follows autoplay (playMember unmutes it otherwise); video always waits for a view.
      autoReceiveAudio: o.autoplay,
      autoReceiveVideo: false,
      enableAutoPlayDialog: false,
    }
    let pending: Promise<void>
    try {
      pending = client.enterRoom(config)
    } catch (err) {
      this.enterFailed(classifyBrowserError(err, 'enter'))
      return
    }
    Promise.resolve(pending).then(
      () => this.report([{ type: 'push_state', code: ENTERED_CODE, message: 'entered the TRTC room' }, { type: 'entered', nativeCode: ENTERED_CODE }]),
      (err) => this.enterFailed(classifyBrowserError(err, 'enter')),
    )
  }

  /** End the session: listeners off, capture stopped, room left, SDK instance destroyed. */
  leave(): void {
    if (!this.alive) return
    this.alive = false
    for (const cancel of this.cancels) cancel()
    this.cancels.clear()
    this.videoRunning.clear()
    this.wanted.clear()
    const client = this.client
    this.client = null
    if (!client) return
    for (const [name, handler] of this.handlers) void settle(this.logger, `off ${name}`, () => client.off(name, handler))
    const log = this.logger
    Promise.all([
      this.camera !== 'off' ? settle(log, 'stopLocalVideo', () => client.stopLocalVideo()) : true,
      this.mic !== 'off' ? settle(log, 'stopLocalAudio', () => client.stopLocalAudio()) : true,
      settle(log, 'exitRoom', () => client.exitRoom()),
    ]).then(() => settle(log, 'destroy', () => client.destroy()))
    this.camera = 'off'
    this.mic = 'off'
  }

  // ---------------------------------------------------------------------------------------------
  // Reporting

  private readonly logger = (what: string, err: unknown) => this.log(what, err)

  private log(what: string, err: unknown): void {
    this.platform.log?.('warn', `[h5 engine] ${what} failed`, { error: err instanceof Error ? err.message : String(err) })
  }

  private report(actions: EngineAction[]): void {
    if (this.alive && actions.length > 0) this.sink(actions)
  }

  private enterFailed(failure: BrowserFailure): void {
    if (!this.alive || failure.aborted) return
    this.report([{ type: 'enter_failed', code: failure.code, nativeCode: failure.nativeCode, message: failure.message }])
  }

  private deviceFailed(err: unknown, stage: BrowserStage): void {
    if (!this.alive) return
    const failure = classifyBrowserError(err, stage)
    if (failure.aborted) return
    this.report([{ type: 'device_failed', code: failure.code, nativeCode: failure.nativeCode, message: failure.message }])
  }

  private notice(code: number, message: string): void {
    this.report([{ type: 'notice', code, nativeCode: 0, message }])
  }

  /** beauty / whiteness are live-pusher filters with no TRTC web equivalent in the base SDK. */
  private warnIgnoredFeatures(): void {
    for (const prop of ['beauty', 'whiteness'] as const) {
      const value = this.options[prop]
      if (value > 0 && !this.warnedFeatures.has(prop)) {
        this.warnedFeatures.add(prop)
        this.notice(RoomErrorCode.BROWSER_FEATURE_IGNORED, `${prop}=${value} is ignored in the browser (no beauty filter in the TRTC web SDK)`)
      } else if (value === 0) {
        this.warnedFeatures.delete(prop)
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // TRTC events

  private listen(client: TrtcClient): void {
    for (const name of LISTENED_EVENTS) {
      const handler = (payload: TrtcEventPayloads[typeof name]) => this.onEvent(name, payload)
      this.handlers.push([name, handler as (payload: never) => void])
      void settle(this.logger, `on ${name}`, () => client.on(name, handler as (payload: never) => void))
    }
  }

  private onEvent<N extends TrtcEventName>(name: N, payload: TrtcEventPayloads[N]): void {
    if (!this.alive) return
    const p = (payload ?? {}) as Partial<Record<string, unknown>>
    const userId = typeof p.userId === 'string' ? p.userId : ''
    // Bookkeeping first: the controller may call player() while the actions are applied.
    switch (name) {
      case 'remote-video-available':
        this.remoteVideo.add(remoteVideoKey(userId, String(p.streamType)))
        break
      case 'remote-video-unavailable': {
        this.remoteVideo.delete(remoteVideoKey(userId, String(p.streamType)))
        // TRTC stops the video itself; forget it so a later 'available' starts it again.
        const key = `${userId}_${toCoreStreamType(String(p.streamType))}`
        this.videoRunning.get(key)?.()
        this.videoRunning.delete(key)
        break
      }
      case 'remote-audio-available':
        this.remoteAudio.add(userId)
        break
      case 'remote-audio-unavailable':
        this.remoteAudio.delete(userId)
        break
      case 'remote-user-exit':
        this.forgetUser(userId)
        break
      case 'autoplay-failed': {
        const resume = p.resume
        if (typeof resume === 'function') {
          const cancel = this.deps.browser.onNextUserGesture(() => {
            this.cancels.delete(cancel)
            void settle(this.logger, 'autoplay resume', () => (resume as () => Promise<void>)())
          })
          this.cancels.add(cancel)
        }
        break
      }
    }
    this.report(this.mergeLocalNet(translateTrtcEvent(name, payload, this.options.userID)))
    // A stream that was already wanted (audio first, then video) starts its new track now.
    if (name === 'remote-video-available' || name === 'remote-audio-available') {
      const streamType = name === 'remote-video-available' ? toCoreStreamType(String(p.streamType)) : 'main'
      this.syncRemote(`${userId}_${streamType}`)
    }
  }

  /**
   * network-quality and statistics each describe part of the local link, on their own timers:
   * one merged `pusher_net` keeps the fields of both instead of alternating between them.
   */
  private mergeLocalNet(actions: EngineAction[]): EngineAction[] {
    return actions.map((action) => {
      if (action.type !== 'pusher_net') return action
      this.localNet = { ...this.localNet, ...action.info }
      return { type: 'pusher_net', info: { ...this.localNet } }
    })
  }

  private forgetUser(userId: string): void {
    this.remoteAudio.delete(userId)
    for (const type of ['main', 'sub']) this.remoteVideo.delete(remoteVideoKey(userId, type))
    for (const key of [`${userId}_main`, `${userId}_aux`]) {
      this.videoRunning.get(key)?.()
      this.videoRunning.delete(key)
    }
    for (const [key, stream] of this.wanted) if (stream.userID === userId) this.wanted.delete(key)
  }

  // ---------------------------------------------------------------------------------------------
  // Remote streams

  player(stream: EngineStream, call: PlayerCall): void {
    if (!this.alive) return
    if (call === 'play') {
      this.wanted.set(stream.key, stream)
      this.syncRemote(stream.key)
      return
    }
    this.wanted.delete(stream.key)
    const client = this.client
    const running = this.videoRunning.get(stream.key)
    if (running) {
      running()
      this.videoRunning.delete(stream.key)
      if (client) void settle(this.logger, 'stopRemoteVideo', () => client.stopRemoteVideo({ userId: stream.userID, streamType: toTrtcStreamType(stream.streamType) }))
    }
    if (client && stream.streamType === 'main' && this.remoteAudio.has(stream.userID)) {
      void settle(this.logger, 'muteRemoteAudio', () => client.muteRemoteAudio(stream.userID, true))
    }
  }

  /** Start what a wanted stream publishes and is not running yet. Idempotent. */
  private syncRemote(key: string): void {
    const stream = this.wanted.get(key)
    const client = this.client
    if (!stream || !client || !this.alive) return
    const { userID, streamType } = stream
    if (streamType === 'main' && this.remoteAudio.has(userID)) {
      void settle(this.logger, 'muteRemoteAudio', () => client.muteRemoteAudio(userID, false))
    }
    const trtcType = toTrtcStreamType(streamType)
    if (!this.remoteVideo.has(remoteVideoKey(userID, trtcType)) || this.videoRunning.has(key)) return
    let cancelled = false
    const cancelWait = this.deps.browser.whenElement(remoteViewId(this.params.roomKey, userID, streamType), (view) => {
      if (cancelled || !this.alive) return
      void settle(this.logger, `startRemoteVideo ${userID}`, () => client.startRemoteVideo({ userId: userID, streamType: trtcType, view, option: { fillMode: streamType === 'aux' ? 'contain' : 'cover' } })).then((ok) => {
        if (!ok && !cancelled) this.videoRunning.delete(key)
      })
    })
    const cancel = () => {
      cancelled = true
      cancelWait()
      this.cancels.delete(cancel)
    }
    this.cancels.add(cancel)
    this.videoRunning.set(key, cancel)
  }

  // ---------------------------------------------------------------------------------------------
  // Local media

  /** Bring camera and mic to what the options say (start / stop / mute). */
  private syncLocalMedia(): void {
    const client = this.client
    if (!client || !this.alive) return
    if (wantsCamera(this.options)) this.startCamera(client)
    else if (this.camera !== 'off') {
      this.camera = 'off'
      void settle(this.logger, 'stopLocalVideo', () => client.stopLocalVideo())
    }
    if (this.mic === 'off') this.startMic(client)
    else if (this.mic === 'on') void settle(this.logger, 'mute microphone', () => client.updateLocalAudio({ mute: this.options.muted || this.paused }))
  }

  private startCamera(client: TrtcClient): void {
    if (this.camera !== 'off') return
    this.camera = 'starting'
    const viewId = localViewId(this.params.roomKey)
    const present = this.deps.browser.findElement(viewId)
    const config = {
      view: present,
      publish: true,
      mute: this.paused,
      option: { profile: videoProfile(this.options), ...(this.cameraId ? { cameraId: this.cameraId } : {}) },
    }
    let pending: Promise<void>
    try {
      pending = client.startLocalVideo(config)
    } catch (err) {
      this.camera = 'off'
      this.deviceFailed(err, 'camera')
      return
    }
    Promise.resolve(pending).then(
      () => {
        if (!this.alive || this.camera !== 'starting') return
        this.camera = 'on'
        // pause() may have come while the camera was opening.
        if (this.paused !== config.mute) void settle(this.logger, 'pause camera', () => client.updateLocalVideo({ mute: this.paused }))
        if (present) return
        // The pusher view was not mounted yet (it renders once the room is entering): attach later.
        const cancel = this.deps.browser.whenElement(viewId, (view) => {
          this.cancels.delete(cancel)
          if (this.alive && this.camera === 'on') void settle(this.logger, 'local preview', () => client.updateLocalVideo({ view }))
        })
        this.cancels.add(cancel)
      },
      (err) => {
        // Stopped on purpose meanwhile (enableCamera off, leave): not a device failure.
        if (this.camera !== 'starting') return
        this.camera = 'off'
        this.deviceFailed(err, 'camera')
      },
    )
  }

  private startMic(client: TrtcClient): void {
    this.mic = 'starting'
    const opened = this.options.muted || this.paused
    let pending: Promise<void>
    try {
      pending = client.startLocalAudio({ publish: true, mute: opened })
    } catch (err) {
      this.mic = 'off'
      this.deviceFailed(err, 'microphone')
      return
    }
    Promise.resolve(pending).then(
      () => {
        if (!this.alive || this.mic !== 'starting') return
        this.mic = 'on'
        // muted / pause may have changed while the microphone was opening.
        const mute = this.options.muted || this.paused
        if (mute !== opened) void settle(this.logger, 'mute microphone', () => client.updateLocalAudio({ mute }))
      },
      (err) => {
        if (this.mic !== 'starting') return
        this.mic = 'off'
        this.deviceFailed(err, 'microphone')
      },
    )
  }

  pusher(call: PusherCall): void {
    if (!this.alive) return
    const client = this.client
    switch (call) {
      case 'pause':
      case 'resume':
        this.paused = call === 'pause'
        if (!client) return
        if (this.camera === 'on') void settle(this.logger, `${call} camera`, () => client.updateLocalVideo({ mute: this.paused }))
        if (this.mic === 'on') void settle(this.logger, `${call} microphone`, () => client.updateLocalAudio({ mute: this.paused || this.options.muted }))
        return
      case 'switchCamera':
        this.switchCamera()
        return
      case 'start':
        this.syncLocalMedia()
        return
      case 'stop':
        if (!client) return
        if (this.camera !== 'off') void settle(this.logger, 'stopLocalVideo', () => client.stopLocalVideo())
        if (this.mic !== 'off') void settle(this.logger, 'stopLocalAudio', () => client.stopLocalAudio())
        this.camera = 'off'
        this.mic = 'off'
        return
    }
  }

  /** Cycles through the browser's video inputs (front ↔ back on phones, every webcam on desktops). */
  private switchCamera(): void {
    const client = this.client
    const sdk = this.sdk
    if (!client || !sdk || this.camera !== 'on' || this.switching) {
      this.notice(RoomErrorCode.BROWSER_FEATURE_IGNORED, 'switchCamera: the camera is not running')
      return
    }
    this.switching = true
    const current = this.cameraId ?? this.currentCameraId(client)
    Promise.resolve()
      .then(() => sdk.getCameraList(false))
      .then(async (cameras) => {
        const next = nextCamera(cameras ?? [], current)
        if (!this.alive) return
        if (!next) {
          this.notice(RoomErrorCode.BROWSER_FEATURE_IGNORED, `switchCamera: ${cameras?.length ?? 0} camera(s) found, nothing to switch to`)
          return
        }
        await client.updateLocalVideo({ option: { cameraId: next.deviceId } })
        this.cameraId = next.deviceId
      })
      .catch((err) => this.deviceFailed(err, 'camera'))
      .finally(() => {
        this.switching = false
      })
  }

  private currentCameraId(client: TrtcClient): string | null {
    try {
      const track = client.getVideoTrack?.()
      const id = track?.getSettings?.().deviceId
      return typeof id === 'string' && id ? id : null
    } catch {
      return null
    }
  }

  /** Live prop changes; `pusher.paused` is driven by pusher('pause' | 'resume'), not here. */
  update(options: ValidOptions): void {
    const before = this.options
    this.options = options
    if (!this.alive) return
    this.warnIgnoredFeatures()
    const client = this.client
    if (!client) return // still loading: run() starts media from the latest options
    const profileChanged = before.aspect !== options.aspect || before.maxBitrate !== options.maxBitrate || before.minBitrate !== options.minBitrate
    if (profileChanged && this.camera === 'on') {
      void settle(this.logger, 'video profile', () => client.updateLocalVideo({ option: { profile: videoProfile(options) } }))
    }
    if (before.muted !== options.muted || wantsCamera(before) !== wantsCamera(options)) this.syncLocalMedia()
  }
}

/**
 * The H5 engine factory over injected dependencies (tests pass a fake SDK and page);
 * platform/h5-engine.ts wires the real ones.
 */
export function createTrtcWebEngineFactory(deps: TrtcWebEngineDeps): EngineFactory {
  return ({ platform }: EngineEnvironment): RoomEngine => {
    let session: TrtcSession | null = null
    return {
      name: 'trtc-web',
      enter(params, sink) {
        session?.leave()
        const next = new TrtcSession(params, sink, deps, platform)
        session = next
        next.run().catch((err) => {
          // run() reports its own failures; this only guards against a bug becoming an unhandled rejection.
          platform.log?.('error', '[h5 engine] unexpected failure', { error: String(err) })
        })
      },
      leave() {
        session?.leave()
        session = null
      },
      pusher(call) {
        session?.pusher(call)
      },
      player(stream, call) {
        session?.player(stream, call)
      },
      update(options) {
        session?.update(options)
      },
      destroy() {
        session?.leave()
        session = null
      },
    }
  }
}

/**
 * One session of the H5 engine (trtc-web-engine.ts): `<webrtc-room>` in a browser on trtc-sdk-v5.
 * Each `enter` of the engine runs one:
 *
 * 1. browser checks (secure context, WebRTC APIs), then the SDK is loaded lazily and asked
 *    `TRTC.isSupported()`; a failure is one `enter_failed` with a -904xx code;
 * 2. `enterRoom` (sdkAppId, userId, userSig, roomId / strRoomId, privateMapKey) runs together with
 *    the local camera and microphone (local-capture.ts), so a permission prompt never holds up
 *    entering and the preview shows while the room connects;
 * 3. TRTC events become `EngineAction`s (trtc-events.ts) on the session's sink; remote streams play
 *    into their player views when the controller says `player(…, 'play')` (remote-players.ts).
 *
 * Every method is synchronous and never throws; SDK promises are always caught (a failure is an
 * action or a log line, never an unhandled rejection). Calls of a finished session are ignored.
 */
import { type EngineAction, type LocalMediaAction, type PlayerCall, type PusherCall, errorCode, errorText, BROWSER_FEATURE_IGNORED, ENGINE_LOAD_FAILED, INVALID_STATE, ROLE_SWITCH_FAILED, WebrtcRoomError, type EngineEnterParams, type EngineSink, type EngineStream, type MemberMedia, type ValidOptions, type DeviceKind, type Platform, type PusherNetInfo, levels } from '../../lib/runtime'
import { classifyBrowserError, type BrowserFailure } from './browser-errors'
import type { BrowserEnv } from './browser-env'
import { checkCapabilities, checkTrtcSupport } from './browser-support'
import type { TrtcLoader } from './load-trtc'
import { LocalCapture } from './local-capture'
import { LIST_OF, listDevices } from './media-devices'
import { RemotePlayers } from './remote-players'
import { ScreenShare } from './screen-share'
import { settle, type FailureLog } from './settle'
import { translateTrtcEvent } from './trtc-events'
import { ENTERED_CODE, enterRoomConfig, LISTENED_EVENTS, LOG_LEVEL } from './trtc-config'
import type { TrtcClient, TrtcEventName, TrtcEventPayloads, TrtcStatic } from './trtc-sdk'

export interface TrtcWebEngineDeps {
  loadSdk: TrtcLoader
  browser: BrowserEnv
}

type Handler = (payload: never) => void

/** Camera / microphone picked with selectDevice: kept across sessions of one room. */
export type ChosenDevices = { camera?: string; microphone?: string }

export class TrtcSession {
  private alive = true
  private options: ValidOptions
  private paused: boolean
  private client: TrtcClient | null = null
  /** The SDK's exitRoom of the last leave: destroy waits for it. */
  private left: Promise<unknown> = Promise.resolve()
  private capture: LocalCapture | null = null
  private sdk: TrtcStatic | null = null
  screen: ScreenShare | null = null
  private players: RemotePlayers | null = null
  private readonly handlers: Array<[TrtcEventName, Handler]> = []
  private readonly gestureWaits = new Set<() => void>()
  private readonly warnedFeatures = new Set<string>()
  private localNet: PusherNetInfo = {}
  private readonly log: FailureLog = (what, err) => {
    this.platform.log?.('warn', `[h5 engine] ${what} failed`, { error: err instanceof Error ? err.message : String(err) })
  }

  constructor(
    private readonly params: EngineEnterParams,
    private readonly sink: EngineSink,
    private readonly deps: TrtcWebEngineDeps,
    private readonly platform: Platform,
    private readonly chosen: ChosenDevices,
  ) {
    this.options = { ...params.options, muted: params.pusher.muted }
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
      return this.enterFailed({ code: ENGINE_LOAD_FAILED, nativeCode: 0, aborted: false, message: `loading trtc-sdk-v5 failed: ${String(err)}` })
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
    this.client = client
    this.sdk = sdk
    this.screen = new ScreenShare(client, this.deps.browser, this.log, (on, message) => this.report([{ type: 'local_media', screenSharing: on, message }]))
    void settle(this.log, 'TRTC.setLogLevel', () => sdk.setLogLevel?.(this.options.debug ? LOG_LEVEL.debug : LOG_LEVEL.quiet))
    const { browser } = this.deps
    const { roomKey } = this.params
    this.players = new RemotePlayers({ client, browser, roomKey, log: this.log })
    if (this.paused) this.players.setPaused(true)
    this.capture = new LocalCapture(
      {
        client,
        sdk,
        browser,
        roomKey,
        log: this.log,
        deviceFailed: (err, device) => this.deviceFailed(err, device),
        notice: (code, message) => this.notice(code, message),
      },
      this.options,
      this.paused,
      this.chosen,
    )
    this.listen(client)
    // Volumes only for the levels entry, at the core's write interval: the reducer throttles anyway,
    // the SDK need not compute more.
    const interval = levels?.volumeInterval
    if (interval) void settle(this.log, 'enableAudioVolumeEvaluation', () => client.enableAudioVolumeEvaluation(interval))
    this.warnIgnoredFeatures()
    // Local media and entering run side by side: a pending permission prompt must not delay the
    // enter (the room's enter timeout is running), and the preview shows while the room connects.
    this.capture.sync()
    this.enter(client)
  }

  private enter(client: TrtcClient): void {
    let pending: Promise<void>
    try {
      pending = client.enterRoom(enterRoomConfig(this.options))
    } catch (err) {
      this.enterFailed(classifyBrowserError(err, 'enter'))
      return
    }
    Promise.resolve(pending).then(
      () => this.report([{ type: 'push_state', code: ENTERED_CODE, message: 'entered the TRTC room' }, { type: 'entered', nativeCode: ENTERED_CODE }]),
      (err) => this.enterFailed(classifyBrowserError(err, 'enter')),
    )
  }

  /**
   * End the session: listeners off, players gone, room left, then capture stopped and the SDK
   * instance destroyed — unless `keepPreview` and the camera runs: then the local preview stays until
   * `release()`. Returns whether it stayed.
   */
  leave(keepPreview = false): boolean {
    if (!this.alive) return false
    this.alive = false
    for (const cancel of this.gestureWaits) cancel()
    this.gestureWaits.clear()
    this.players?.dispose()
    this.screen?.dispose()
    const client = this.client
    if (!client) return false
    for (const [name, handler] of this.handlers) void settle(this.log, `off ${name}`, () => client.off(name, handler))
    this.left = settle(this.log, 'exitRoom', () => client.exitRoom())
    if (keepPreview && this.capture?.previewOnly()) return true
    this.release()
    return false
  }

  /** Stop capture (a kept preview too) and destroy the SDK instance once the room is left. */
  release(): void {
    const client = this.client
    this.client = null
    if (!client) return
    const released = this.capture?.release() ?? Promise.resolve()
    Promise.all([released, this.left]).then(() => settle(this.log, 'destroy', () => client.destroy()))
  }

  // ---------------------------------------------------------------------------------------------
  // The controller's calls

  pusher(call: PusherCall): void {
    if (!this.alive) return
    if (call === 'pause' || call === 'resume') {
      this.paused = call === 'pause'
      this.capture?.setPaused(this.paused)
      this.players?.setPaused(this.paused)
    } else if (call === 'switchCamera') {
      if (this.capture) this.capture.switchCamera()
      else this.notice(BROWSER_FEATURE_IGNORED, 'switchCamera: the camera is not running')
    } else if (call === 'start') {
      this.capture?.sync()
    } else {
      this.capture?.stop()
    }
  }

  player(stream: EngineStream, call: PlayerCall): void {
    if (!this.alive) return
    if (call === 'play') this.players?.play(stream)
    else this.players?.stop(stream)
  }

  /**
   * Live scene: TRTC `switchRole`. The capture follows with the controller's next `update` (start after
   * becoming an anchor, stop after stepping down: switching only unpublishes).
   */
  async switchRole(role: 'anchor' | 'audience'): Promise<void> {
    if (!this.alive || !this.client) throw new WebrtcRoomError(INVALID_STATE, 'switchRole: the TRTC client is not ready yet')
    try {
      await this.client.switchRole(role)
    } catch (err) {
      throw new WebrtcRoomError(ROLE_SWITCH_FAILED, `switchRole('${role}') failed: ${errorText(err, String(err))}`, { nativeCode: errorCode(err, 0) })
    }
  }

  memberMedia(userID: string, media: MemberMedia): void {
    if (this.alive) this.players?.setMedia(userID, media)
  }

  /** selectDevice of a camera / microphone: now if capture runs, else at its start. */
  useDevice(kind: 'camera' | 'microphone', deviceId: string): Promise<void> {
    return this.alive && this.capture ? this.capture.useDevice(kind, deviceId) : Promise.resolve()
  }

  /** Plugged, unplugged or activated: list again, and note the device now in use. */
  private devicesChanged(change: Partial<TrtcEventPayloads['device-changed']>): void {
    const sdk = this.sdk
    if (!sdk) return
    const kind = change.type as DeviceKind
    const active = change.action === 'active' && LIST_OF[kind] && typeof change.device?.deviceId === 'string' ? { [`${kind}Id`]: change.device.deviceId } : {}
    listDevices(sdk).then(
      (lists) => this.report([{ type: 'local_media', devices: { ...lists, ...active } }]),
      (err) => this.log('device list', err),
    )
  }

  /** Live prop changes (the SDK not loaded yet: `run()` starts media from the latest options). */
  update(options: ValidOptions): void {
    this.options = options
    if (!this.alive) return
    this.warnIgnoredFeatures()
    this.capture?.sync(options)
  }

  // ---------------------------------------------------------------------------------------------
  // Reporting

  private report(actions: Array<EngineAction | LocalMediaAction>): void {
    if (this.alive && actions.length > 0) this.sink(actions)
  }

  private enterFailed(failure: BrowserFailure): void {
    if (failure.aborted) return
    this.report([{ type: 'enter_failed', code: failure.code, nativeCode: failure.nativeCode, message: failure.message }])
  }

  private deviceFailed(err: unknown, device: 'camera' | 'microphone'): void {
    const failure = classifyBrowserError(err, device)
    if (failure.aborted) return
    this.report([{ type: 'device_failed', code: failure.code, nativeCode: failure.nativeCode, message: failure.message }])
  }

  private notice(code: number, message: string): void {
    this.report([{ type: 'notice', code, nativeCode: 0, message }])
  }

  /** beauty / whiteness are live-pusher filters with no equivalent in the base web SDK. */
  private warnIgnoredFeatures(): void {
    for (const prop of ['beauty', 'whiteness'] as const) {
      const value = this.options[prop]
      if (value > 0 && !this.warnedFeatures.has(prop)) {
        this.warnedFeatures.add(prop)
        this.notice(BROWSER_FEATURE_IGNORED, `${prop}=${value} is ignored in the browser (no beauty filter in the TRTC web SDK)`)
      } else if (value === 0) {
        this.warnedFeatures.delete(prop)
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // TRTC events

  private listen(client: TrtcClient): void {
    for (const name of LISTENED_EVENTS) {
      const handler = ((payload: TrtcEventPayloads[typeof name]) => this.onEvent(name, payload)) as Handler
      this.handlers.push([name, handler])
      void settle(this.log, `on ${name}`, () => client.on(name, handler))
    }
  }

  private onEvent<N extends TrtcEventName>(name: N, payload: TrtcEventPayloads[N]): void {
    if (!this.alive) return
    const p = (payload ?? {}) as Partial<Record<string, unknown>>
    const userId = typeof p.userId === 'string' ? p.userId : ''
    const trtcType = String(p.streamType ?? 'main')
    // Bookkeeping first: the controller may call player() while the actions are applied.
    this.players?.noteEvent(name, userId, trtcType)
    if (name === 'screen-share-stopped') this.screen?.stoppedByBrowser()
    if (name === 'device-changed') this.devicesChanged(p)
    if (name === 'autoplay-failed' && typeof p.resume === 'function') this.resumeOnGesture(p.resume as () => Promise<void>)
    const self = this.options.userID
    this.report([...this.mergeLocalNet(translateTrtcEvent(name, payload, self)), ...(levels?.trtc?.(name, payload, self) ?? [])])
    this.players?.afterEvent(name, userId, trtcType)
  }

  /** Browsers unblock playback only inside a user gesture: resume on the next one. */
  private resumeOnGesture(resume: () => Promise<void>): void {
    const cancel = this.deps.browser.onNextUserGesture(() => {
      this.gestureWaits.delete(cancel)
      void settle(this.log, 'autoplay resume', resume)
    })
    this.gestureWaits.add(cancel)
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
}

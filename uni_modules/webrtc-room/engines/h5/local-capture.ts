/**
 * The room's own camera and microphone in one H5 session: started, stopped and muted to match the
 * props (enableCamera / pureAudioPushMod, muted, mirror), paused and resumed, the camera switched, the
 * preview attached to the pusher view once it mounts. Calls that overlap (a prop change while the
 * camera is still opening) settle to the latest wish.
 */
import { type ValidOptions, BROWSER_FEATURE_IGNORED, CAMERA_OPEN_FAILED, publishes, localViewId } from '../../lib/runtime'
import type { BrowserEnv } from './browser-env'
import { nextCamera } from './camera-cycle'
import { mirrorMode, videoProfile, wantsCamera } from './local-media'
import { settle, type FailureLog } from './settle'
import type { TrtcClient, TrtcStatic } from './trtc-sdk'

export interface LocalCaptureHost {
  client: TrtcClient
  sdk: TrtcStatic
  browser: BrowserEnv
  roomKey: string
  log: FailureLog
  /** A device that could not open: fatal for the room (reported as `device_failed`). */
  deviceFailed(err: unknown, device: 'camera' | 'microphone'): void
  /** A non-fatal notice (`warning`). */
  notice(code: number, message: string, err?: unknown): void
}

type DeviceState = 'off' | 'starting' | 'on'

export class LocalCapture {
  private camera: DeviceState = 'off'
  private mic: DeviceState = 'off'
  private cameraId: string | null = null
  private micId: string | null = null
  private switching = false
  private disposed = false
  private cancelPreviewWait: (() => void) | null = null
  /** Start generations: a late answer to a start that was stopped or restarted is ignored. */
  private cameraRun = 0
  private micRun = 0

  constructor(
    private readonly host: LocalCaptureHost,
    private options: ValidOptions,
    private paused: boolean,
    /** Devices chosen with selectDevice (earlier sessions included): used when capture starts. */
    chosen: { camera?: string; microphone?: string } = {},
  ) {
    this.cameraId = chosen.camera || null
    this.micId = chosen.microphone || null
  }

  /** selectDevice: switch the running device now, or remember it for when capture starts. */
  async useDevice(kind: 'camera' | 'microphone', deviceId: string): Promise<void> {
    const { client } = this.host
    if (kind === 'camera') {
      if (this.camera === 'on' && !this.disposed) await client.updateLocalVideo({ option: { cameraId: deviceId } })
      this.cameraId = deviceId
    } else {
      if (this.mic === 'on' && !this.disposed) await client.updateLocalAudio({ option: { microphoneId: deviceId } })
      this.micId = deviceId
    }
  }

  /** Bring camera and mic to what the options say (start / stop / mute). */
  sync(options: ValidOptions = this.options): void {
    const before = this.options
    this.options = options
    if (this.disposed) return
    // The live audience captures nothing (no permission prompt); stepping down stops what ran.
    if (!publishes(options)) return this.stop()
    const { client, log } = this.host
    if (wantsCamera(options)) {
      this.startCamera()
      const profileChanged = before.aspect !== options.aspect || before.maxBitrate !== options.maxBitrate
      if (profileChanged && this.camera === 'on') void settle(log, 'video profile', () => client.updateLocalVideo({ option: { profile: videoProfile(options) } }))
      if (mirrorMode(before) !== mirrorMode(options) && this.camera === 'on') this.applyMirror()
      // enableSmallStream: publish (or stop publishing) the small stream in place.
      if (before.enableSmallStream !== options.enableSmallStream && this.camera === 'on') void settle(log, 'small stream', () => client.updateLocalVideo({ option: { small: options.enableSmallStream } }))
    } else if (this.camera !== 'off') {
      this.stopCamera()
    }
    if (this.mic === 'off') this.startMic()
    else if (this.mic === 'on' && before.muted !== options.muted) this.applyMicMute()
  }

  setPaused(paused: boolean): void {
    this.paused = paused
    if (this.disposed) return
    const { client, log } = this.host
    if (this.camera === 'on') void settle(log, paused ? 'pause camera' : 'resume camera', () => client.updateLocalVideo({ mute: paused }))
    if (this.mic === 'on') this.applyMicMute()
  }

  /** Stop publishing camera and mic (pusher 'stop'); `sync()` starts them again. */
  stop(): void {
    if (this.camera !== 'off') this.stopCamera()
    if (this.mic !== 'off') {
      this.mic = 'off'
      this.micRun += 1
      void settle(this.host.log, 'stopLocalAudio', () => this.host.client.stopLocalAudio())
    }
  }

  /** After a fatal error: keep only the camera preview (the mic stops). Whether a camera runs. */
  previewOnly(): boolean {
    if (this.disposed || this.camera === 'off') return false
    if (this.mic !== 'off') {
      this.mic = 'off'
      this.micRun += 1
      void settle(this.host.log, 'stopLocalAudio', () => this.host.client.stopLocalAudio())
    }
    return true
  }

  /** Stops capture for good; resolves when the SDK is done (leave waits for it before destroy). */
  release(): Promise<unknown> {
    const stops: Promise<boolean>[] = []
    const { client, log } = this.host
    if (this.camera !== 'off') stops.push(settle(log, 'stopLocalVideo', () => client.stopLocalVideo()))
    if (this.mic !== 'off') stops.push(settle(log, 'stopLocalAudio', () => client.stopLocalAudio()))
    this.camera = 'off'
    this.mic = 'off'
    this.disposed = true
    this.cancelPreviewWait?.()
    return Promise.all(stops)
  }

  /** Cycles through the browser's video inputs (front ↔ back on phones, every webcam on desktops). */
  switchCamera(): void {
    if (this.disposed) return
    const { client, sdk, notice } = this.host
    if (this.camera !== 'on' || this.switching) {
      notice(BROWSER_FEATURE_IGNORED, `switchCamera: the camera is ${this.switching ? 'already switching' : 'not running'}`)
      return
    }
    this.switching = true
    const current = this.cameraId ?? this.currentCameraId()
    Promise.resolve()
      .then(() => sdk.getCameraList(false))
      .then(async (cameras) => {
        const next = nextCamera(cameras ?? [], current)
        if (this.disposed) return
        if (!next) {
          notice(BROWSER_FEATURE_IGNORED, `switchCamera: ${cameras?.length ?? 0} camera(s) found, nothing to switch to`)
          return
        }
        await client.updateLocalVideo({ option: { cameraId: next.deviceId } })
        this.cameraId = next.deviceId
      })
      // The current camera keeps running: a failed switch is a warning, not the end of the room.
      .catch((err) => {
        if (!this.disposed) notice(CAMERA_OPEN_FAILED, `switchCamera failed: ${err instanceof Error ? err.message : String(err)}`, err)
      })
      .finally(() => {
        this.switching = false
      })
  }

  private micMuted(): boolean {
    return this.options.muted || this.paused
  }

  private applyMicMute(): void {
    const mute = this.micMuted()
    void settle(this.host.log, 'mute microphone', () => this.host.client.updateLocalAudio({ mute }))
  }

  private applyMirror(): void {
    const mirror = mirrorMode(this.options)
    void settle(this.host.log, 'mirror', () => this.host.client.updateLocalVideo({ option: { mirror } }))
  }

  private stopCamera(): void {
    this.camera = 'off'
    this.cameraRun += 1
    this.cancelPreviewWait?.()
    void settle(this.host.log, 'stopLocalVideo', () => this.host.client.stopLocalVideo())
  }

  private startCamera(): void {
    if (this.camera !== 'off') return
    const { client, browser, roomKey, log } = this.host
    this.camera = 'starting'
    const run = ++this.cameraRun
    const viewId = localViewId(roomKey)
    const present = browser.findElement(viewId)
    const mute = this.paused
    const config = {
      view: present,
      publish: true,
      mute,
      option: { profile: videoProfile(this.options), mirror: mirrorMode(this.options), ...(this.cameraId ? { cameraId: this.cameraId } : {}), ...(this.options.enableSmallStream ? { small: true } : {}) },
    }
    this.whenDone(
      'camera',
      () => client.startLocalVideo(config),
      () => {
        if (run !== this.cameraRun) return
        this.camera = 'on'
        // pause() or selectDevice may have come while the camera was opening.
        if (this.paused !== mute) void settle(log, 'pause camera', () => client.updateLocalVideo({ mute: this.paused }))
        if (mirrorMode(this.options) !== config.option.mirror) this.applyMirror()
        const cameraId = this.cameraId
        if (cameraId && cameraId !== config.option.cameraId) void settle(log, 'select camera', () => client.updateLocalVideo({ option: { cameraId } }))
        if (present) return
        // The pusher view was not mounted yet (it renders once the room is entering): attach later.
        this.cancelPreviewWait = browser.whenElement(viewId, (view) => {
          this.cancelPreviewWait = null
          if (!this.disposed && this.camera === 'on') void settle(log, 'local preview', () => client.updateLocalVideo({ view }))
        })
      },
      () => run === this.cameraRun,
      () => {
        this.camera = 'off'
      },
    )
  }

  private startMic(): void {
    const { client } = this.host
    this.mic = 'starting'
    const run = ++this.micRun
    const mute = this.micMuted()
    const micId = this.micId
    this.whenDone(
      'microphone',
      () => client.startLocalAudio({ publish: true, mute, ...(micId ? { option: { microphoneId: micId } } : {}) }),
      () => {
        if (run !== this.micRun) return
        this.mic = 'on'
        // muted / pause / selectDevice may have changed while the microphone was opening.
        if (this.micMuted() !== mute) this.applyMicMute()
        const chosen = this.micId
        if (chosen && chosen !== micId) void settle(this.host.log, 'select microphone', () => client.updateLocalAudio({ option: { microphoneId: chosen } }))
      },
      () => run === this.micRun,
      () => {
        this.mic = 'off'
      },
    )
  }

  /**
   * Runs a device start: on success `opened`; on failure a device error, unless the start was
   * abandoned meanwhile (`stillWanted` false: stopped on purpose, or the session ended).
   */
  private whenDone(device: 'camera' | 'microphone', start: () => Promise<void>, opened: () => void, stillWanted: () => boolean, failed: () => void): void {
    let pending: Promise<void>
    try {
      pending = start()
    } catch (err) {
      failed()
      this.host.deviceFailed(err, device)
      return
    }
    Promise.resolve(pending).then(
      () => {
        if (!this.disposed) opened()
      },
      (err) => {
        if (this.disposed || !stillWanted()) return
        failed()
        this.host.deviceFailed(err, device)
      },
    )
  }

  private currentCameraId(): string | null {
    try {
      const id = this.host.client.getVideoTrack?.()?.getSettings?.().deviceId
      return typeof id === 'string' && id ? id : null
    } catch {
      return null
    }
  }
}

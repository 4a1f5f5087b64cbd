/**
 * The local screen as the 'sub' (aux) stream of one H5 session: trtc-sdk-v5 `startScreenShare` /
 * `stopScreenShare`. Overlapping calls settle to the latest wish (a stop while the browser picker is
 * open stops the share the picker then starts). The browser's own "Stop sharing" bar reaches us as
 * the SDK's `screen-share-stopped` event (`stoppedByBrowser`).
 */
import { SCREEN_SHARE_CANCELLED, SCREEN_SHARE_FAILED, SCREEN_SHARE_UNSUPPORTED, WebrtcRoomError } from '../../lib/runtime'
import type { BrowserEnv } from './browser-env'
import { TrtcErrorCode, TrtcExtraCode } from './browser-errors'
import { settle, type FailureLog } from './settle'
import type { TrtcClient, TrtcErrorLike } from './trtc-sdk'

/** A failed startScreenShare as a typed error: cancelled picker, no browser support, or else. */
export function screenShareError(err: unknown): WebrtcRoomError {
  const e = (err && typeof err === 'object' ? err : { message: String(err) }) as TrtcErrorLike
  const origin = (e.originError ?? {}) as { name?: unknown }
  const detail = String(e.message || e.name || 'unknown error').replace(/\s+/g, ' ').trim()
  const nativeCode = e.extraCode ?? e.code ?? 0
  // NotAllowedError: the picker was closed (Chrome also uses it for a policy / permission denial).
  if (e.name === 'NotAllowedError' || origin.name === 'NotAllowedError' || e.extraCode === TrtcExtraCode.DEVICE_NOT_ALLOWED) {
    return new WebrtcRoomError(SCREEN_SHARE_CANCELLED, `screen sharing was cancelled in the browser picker (${detail})`, { nativeCode })
  }
  if (e.code === TrtcErrorCode.ENV_NOT_SUPPORTED) {
    return new WebrtcRoomError(SCREEN_SHARE_UNSUPPORTED, `this browser cannot share the screen (${detail})`, { nativeCode })
  }
  return new WebrtcRoomError(SCREEN_SHARE_FAILED, `screen sharing failed (${detail})`, { nativeCode })
}

export class ScreenShare {
  private wanted = false
  private running = false
  private pending: Promise<void> | null = null

  constructor(
    private readonly client: TrtcClient,
    private readonly browser: BrowserEnv,
    private readonly log: FailureLog,
    /** Called when sharing really started or stopped (not for a cancelled picker). */
    private readonly changed: (on: boolean, message: string) => void,
  ) {}

  get on(): boolean {
    return this.running
  }

  async start(): Promise<void> {
    if (this.browser.capabilities().hasDisplayMedia === false) {
      throw new WebrtcRoomError(SCREEN_SHARE_UNSUPPORTED, 'this browser has no navigator.mediaDevices.getDisplayMedia: use desktop Chrome, Edge, Firefox or Safari')
    }
    this.wanted = true
    if (this.running) return
    if (this.pending) return this.pending
    this.pending = this.client.startScreenShare({ view: null, publish: true }).then(
      () => {
        this.pending = null
        if (!this.wanted) {
          void settle(this.log, 'stopScreenShare', () => this.client.stopScreenShare())
          return
        }
        this.running = true
        this.changed(true, 'screen sharing started')
      },
      (err) => {
        this.pending = null
        this.wanted = false
        throw screenShareError(err)
      },
    )
    return this.pending
  }

  async stop(): Promise<void> {
    this.wanted = false
    if (!this.running) return
    try {
      await this.client.stopScreenShare()
    } catch (err) {
      const failure = screenShareError(err)
      throw new WebrtcRoomError(SCREEN_SHARE_FAILED, `stopping the screen share failed: ${failure.message}`, failure.detail)
    }
    this.running = false
    this.changed(false, 'screen sharing stopped')
  }

  /** The browser ended the capture (its "Stop sharing" bar, the shared window closed). */
  stoppedByBrowser(): void {
    this.wanted = false
    if (!this.running) return
    this.running = false
    this.changed(false, 'screen sharing stopped from the browser')
  }

  /** Session end: no event, the room state resets itself. */
  dispose(): void {
    this.wanted = false
    if (this.running) void settle(this.log, 'stopScreenShare', () => this.client.stopScreenShare())
    this.running = false
  }
}

/**
 * Browser / TRTC web SDK failures → the plugin's room error codes (-904xx, plus the original's
 * -4 / -5 for a camera or mic that exists but cannot open). Pure: it reads the error's fields only.
 *
 * TRTC's `RtcError` has a `code` (TRTC.ERROR_CODE) and an `extraCode` with the detail; a raw
 * `DOMException` from getUserMedia has a `name`. Both are handled: the SDK sometimes rethrows the
 * browser's error as is.
 */
import { BROWSER_UNSUPPORTED, CAMERA_OPEN_FAILED, DEVICE_NOT_FOUND, ENTER_ROOM_FAILED, INSECURE_CONTEXT, MEDIA_PERMISSION_DENIED, MIC_OPEN_FAILED, userSigRejected } from '../../lib/runtime'
import type { TrtcErrorLike } from './trtc-sdk'

/** What was being done when it failed: decides the fallback code and the wording. */
export type BrowserStage = 'support' | 'camera' | 'microphone' | 'enter'

/** TRTC.ERROR_CODE values (trtc-sdk-v5 5.17). */
export const TrtcErrorCode = {
  INVALID_PARAMETER: 5000,
  INVALID_OPERATION: 5100,
  ENV_NOT_SUPPORTED: 5200,
  DEVICE_ERROR: 5300,
  SERVER_ERROR: 5400,
  OPERATION_FAILED: 5500,
  OPERATION_ABORT: 5998,
  UNKNOWN_ERROR: 5999,
} as const

/** The `extraCode`s we distinguish. */
export const TrtcExtraCode = {
  NOT_SUPPORTED_HTTP: 5201,
  DEVICE_NOT_FOUND: 5301,
  DEVICE_NOT_ALLOWED: 5302,
  DEVICE_NOT_READABLE: 5303,
  DEVICE_OVERCONSTRAINED: 5304,
  DEVICE_SECURITY: 5306,
  CAMERA_RECOVER_FAILED: 5308,
  MICROPHONE_RECOVER_FAILED: 5309,
  FIREWALL_RESTRICTION: 5501,
  REJOIN_FAILED: 5502,
  /** Server extraCode of a rejected userSig (same number as live-pusher's -100018). */
  USERSIG_CHECK_FAILED: -100018,
} as const

export interface BrowserFailure {
  /** Room error code for the `error` event. */
  code: number
  message: string
  /** TRTC's `extraCode` or `code`, when any: it travels in `detail.nativeCode`. */
  nativeCode: number
  /** true when the failure only means "we aborted it ourselves" (exitRoom during enterRoom). */
  aborted: boolean
}

const DEVICE_WORD: Record<BrowserStage, string> = {
  support: 'media device',
  camera: 'camera',
  microphone: 'microphone',
  enter: 'media device',
}

/** Which DOMException names mean which extraCode (what TRTC itself does in its device layer). */
const DOM_NAME_EXTRA: Record<string, number> = {
  NotFoundError: TrtcExtraCode.DEVICE_NOT_FOUND,
  DevicesNotFoundError: TrtcExtraCode.DEVICE_NOT_FOUND,
  NotAllowedError: TrtcExtraCode.DEVICE_NOT_ALLOWED,
  PermissionDeniedError: TrtcExtraCode.DEVICE_NOT_ALLOWED,
  SecurityError: TrtcExtraCode.DEVICE_SECURITY,
  NotReadableError: TrtcExtraCode.DEVICE_NOT_READABLE,
  TrackStartError: TrtcExtraCode.DEVICE_NOT_READABLE,
  OverconstrainedError: TrtcExtraCode.DEVICE_OVERCONSTRAINED,
}

function asErrorLike(err: unknown): TrtcErrorLike {
  if (err && typeof err === 'object') return err as TrtcErrorLike
  return { message: typeof err === 'string' ? err : String(err) }
}

function deviceFailure(stage: BrowserStage, extra: number, detail: string): Omit<BrowserFailure, 'aborted'> {
  const device = DEVICE_WORD[stage]
  switch (extra) {
    case TrtcExtraCode.DEVICE_NOT_FOUND:
      return { code: DEVICE_NOT_FOUND, nativeCode: extra, message: `no ${device} found: connect one and try again (${detail})` }
    case TrtcExtraCode.DEVICE_NOT_ALLOWED:
    case TrtcExtraCode.DEVICE_SECURITY:
      return { code: MEDIA_PERMISSION_DENIED, nativeCode: extra, message: `${device} permission denied: allow it in the browser's site settings (${detail})` }
    default: {
      // The device exists but will not open (in use by another app, constraints, recapture failed).
      const code = stage === 'microphone' || extra === TrtcExtraCode.MICROPHONE_RECOVER_FAILED ? MIC_OPEN_FAILED : CAMERA_OPEN_FAILED
      return { code, nativeCode: extra, message: `${device} could not be opened, it may be in use by another application (${detail})` }
    }
  }
}

/** Classify one failure of `stage`. Never throws, whatever `err` is. */
export function classifyBrowserError(err: unknown, stage: BrowserStage): BrowserFailure {
  const e = asErrorLike(err)
  const code = typeof e.code === 'number' ? e.code : undefined
  const extra = typeof e.extraCode === 'number' ? e.extraCode : undefined
  // The SDK's messages span lines ("…\nRefer to: https://…\n)"): one line reads better in an event log.
  const raw = (typeof e.message === 'string' && e.message) || (typeof e.name === 'string' && e.name) || 'unknown error'
  const detail = raw.replace(/\s+/g, ' ').trim()
  const nameExtra = typeof e.name === 'string' ? DOM_NAME_EXTRA[e.name] : undefined
  const done = (f: Omit<BrowserFailure, 'aborted'>, aborted = false): BrowserFailure => ({ ...f, aborted })

  if (code === TrtcErrorCode.OPERATION_ABORT) {
    return done({ code: ENTER_ROOM_FAILED, nativeCode: code, message: `aborted: ${detail}` }, true)
  }
  if (code === TrtcErrorCode.ENV_NOT_SUPPORTED) {
    if (extra === TrtcExtraCode.NOT_SUPPORTED_HTTP) {
      return done({ code: INSECURE_CONTEXT, nativeCode: extra, message: `camera and microphone need a secure context: serve the page over https or from localhost (${detail})` })
    }
    return done({ code: BROWSER_UNSUPPORTED, nativeCode: extra ?? code, message: `this browser cannot run TRTC (WebRTC): use a recent Chrome, Edge, Firefox or Safari (${detail})` })
  }
  if (code === TrtcErrorCode.DEVICE_ERROR || (code === undefined && nameExtra !== undefined)) {
    return done(deviceFailure(stage, extra ?? nameExtra ?? TrtcErrorCode.DEVICE_ERROR, detail))
  }
  if (stage === 'enter') {
    if (extra === TrtcExtraCode.USERSIG_CHECK_FAILED) {
      return done({ code: userSigRejected(detail), nativeCode: extra, message: `the server rejected the userSig: sign it for this sdkAppID and userID (${detail})` })
    }
    const unreachable = code === TrtcErrorCode.OPERATION_FAILED || extra === TrtcExtraCode.FIREWALL_RESTRICTION || code === undefined
    const why = unreachable ? 'could not reach the TRTC servers (network, firewall or proxy)' : 'the TRTC server refused to enter the room'
    return done({ code: ENTER_ROOM_FAILED, nativeCode: extra ?? code ?? 0, message: `enter room failed: ${why} (${detail})` })
  }
  if (stage === 'support') {
    return done({ code: BROWSER_UNSUPPORTED, nativeCode: extra ?? code ?? 0, message: `browser check failed (${detail})` })
  }
  return done(deviceFailure(stage, extra ?? code ?? 0, detail))
}

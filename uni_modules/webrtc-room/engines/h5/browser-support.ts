/**
 * "Can this browser run a room at all?" before anything is loaded or asked: secure context first
 * (an http page has no `navigator.mediaDevices`, and saying "unsupported browser" there would send
 * the user after the wrong fix), then the WebRTC and media-device APIs, then TRTC's own verdict.
 */
import { BROWSER_UNSUPPORTED, INSECURE_CONTEXT } from '../../lib/runtime'
import type { BrowserFailure } from './browser-errors'

/** What the browser platform adapter reads from `window` (see platform/h5-browser.ts). */
export interface BrowserCapabilities {
  isSecureContext: boolean
  hasMediaDevices: boolean
  hasPeerConnection: boolean
  /** `navigator.mediaDevices.getDisplayMedia` (screen share); absent = unknown, the SDK decides. */
  hasDisplayMedia?: boolean
  /** For messages only. */
  userAgent: string
}

/** `TRTC.isSupported()` result. */
export interface TrtcSupportResult {
  result: boolean
  detail?: Record<string, boolean>
}

function failure(code: number, message: string, nativeCode = 0): BrowserFailure {
  return { code, message, nativeCode, aborted: false }
}

export function checkCapabilities(caps: BrowserCapabilities): BrowserFailure | null {
  if (!caps.isSecureContext) {
    return failure(INSECURE_CONTEXT, 'camera and microphone need a secure context: serve the page over https (or from localhost)')
  }
  if (!caps.hasPeerConnection || !caps.hasMediaDevices) {
    const missing = [!caps.hasPeerConnection && 'RTCPeerConnection', !caps.hasMediaDevices && 'navigator.mediaDevices'].filter(Boolean).join(' and ')
    return failure(BROWSER_UNSUPPORTED, `this browser lacks ${missing}: use a recent Chrome, Edge, Firefox or Safari (${caps.userAgent})`)
  }
  return null
}

const ESSENTIAL_CHECKS = ['isBrowserSupported', 'isWebRTCSupported', 'isMediaDevicesSupported', 'isH264EncodeSupported', 'isVp8EncodeSupported']

export function checkTrtcSupport(support: TrtcSupportResult | null | undefined): BrowserFailure | null {
  if (support?.result) return null
  const failed = Object.entries(support?.detail ?? {})
    .filter(([, ok]) => ok === false)
    .map(([name]) => name)
  // Name the checks that decide (screen share or small streams missing never block a room).
  const essential = failed.filter((name) => ESSENTIAL_CHECKS.includes(name))
  const missing = essential.length > 0 ? essential : failed
  const why = missing.length > 0 ? missing.join(', ') : 'TRTC.isSupported() said no'
  return failure(BROWSER_UNSUPPORTED, `this browser cannot run TRTC: ${why}; use a recent Chrome, Edge, Firefox or Safari`)
}

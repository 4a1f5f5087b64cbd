/**
 * What the browser captures for the room's own user, from the same props the live-pusher takes.
 */
import type { ValidOptions } from '../../lib/runtime'
import type { TrtcMirror, TrtcVideoProfile } from './trtc-sdk'

/** enableCamera false or a pure-audio push mode = audio only from this side. */
export function wantsCamera(options: Pick<ValidOptions, 'enableCamera' | 'pureAudioPushMod'>): boolean {
  return options.enableCamera && options.pureAudioPushMod === undefined
}

/**
 * Portrait frames like the mini-program's pusher (aspect 9:16 → 360×640, 3:4 → 480×640), so a
 * browser and a phone show each other the same shape; the bitrate ceiling is maxBitrate (kbps).
 */
export function videoProfile(options: Pick<ValidOptions, 'aspect' | 'maxBitrate'>): TrtcVideoProfile {
  const width = options.aspect === '3:4' ? 480 : 360
  return { width, height: 640, frameRate: 15, bitrate: options.maxBitrate }
}

/**
 * localMirror / remoteMirror → trtc-sdk-v5's `mirror`: 'view' mirrors the preview, 'publish' what
 * others see. A browser cannot tell a front camera from a back one, so 'auto' mirrors the preview
 * (the SDK's own default for webcams and selfie cameras).
 */
export function mirrorMode(options: Pick<ValidOptions, 'localMirror' | 'remoteMirror'>): TrtcMirror {
  const view = options.localMirror !== 'disable'
  if (options.remoteMirror) return view ? 'both' : 'publish'
  return view ? 'view' : false
}

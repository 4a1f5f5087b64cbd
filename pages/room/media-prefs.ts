/**
 * The room page's mirror and background-policy choices (room-media-prefs.vue), as `<webrtc-room>`
 * props: `backgroundPolicy` '' leaves the prop unset (room.vue binds `|| undefined`), so the platform's default applies.
 */
import type { BackgroundPolicy, LocalMirror } from '@/uni_modules/webrtc-room'

export const LOCAL_MIRRORS: readonly LocalMirror[] = ['auto', 'enable', 'disable']
export const POLICIES: ReadonlyArray<BackgroundPolicy | ''> = ['', 'keep', 'mute', 'pause', 'leave']

export interface MediaPrefs {
  localMirror: LocalMirror
  remoteMirror: boolean
  backgroundPolicy: BackgroundPolicy | ''
}

export const DEFAULT_MEDIA_PREFS: MediaPrefs = { localMirror: 'auto', remoteMirror: false, backgroundPolicy: '' }


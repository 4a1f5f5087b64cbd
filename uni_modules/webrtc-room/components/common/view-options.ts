/**
 * Display options of one `<webrtc-room>` (labels language, caption name, cover images, sound mode),
 * keyed by room like the room store. The layouts and tiles read them by room key instead of taking
 * them as props: on mp-weixin every prop of every tile travels in its parent's setData, so five
 * constant strings per tile would be re-sent with each member change. Not room state, so not in
 * the Pinia room store; `<webrtc-room>` writes its entry and removes it on unmount.
 */
import { reactive } from 'vue'
import type { Lang } from './props'

export interface ViewOptions {
  lang: Lang
  /** Local caption (and IM nick). */
  userName: string
  /** '' = built-in spinner. */
  loadingImg: string
  playerBackgroundImg: string
  soundMode: 'speaker' | 'ear'
}

export const DEFAULT_VIEW_OPTIONS: Readonly<ViewOptions> = Object.freeze({
  lang: 'zh',
  userName: '',
  loadingImg: '',
  playerBackgroundImg: '',
  soundMode: 'speaker',
})

const views = reactive<Record<string, ViewOptions>>({})

function same(a: ViewOptions | undefined, b: ViewOptions): boolean {
  return !!a && a.lang === b.lang && a.userName === b.userName && a.loadingImg === b.loadingImg && a.playerBackgroundImg === b.playerBackgroundImg && a.soundMode === b.soundMode
}

export function setViewOptions(roomKey: string, options: ViewOptions): void {
  if (!same(views[roomKey], options)) views[roomKey] = { ...options }
}

export function removeViewOptions(roomKey: string): void {
  delete views[roomKey]
}

/** The room's display options (defaults for a room without an entry, e.g. a headless room). */
export function viewOptionsOf(roomKey: string): Readonly<ViewOptions> {
  return views[roomKey] ?? DEFAULT_VIEW_OPTIONS
}

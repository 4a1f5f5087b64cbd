/**
 * When the camera or microphone was denied, WeChat never shows its dialog again: only the settings
 * page can grant it. This offers the way there (a modal whose confirm tap counts as the user gesture
 * `openSetting` requires) and reports whether both scopes are granted afterwards.
 */
import type { AuthScope } from '../core/types'
import { uniApi } from './uni-api'

export type GuideLang = 'zh' | 'en'

const TEXT = {
  zh: {
    title: '需要授权',
    'scope.camera': '进入音视频房间需要使用摄像头，请在设置中允许“摄像头”。',
    'scope.record': '进入音视频房间需要使用麦克风，请在设置中允许“麦克风”。',
    confirm: '去设置',
    cancel: '取消',
  },
  en: {
    title: 'Permission needed',
    'scope.camera': 'The room needs your camera. Please allow "Camera" in the settings.',
    'scope.record': 'The room needs your microphone. Please allow "Microphone" in the settings.',
    confirm: 'Settings',
    cancel: 'Cancel',
  },
} as const

function guideText(scope: AuthScope, lang: GuideLang) {
  const t = TEXT[lang]
  return { title: t.title, content: t[scope], confirmText: t.confirm, cancelText: t.cancel }
}

export type GuideOutcome = 'granted' | 'still_denied' | 'cancelled'

/** Shows the modal; on confirm opens the settings page and checks the scopes the room needs. */
export function guideToSettings(scope: AuthScope, needed: AuthScope[], lang: GuideLang = 'zh'): Promise<GuideOutcome> {
  const api = uniApi()
  return new Promise((resolve) => {
    api.showModal({
      ...guideText(scope, lang),
      showCancel: true,
      success: (res) => {
        if (!res.confirm) return resolve('cancelled')
        api.openSetting({
          success: (r) => resolve(needed.every((s) => r?.authSetting?.[s] === true) ? 'granted' : 'still_denied'),
          fail: () => resolve('still_denied'),
        })
      },
      fail: () => resolve('cancelled'),
    })
  })
}

/**
 * When the camera or microphone was denied, WeChat never shows its dialog again: only the settings
 * page can grant it. This offers the way there (a modal whose confirm tap counts as the user gesture
 * `openSetting` requires) and reports whether both scopes are granted afterwards.
 */
import type { AuthScope } from '../core/types'
import { uniApi } from './uni-platform'

export type GuideLang = 'zh' | 'en'

/** The modal's texts; `device` names the denied scope's device as the settings page labels it. */
const TEXT = {
  zh: {
    title: '需要授权',
    device: { 'scope.camera': '摄像头', 'scope.record': '麦克风' },
    content: (device: string) => `进入音视频房间需要使用${device}，请在设置中允许“${device}”。`,
    confirm: '去设置',
    cancel: '取消',
  },
  en: {
    title: 'Permission needed',
    device: { 'scope.camera': 'Camera', 'scope.record': 'Microphone' },
    content: (device: string) => `The room needs your ${device.toLowerCase()}. Please allow "${device}" in the settings.`,
    confirm: 'Settings',
    cancel: 'Cancel',
  },
}

export type GuideOutcome = 'granted' | 'still_denied' | 'cancelled'

/** Shows the modal; on confirm opens the settings page and checks the scopes the room needs. */
export function guideToSettings(scope: AuthScope, needed: AuthScope[], lang: GuideLang = 'zh'): Promise<GuideOutcome> {
  const api = uniApi()
  const t = TEXT[lang]
  return new Promise((resolve) => {
    api.showModal({
      title: t.title,
      content: t.content(t.device[scope]),
      confirmText: t.confirm,
      cancelText: t.cancel,
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

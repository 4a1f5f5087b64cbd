/**
 * The opt-in permission guide of `<webrtc-room>`. An app that wants it imports it once, in main.ts:
 *
 *     import '@/uni_modules/webrtc-room/permission-guide'
 *
 * Then, with the `permissionGuide` prop on (the default), a camera / microphone denial (`error` -90104 /
 * -90105) is followed by a modal leading to the mini-program's settings page, and the room starts again
 * once every scope it needs is granted there. Without it the `error` event and the banner stay, no
 * modal opens, and the event's `detail.hint` names this import.
 *
 * When the camera or microphone was denied, WeChat never shows its dialog again: only the settings
 * page can grant it. The modal's confirm tap is the user gesture `openSetting` requires.
 */
import { type AuthScope, installSettingsGuide, type GuidedRoom, uniApi } from '../lib/runtime'

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

/** One room's guide: one modal at a time; granted → start again (a no-op once the room is destroyed). */
export function guideRoom(room: GuidedRoom): (denied: AuthScope) => Promise<void> {
  let guiding = false
  return async (denied) => {
    if (guiding) return
    guiding = true
    try {
      // The scopes the room needs: the camera only when it pushes video.
      const needed: AuthScope[] = room.needCamera() ? ['scope.camera', 'scope.record'] : ['scope.record']
      if ((await guideToSettings(denied, needed, room.lang() === 'en' ? 'en' : 'zh')) === 'granted') await room.start()
    } catch (err) {
      // The room already reported the denial as an `error`; a failing modal must not add a crash.
      room.log?.('warn', 'permission guide failed', { error: String(err) })
    } finally {
      guiding = false
    }
  }
}

installSettingsGuide(guideRoom)

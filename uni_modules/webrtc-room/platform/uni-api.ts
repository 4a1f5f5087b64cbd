/**
 * The subset of `uni` the plugin uses, typed once. `@dcloudio/types` leaves several of these loose
 * (`any` component instances, missing `offAppShow`); a narrow interface keeps the adapter honest and
 * lets tests hand in a recording stub. Types only: `uniApi()` (uni-platform.ts) hands it out.
 */
import type { NativeCallbacks, PlayerContext, PusherContext } from '../lib/runtime'

export interface UniSystemInfo {
  platform?: string
  version?: string
  SDKVersion?: string
  system?: string
  /** 'mp-weixin' | 'web' | ... (uni-app 3). */
  uniPlatform?: string
}

export interface UniApi {
  getSystemInfoSync(): UniSystemInfo
  authorize(opts: { scope: string } & NativeCallbacks): void
  getSetting(opts: { success?: (res: { authSetting?: Record<string, boolean> }) => void; fail?: (err?: unknown) => void }): void
  openSetting(opts?: { success?: (res: { authSetting?: Record<string, boolean> }) => void; fail?: (err?: unknown) => void }): void
  request(opts: {
    url: string
    method?: string
    data?: unknown
    header?: Record<string, string>
    timeout?: number
    success?: (res: { statusCode: number; data: unknown }) => void
    fail?: (err: { errMsg?: string }) => void
  }): unknown
  onAppShow(cb: (...args: unknown[]) => void): void
  offAppShow?(cb: (...args: unknown[]) => void): void
  onAppHide(cb: (...args: unknown[]) => void): void
  offAppHide?(cb: (...args: unknown[]) => void): void
  showModal(opts: {
    title?: string
    content?: string
    confirmText?: string
    cancelText?: string
    showCancel?: boolean
    success?: (res: { confirm: boolean; cancel: boolean }) => void
    fail?: (err?: unknown) => void
  }): void
  createLivePusherContext?(id: string, component: unknown): PusherContext
  createLivePlayerContext?(id: string, component: unknown): PlayerContext
}

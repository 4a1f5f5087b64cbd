/**
 * Native contexts and the platform adapter: the only door to `uni` / `wx`. Pure types, re-exported
 * by types.ts (one concept per file: the room contract there, the outside world here).
 */

export interface NativeCallbacks {
  success?: (res?: unknown) => void
  fail?: (err?: unknown) => void
  complete?: (res?: unknown) => void
}

/** What `uni.createLivePusherContext` returns (the subset we use). */
export interface PusherContext {
  start(cb?: NativeCallbacks): void
  stop(cb?: NativeCallbacks): void
  pause(cb?: NativeCallbacks): void
  resume(cb?: NativeCallbacks): void
  switchCamera(cb?: NativeCallbacks): void
  /** Camera preview without pushing (base library 2.7.0+). */
  startPreview?(cb?: NativeCallbacks): void
  stopPreview?(cb?: NativeCallbacks): void
}

/** What `uni.createLivePlayerContext` returns (the subset we use). */
export interface PlayerContext {
  play(cb?: NativeCallbacks): void
  stop(cb?: NativeCallbacks): void
  pause?(cb?: NativeCallbacks): void
  resume?(cb?: NativeCallbacks): void
  mute?(cb?: NativeCallbacks): void
}

export interface SystemInfo {
  /** 'ios' | 'android' | 'devtools' | 'windows' | 'mac' | ... */
  platform: string
  /** WeChat client version, e.g. '8.0.50'. */
  version?: string
  /** Base library version, e.g. '3.4.0'. */
  SDKVersion?: string
  system?: string
}

export type AuthScope = 'scope.camera' | 'scope.record'

export interface HttpRequest {
  url: string
  method: 'GET' | 'POST'
  data?: unknown
  header?: Record<string, string>
  timeout?: number
}

export interface HttpResponse {
  statusCode: number
  data: unknown
}

export type TimerHandle = unknown

/**
 * Everything the core needs from the outside world. The mp-weixin adapter wraps `uni`;
 * tests pass a fake; an H5 build passes the browser one.
 */
export interface Platform {
  readonly name: string
  getSystemInfo(): SystemInfo
  /** Resolves true when granted (asking the user if needed), false when denied. */
  authorize(scope: AuthScope): Promise<boolean>
  /** Opens the settings page so the user can grant a denied scope. */
  openSetting?(): Promise<void>
  /** HTTP, used only by the opt-in `legacy` entry (which brings the uni one when this is absent). */
  request?(req: HttpRequest): Promise<HttpResponse>
  /** Each returns an unsubscribe function. */
  onAppShow(cb: () => void): () => void
  onAppHide(cb: () => void): () => void
  setTimeout(fn: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
  now(): number
  random(): number
  log?(level: 'debug' | 'info' | 'warn' | 'error', message: string, data?: unknown): void
}

/**
 * Everything the plugin asks of `uni`, in one module: the `Platform` adapter (mp-weixin; its H5 build
 * reports 'h5' so the core skips the mini-program checks), the native live-pusher / live-player
 * contexts, and `uniApi()` for the opt-in entries (the permission guide's modal). This folder is the
 * only place in the plugin that looks `uni` up.
 *
 * @example
 * const room = createRoom(options, createUniPlatform())
 */
import type { AuthScope, Platform, PlayerContext, PusherContext, SystemInfo } from '../core/types'
import { redact } from '../core/redact'
import type { UniApi } from './uni-api'

/** `uni` looked up at call time (mp-weixin's `uni` proxies `wx`, which tests replace per case). */
export function uniApi(): UniApi {
  return uni as unknown as UniApi
}

/** The build target, fixed at compile time by uni's conditional compilation. */
export function buildPlatformName(): string {
  let name = 'unsupported'
  // #ifdef MP-WEIXIN
  name = 'mp-weixin'
  // #endif
  // #ifdef H5
  name = 'h5'
  // #endif
  return name
}

/** A uni callback API as a Promise that never rejects: `fallback` when the call itself throws. */
function settle<T>(call: (done: (value: T) => void) => void, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    try {
      call(resolve)
    } catch {
      resolve(fallback)
    }
  })
}

/**
 * Granted → true without asking; denied before → false at once (WeChat would not show the dialog
 * again: only the settings page can change it); never asked (or the setting unreadable) → the system dialog decides.
 */
export async function authorizeScope(scope: AuthScope): Promise<boolean> {
  const setting = await settle<Record<string, boolean> | null>((done) => uniApi().getSetting({ success: (res) => done(res?.authSetting ?? {}), fail: () => done(null) }), null)
  const known = setting?.[scope]
  if (typeof known === 'boolean') return known
  return settle((done) => uniApi().authorize({ scope, success: () => done(true), fail: () => done(false) }), false)
}

function openSetting(): Promise<void> {
  return new Promise((resolve, reject) => {
    uniApi().openSetting({ success: () => resolve(), fail: (err) => reject(new Error(errMsg(err, 'openSetting failed'))) })
  })
}

export function errMsg(err: unknown, fallback: string): string {
  const msg = (err as { errMsg?: unknown } | undefined)?.errMsg
  return typeof msg === 'string' && msg !== '' ? msg : fallback
}

function systemInfo(): SystemInfo {
  const info = uniApi().getSystemInfoSync()
  return { platform: info.platform ?? 'unknown', version: info.version, SDKVersion: info.SDKVersion, system: info.system }
}

/** Subscribe to app show / hide; the unsubscribe also silences the handler where the runtime has no `off…` (H5, old runtimes). */
const listen = (event: 'AppShow' | 'AppHide') => (cb: () => void): (() => void) => {
  const api = uniApi()
  let active = true
  const handler = () => {
    if (active) cb()
  }
  api[`on${event}`](handler)
  return () => {
    active = false
    api[`off${event}`]?.(handler)
  }
}

export interface UniPlatformOptions {
  /** Overrides the compile-time platform name (tests, or an app forcing 'h5'). */
  name?: string
  /** Plugin log sink (`console` by default); it receives messages and data with secrets redacted. */
  log?: Platform['log']
}

function consoleLog(level: 'debug' | 'info' | 'warn' | 'error', message: string, data?: unknown): void {
  const line = `[webrtc-room] ${message}`
  ;(console[level] ?? console.log)(...(data === undefined ? [line] : [line, data]))
}

export function createUniPlatform(options: UniPlatformOptions = {}): Platform {
  return {
    name: options.name ?? buildPlatformName(),
    getSystemInfo: systemInfo,
    authorize: authorizeScope,
    openSetting,
    onAppShow: listen('AppShow'),
    onAppHide: listen('AppHide'),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
    random: () => Math.random(),
    // Every sink, the app's own too, gets redacted text only.
    log: (level, message, data) => (options.log ?? consoleLog)(level, redact(message), redact(data)),
  }
}

// --- Native contexts ---
// Created on the component instance that owns the tag (mp-weixin scopes ids per component: a context
// made on the page would not find `#pusher` inside a component). Only mp-weixin has them; elsewhere
// these return null and the web engine takes over. `owner` is the Vue component
// (`getCurrentInstance().proxy`); uni passes the second argument to `wx` untouched, and wx wants its
// own component instance, which uni keeps as `$scope`.

/** The mp component instance behind a Vue component proxy (or the argument itself). */
export function nativeOwner(owner: unknown): unknown {
  const scope = (owner as { $scope?: unknown } | null | undefined)?.$scope
  return scope ?? owner
}

/** `uni.createLive{Pusher,Player}Context` on the tag's owner; null where the build has no live tags. */
function liveContext(tag: 'Pusher' | 'Player', tagId: string, owner: unknown): unknown {
  let ctx = null
  // #ifdef MP-WEIXIN
  ctx = uniApi()[`createLive${tag}Context`]?.(tagId, nativeOwner(owner)) ?? null
  // #endif
  return ctx
}

export const createPusherContext = (tagId: string, owner: unknown): PusherContext | null => liveContext('Pusher', tagId, owner) as PusherContext | null

export const createPlayerContext = (tagId: string, owner: unknown): PlayerContext | null => liveContext('Player', tagId, owner) as PlayerContext | null

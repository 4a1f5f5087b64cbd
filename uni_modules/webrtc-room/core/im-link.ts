/**
 * The seam of the opt-in IM entry on the controller side: the contract between a controller and its
 * IM link (room-im.ts), which `registerIM` (im-registry.ts, called by the IM entry) installs here.
 * Without the entry only this seam ships, with `imAccess`: sends answer IM_DISABLED / IM_NOT_INSTALLED
 * and the controller reports an enableIM it cannot serve; the link, its session lifecycle and its input
 * checks are the entry's.
 */
import { codeMessage } from './codes'
import { WebrtcRoomError } from './error-codes'
import * as E from './error-codes'
import type { ValidOptions } from './options'
import type { SigAnswer, SigReason } from './sig-refresh'
import type { ImEvent, Platform, RoomController } from './types'

export type SendFail = (code: number, message: string) => void
export const IM_SENDS = ['sendC2CTextMsg', 'sendC2CCustomMsg', 'sendGroupTextMsg', 'sendGroupCustomMsg'] as const
export type ImMethods = Pick<RoomController, (typeof IM_SENDS)[number]>

/** The IM_NOT_INSTALLED message: enableIM in an app without the IM entry (or after unregisterIM). */
export const IM_MISSING = "enableIM needs import '@/uni_modules/webrtc-room/im' (main.ts)"

/** What a controller gives its IM link (room-im.ts). */
export interface ImHost {
  key: string
  platform: Platform
  /** Options of the current session (null before a valid start). */
  options(): ValidOptions | null
  /** IM wanted: the session's options, else the prop as given. */
  enabled(): boolean
  /** The sink's recorder (the media-codes store), for the session's im-event errors. */
  record(event: ImEvent, kind: 'im'): void
  /** To the room's onIM handlers. */
  emit(event: ImEvent): void
  /** The controller's own IM failures: an im-event `error`, and a room `warning` (recorded once, there). */
  failure(code: number, message: string): void
  /** Calls `fail(code, message)` (if any) and returns the matching rejected Promise. */
  reject(method: string, code: number, message: string, fail?: SendFail): Promise<never>
  log(level: 'debug' | 'info' | 'warn' | 'error', message: string, data?: unknown): void
  /** Ask the app's getUserSig (sig-refresh.ts); on `ok` the session's options already hold the new sig. Absent without the sig-refresh entry. */
  refreshSig?: (reason: SigReason) => Promise<SigAnswer>
}

export interface ImLink {
  start(): void
  stop(): void
  /** Settles when the last stopped IM session logged out (or gave up waiting). */
  stopped(): Promise<void>
  /** A send answers undefined when IM is off or gone: the controller then answers IM_DISABLED / IM_NOT_INSTALLED. */
  methods: { [M in keyof ImMethods]: (...args: Parameters<ImMethods[M]>) => ReturnType<ImMethods[M]> | undefined }
}

/** The installed link factory (none: the app did not import the IM entry, or unregistered it). */
export let imLink: ((host: ImHost) => ImLink) | undefined

export function installImLink(create: ((host: ImHost) => ImLink) | undefined): void {
  imLink = create
}

/** What the controller hands its IM side: the link's host, without the two answers imAccess makes itself. */
export type ImAccessHost = Omit<ImHost, 'failure' | 'reject'> & {
  /** Runs `fn`, logging what it throws (a broken fail callback must not break the room). */
  safely(what: string, fn: () => void): void
  /** A room `warning` for an IM failure (recorded once, there). */
  warn(code: number, message: string): void
}

/**
 * The controller's IM side: the IM entry's link, made on first use (registerIM may run after the room
 * was made), and the answers without it — a send rejects with IM_DISABLED / IM_NOT_INSTALLED.
 */
export function imAccess(host: ImAccessHost) {
  /** An IM failure of the controller: an im-event `error`, and a room `warning`. */
  function failure(code: number, message: string): void {
    host.emit({ tag: 'error', code, detail: { message } })
    host.warn(code, message)
  }
  function reject(method: string, code: number, message: string, fail?: SendFail): Promise<never> {
    if (fail) host.safely(`${method} fail callback`, () => fail(code, message))
    const rejected = Promise.reject(new WebrtcRoomError(code, message, { method }))
    // Callback users often ignore the Promise: keep that from being an unhandled rejection.
    if (fail) rejected.catch(() => {})
    return rejected
  }
  let link: ImLink | undefined
  const im = () => (link ??= imLink?.({ ...host, failure, reject }))
  /** A send method: the link's, or IM_DISABLED / IM_NOT_INSTALLED (the fail callback is the last parameter). */
  const send = (method: keyof ImMethods) => (...args: unknown[]) => {
    const sent = im()?.methods[method](...(args as [never, never]))
    if (sent) return sent
    const code = host.enabled() ? E.IM_NOT_INSTALLED : E.IM_DISABLED
    return reject(method, code, `${method}: ${codeMessage(code)}`, args[method.startsWith('sendC2C') ? 3 : 2] as SendFail | undefined)
  }
  return { im, current: () => link, send, failure }
}

/**
 * A controller's side of IM: the contract with the IM link (room-im.ts, installed by `registerIM`
 * through im-registry.ts) and the bridge each controller builds over it. Without an installed link,
 * sends answer IM_DISABLED / IM_NOT_INSTALLED from here, so an app that never imports the IM entry
 * ships none of the link, its session lifecycle and its input checks.
 */
import { codeMessage } from './codes'
import { RoomErrorCode, WebrtcRoomError } from './error-codes'
import type { ValidOptions } from './options'
import type { SigAnswer, SigReason } from './sig-refresh'
import type { ImEvent, Platform, RoomController } from './types'

export type SendFail = (code: number, message: string) => void
export type ImMethods = Pick<RoomController, 'sendC2CTextMsg' | 'sendC2CCustomMsg' | 'sendGroupTextMsg' | 'sendGroupCustomMsg'>

/** What a controller gives its IM link (room-im.ts). */
export interface ImHost {
  key: string
  platform: Platform
  /** Options of the current session (null before a valid start). */
  options(): ValidOptions | null
  /** IM wanted: the session's options, else the prop as given. */
  enabled(): boolean
  deliver(event: ImEvent, record?: boolean): void
  /** The controller's own IM failures: an im-event `error`, and a room `warning` (recorded once, there). */
  failure(code: number, message: string): void
  /** enableIM without a registered IM: the IM_NOT_INSTALLED failure. */
  notInstalled(): void
  /** Calls `fail(code, message)` (if any) and returns the matching rejected Promise. */
  reject(method: string, code: number, message: string, fail?: SendFail): Promise<never>
  /** IM_DISABLED when enableIM is false, else IM_NOT_INSTALLED. */
  rejectUnavailable(method: string, fail?: SendFail): Promise<never>
  log(level: 'debug' | 'info' | 'warn' | 'error', message: string, data?: unknown): void
  /** Ask the app's getUserSig (sig-refresh.ts); on `ok` the session's options already hold the new sig. Absent without the sig-refresh entry. */
  refreshSig?: (reason: SigReason) => Promise<SigAnswer>
}

export interface ImLink {
  start(): void
  stop(): void
  /** Settles when the last stopped IM session logged out (or gave up waiting). */
  stopped(): Promise<void>
  methods: ImMethods
}

let imLinkFactory: ((host: ImHost) => ImLink) | undefined

export function installImLink(create: ((host: ImHost) => ImLink) | undefined): void {
  imLinkFactory = create
}

/** What the controller lends its IM bridge. */
export type ImBridgeHost = Omit<ImHost, 'failure' | 'notInstalled' | 'reject' | 'rejectUnavailable'> & {
  /** A room `warning` (the controller dispatches it). */
  warn(code: number, message: string): void
  safely(what: string, fn: () => void): void
}

export interface ImBridge {
  /** Start the IM session; without a link, IM_NOT_INSTALLED when a session asked for it. */
  start(inSession: boolean): void
  stop(): void
  stopped(): Promise<void> | undefined
  /** The controller's send methods: the link's, or IM_DISABLED / IM_NOT_INSTALLED as the link would answer. */
  methods: ImMethods
}

const SEND_METHODS: Array<keyof ImMethods> = ['sendC2CTextMsg', 'sendC2CCustomMsg', 'sendGroupTextMsg', 'sendGroupCustomMsg']

export function createImBridge({ warn, safely, ...base }: ImBridgeHost): ImBridge {
  const E = RoomErrorCode
  const host: ImHost = {
    ...base,
    failure(code, message) {
      base.deliver({ tag: 'error', code, detail: { message } }, false)
      warn(code, message)
    },
    notInstalled: () => host.failure(E.IM_NOT_INSTALLED, "enableIM is set but the IM entry is not installed: import '@/uni_modules/webrtc-room/im' once in main.ts"),
    reject(method, code, message, fail) {
      if (fail) safely(`${method} fail callback`, () => fail(code, message))
      const rejected = Promise.reject(new WebrtcRoomError(code, message, { method }))
      // Callback users often ignore the Promise: keep that from being an unhandled rejection.
      if (fail) rejected.catch(() => {})
      return rejected
    },
    rejectUnavailable(method, fail) {
      const on = host.enabled()
      const code = on ? E.IM_NOT_INSTALLED : E.IM_DISABLED
      return host.reject(method, code, `${method}: ${on ? '' : 'enableIM is false — '}${codeMessage(code)}`, fail)
    },
  }
  /** Created on first use: registerIM may run after this controller was made. */
  let link: ImLink | undefined
  const get = () => (link ??= imLinkFactory?.(host))
  return {
    start: (inSession) => (get() ? link!.start() : inSession ? host.notInstalled() : undefined),
    stop: () => link?.stop(),
    stopped: () => link?.stopped(),
    // The `fail` callback follows the message: a C2C send's 4th argument, a group send's 3rd.
    methods: Object.fromEntries(SEND_METHODS.map((method) => [method, (...args: unknown[]) =>
      get()?.methods[method](...(args as [never, never])) ?? host.rejectUnavailable(method, args[method.startsWith('sendC2C') ? 3 : 2] as SendFail | undefined)])) as ImMethods,
  }
}

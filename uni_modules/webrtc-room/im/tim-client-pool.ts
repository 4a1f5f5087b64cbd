/**
 * One logged-in tim instance per SDKAppID, shared by every room session that uses it.
 *
 * Why a pool: `TIM.create` returns the same instance for the same SDKAppID, tim refuses a second
 * `login()` within 15 s (2025 REPEAT_LOGIN) and holds one user at a time. So two rooms of one app
 * share one login (reference counted), and the last one out logs out and destroys the instance
 * (which closes its socket and drops tim's per-SDKAppID cache, so the next room starts fresh).
 * A login the plugin did not make (the app had already logged in: tim answers `repeatLogin`) is
 * left alone on release.
 */
import { IM_LOGIN_FAILED, WebrtcRoomError } from '../lib/runtime'
import type { TimErrorLike, TimEvent, TimInstance, TimStatic } from './tim-types'

export interface LoginOutcome {
  /** tim answered `repeatLogin`: this user was already logged in on this instance. */
  repeatLogin: boolean
}

/** What a session holds while it uses a pooled instance. */
export interface TimLease {
  readonly tim: TimInstance
  readonly sdkAppID: number
  readonly userID: string
  /** Settles when logged in and SDK_READY (rejects with a WebrtcRoomError IM_LOGIN_FAILED). */
  readonly loggedIn: Promise<LoginOutcome>
  /** True between SDK_READY and logout / kick-out. */
  isLoggedIn(): boolean
}

interface Entry {
  tim: TimInstance
  sdkAppID: number
  userID: string
  refs: number
  login: Promise<LoginOutcome> | null
  loginSettled: boolean
  loggedIn: boolean
  ownsLogin: boolean
  /** Stops waiting for SDK_READY (the pending login's listener and timer). */
  cancelReady: () => void
  unsubscribe: () => void
}

export interface TimClientPoolOptions {
  /** tim log level (0 verbose … 4 none); tim's default when unset. */
  logLevel?: number
  /** ms to wait for SDK_READY after `login()` resolved. */
  readyTimeoutMs?: number
}

export function timErrorCode(error: unknown): number | undefined {
  const code = (error as TimErrorLike | null)?.code
  return typeof code === 'number' ? code : undefined
}

export function timErrorMessage(error: unknown): string {
  const message = (error as TimErrorLike | null)?.message
  return typeof message === 'string' && message ? message : String(error)
}

export class TimClientPool {
  private readonly entries = new Map<number, Entry>()
  private readonly disposing = new Map<number, Promise<void>>()

  constructor(
    private readonly TIM: TimStatic,
    private options: TimClientPoolOptions = {},
  ) {}

  /** New options apply to instances created from now on (and readiness waits started from now on). */
  configure(options: TimClientPoolOptions): void {
    this.options = { ...this.options, ...options }
  }

  /** Number of live instances (for tests and diagnostics). */
  get size(): number {
    return this.entries.size
  }

  /**
   * A lease on the instance for `sdkAppID`, logged in as `userID` (login starts now if needed).
   * Rejects when another user holds that SDKAppID's instance.
   */
  async acquire(sdkAppID: number, userID: string, userSig: string): Promise<TimLease> {
    // A previous instance of this SDKAppID may still be logging out: never reuse it half-destroyed.
    await this.disposing.get(sdkAppID)
    let entry = this.entries.get(sdkAppID)
    if (entry && entry.userID !== userID) {
      throw new WebrtcRoomError(
        IM_LOGIN_FAILED,
        `IM of SDKAppID ${sdkAppID} is in use by user '${entry.userID}': tim-wx-sdk holds one user per SDKAppID`,
        { userID, activeUserID: entry.userID },
      )
    }
    if (!entry) {
      entry = this.createEntry(sdkAppID, userID)
      this.entries.set(sdkAppID, entry)
    }
    entry.refs++
    if (!entry.login) {
      entry.loginSettled = false
      entry.login = this.login(entry, userSig)
      // Sessions observe it through their lease; one cancelled before it settled must not leave
      // its failure as an unhandled rejection.
      entry.login.catch(() => {})
    }
    const current = entry
    return {
      tim: current.tim,
      sdkAppID,
      userID,
      loggedIn: current.login!,
      isLoggedIn: () => current.loggedIn,
    }
  }

  /** Gives a lease back; the last one out logs out and destroys the instance. */
  release(lease: TimLease): Promise<void> {
    const entry = this.entries.get(lease.sdkAppID)
    if (!entry || entry.tim !== lease.tim) return Promise.resolve()
    entry.refs--
    if (entry.refs > 0) return Promise.resolve()
    this.entries.delete(lease.sdkAppID)
    const done = this.dispose(entry).finally(() => this.disposing.delete(lease.sdkAppID))
    this.disposing.set(lease.sdkAppID, done)
    return done
  }

  private createEntry(sdkAppID: number, userID: string): Entry {
    const tim = this.TIM.create({ SDKAppID: sdkAppID })
    if (!tim) {
      throw new WebrtcRoomError(IM_LOGIN_FAILED, `TIM.create failed for SDKAppID ${sdkAppID}`, { sdkAppID })
    }
    if (this.options.logLevel !== undefined) tim.setLogLevel?.(this.options.logLevel)
    const entry: Entry = {
      tim, sdkAppID, userID, refs: 0, login: null, loginSettled: false, loggedIn: false, ownsLogin: false,
      cancelReady: () => {}, unsubscribe: () => {},
    }
    const { EVENT } = this.TIM
    // Kick-out and SDK_NOT_READY end the login; a later acquire logs in again (no automatic re-login).
    const onLoggedOut = () => {
      entry.loggedIn = false
      if (entry.loginSettled) entry.login = null
    }
    tim.on(EVENT.KICKED_OUT, onLoggedOut)
    tim.on(EVENT.SDK_NOT_READY, onLoggedOut)
    entry.unsubscribe = () => {
      tim.off(EVENT.KICKED_OUT, onLoggedOut)
      tim.off(EVENT.SDK_NOT_READY, onLoggedOut)
    }
    return entry
  }

  private async login(entry: Entry, userSig: string): Promise<LoginOutcome> {
    const ready = this.waitReady(entry.tim)
    entry.cancelReady = ready.cancel
    try {
      const response = await entry.tim.login({ userID: entry.userID, userSig })
      const repeatLogin = response?.data?.repeatLogin === true
      // repeatLogin: someone (the app) logged in before this instance was pooled, and its SDK_READY
      // may be long gone (tim has no public isReady()). Go on: if tim is not ready after all, the
      // join fails with tim's own code (2999) instead of a guessed one.
      if (!repeatLogin) await ready.promise
      entry.loggedIn = true
      entry.ownsLogin = !repeatLogin
      return { repeatLogin }
    } catch (error) {
      entry.login = null // the next acquire may try again
      if (error instanceof WebrtcRoomError) throw error
      const nativeCode = timErrorCode(error)
      throw new WebrtcRoomError(IM_LOGIN_FAILED, `IM login failed: ${timErrorMessage(error)}`, {
        nativeCode,
        userID: entry.userID,
      })
    } finally {
      ready.cancel()
      entry.loginSettled = true
    }
  }

  /** SDK_READY as a promise, bounded by `readyTimeoutMs` (tim can stay not-ready when offline). */
  private waitReady(tim: TimInstance): { promise: Promise<void>; cancel(): void } {
    const { EVENT } = this.TIM
    let onReady: (e: TimEvent) => void = () => {}
    let timer: ReturnType<typeof setTimeout> | undefined
    const promise = new Promise<void>((resolve, reject) => {
      onReady = () => resolve()
      tim.on(EVENT.SDK_READY, onReady)
      const ms = this.options.readyTimeoutMs ?? 15_000
      timer = setTimeout(
        () => reject(new WebrtcRoomError(IM_LOGIN_FAILED, `IM login: no SDK_READY within ${ms} ms`, { timeoutMs: ms })),
        ms,
      )
    })
    promise.catch(() => {}) // observed by login(); never an unhandled rejection when login fails first
    return {
      promise,
      cancel: () => {
        clearTimeout(timer)
        tim.off(EVENT.SDK_READY, onReady)
      },
    }
  }

  private async dispose(entry: Entry): Promise<void> {
    entry.unsubscribe()
    entry.cancelReady()
    // A login still pending (tim never settles it offline) is not awaited: destroy ends it.
    if (entry.loginSettled && !entry.ownsLogin && entry.loggedIn) return // the app's own login: leave it
    if (entry.loggedIn) await entry.tim.logout().catch(() => {})
    await entry.tim.destroy().catch(() => {})
  }
}

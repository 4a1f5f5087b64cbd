/**
 * The room's IM link: starts and stops the session the IM entry registered (im-registry.ts), relays
 * its events, and runs the four send methods with their callbacks and typed rejections. Whether IM
 * is on is the reducer's decision (its `im_start` / `im_stop` effects); this module only obeys.
 *
 * Only `registerIM` (im-registry.ts) reaches this module: an app without IM ships none of it, and
 * its controller answers sends with IM_DISABLED / IM_NOT_INSTALLED itself (room.ts).
 */
import { codeMessage } from './codes'
import { errorCode, errorText, type WebrtcRoomError } from './error-codes'
import * as E from './error-codes'
import type { CustomMsgInput, ImFactory, ImSession } from './im-registry'
import { validateCustom, validateReceiver, validateText } from './im-validate'
import { roomIDText } from './options'
import { IM_MISSING, type ImHost, type ImLink, type SendFail } from './im-link'
import { redact } from './redact'
import { SIG_MISSING } from './refresher'
import { SIG_REFRESH_LIMIT, sigReason, type SigReason } from './sig-refresh'

/** How long stop() waits for an IM session's logout before it resolves anyway. */
export const IM_STOP_TIMEOUT_MS = 5000

interface Link {
  session: ImSession
  ready: boolean
  off: () => void
}

function settleWith(fn: () => Promise<unknown> | unknown): Promise<unknown> {
  try {
    return Promise.resolve(fn())
  } catch (err) {
    return Promise.reject(err)
  }
}

/** `getIMFactory`: the registered IM (passed in by im-registry.ts, which is what installs this link). */
export function createImLink(host: ImHost, getIMFactory: () => ImFactory | null): ImLink {
  const { log, failure } = host
  let im: Link | null = null
  /** Settles when the last stopped session finished stopping (or failed to). */
  let stopping: Promise<void> = Promise.resolve()
  let stopPending = false
  /** getUserSig asks since IM last logged in: a refreshed sig rejected again ends in -90200, no loop. */
  let sigTries = 0

  /**
   * tim refused the userSig (login 70001 …, or kicked out `userSigExpired`): ask getUserSig, then log
   * in again with a new session — the IM store keeps conversations and messages across sessions.
   */
  function resign(link: Link, reason: SigReason, why: string): void {
    const fail = (message: string) => failure(E.USERSIG_EXPIRED, redact(`IM ${why}: ${message}`))
    // Without the sig-refresh entry a refused userSig is the error it is without getUserSig.
    if (!host.refreshSig) return fail(host.options()?.getUserSig ? SIG_MISSING : 'getUserSig is not set')
    if (sigTries >= SIG_REFRESH_LIMIT) return fail(`refused again after ${sigTries} refreshes`)
    sigTries++
    host.refreshSig(reason).then((answer) => {
      if (im !== link) return
      if (answer.ok) login()
      else fail(answer.message)
    })
  }

  function start(): void {
    sigTries = 0
    login()
  }

  function login(): void {
    stop()
    const options = host.options()
    if (!options) return
    const factory = getIMFactory()
    if (!factory) return failure(E.IM_NOT_INSTALLED, IM_MISSING)
    let session: ImSession
    try {
      session = factory(
        {
          roomKey: host.key,
          sdkAppID: options.sdkAppID,
          userID: options.userID,
          userSig: options.userSig,
          groupID: roomIDText(options.room),
          groupType: options.imGroupType,
          nick: options.userName || options.userID,
        },
        host.platform,
      )
    } catch (err) {
      failure(errorCode(err, E.IM_LOGIN_FAILED), errorText(err, 'IM session could not be created'))
      return
    }
    const link: Link = { session, ready: false, off: () => {} }
    im = link
    try {
      link.off = session.on((event) => {
        if (im !== link) return
        if (event.tag === 'error') host.record(event, 'im')
        host.emit(event)
        if (event.tag === 'kicked_out' && (event.detail as { reason?: unknown } | null)?.reason === 'userSigExpired') resign(link, 'expired', 'kicked out: userSig expired')
      })
    } catch (err) {
      log('warn', 'IM session.on threw', { error: String(err) })
    }
    settleWith(() => session.start()).then(
      () => {
        if (im !== link) return
        link.ready = true
        sigTries = 0
      },
      (err) => {
        if (im !== link) return
        // tim's account codes for a refused userSig (70001 expired …): refresh, or -90200.
        const nativeCode = (err as { detail?: { nativeCode?: unknown } } | null)?.detail?.nativeCode
        const reason = sigReason(nativeCode)
        if (reason) resign(link, reason, `login refused the userSig (${String(nativeCode)})`)
        else failure(errorCode(err, E.IM_LOGIN_FAILED), errorText(err, 'IM login failed'))
      },
    )
  }

  function stop(): void {
    const link = im
    if (!link) return
    im = null
    try {
      link.off()
    } catch (err) {
      log('error', 'IM unsubscribe threw', { error: String(err) })
    }
    stopPending = true
    const settled: Promise<void> = settleWith(() => link.session.stop())
      .catch((err) => log('warn', 'IM stop failed', { error: String(err) }))
      .then(() => {
        if (stopping === settled) stopPending = false
      })
    stopping = settled
  }

  /** stop() waits for the IM logout, but never forever: an offline SDK may not answer. */
  function stopped(): Promise<void> {
    if (!stopPending) return Promise.resolve()
    const { platform } = host
    return new Promise<void>((resolve) => {
      let done = false
      const finish = () => {
        if (done) return
        done = true
        platform.clearTimeout(handle)
        resolve()
      }
      const handle = platform.setTimeout(() => {
        log('warn', `IM stop did not settle within ${IM_STOP_TIMEOUT_MS} ms; continuing`)
        finish()
      }, IM_STOP_TIMEOUT_MS)
      stopping.then(finish)
    })
  }

  /** undefined: IM is off, or unregistered with no session left (the controller answers IM_DISABLED / IM_NOT_INSTALLED). */
  function send(name: string, call: (session: ImSession) => Promise<unknown>, inputError: WebrtcRoomError | null, succ?: (res: unknown) => void, fail?: SendFail): Promise<unknown> | undefined {
    const failWith = (code: number, message: string) => host.reject(name, code, message, fail)
    if (!host.enabled()) return
    // A bad input is the clearer answer than "not ready": report it first.
    if (inputError) return failWith(inputError.code, `${name}: ${inputError.message}`)
    if (!getIMFactory() && !im) return
    const link = im
    if (!link || !link.ready) return failWith(E.IM_NOT_READY, `${name}: ${codeMessage(E.IM_NOT_READY)}`)
    return settleWith(() => call(link.session)).then(
      (res) => {
        if (succ) {
          try {
            succ(res)
          } catch (err) {
            log('error', `${name} succ callback threw`, { error: String(err) })
          }
        }
        return res
      },
      (err) => failWith(errorCode(err, E.IM_SEND_FAILED), errorText(err, `${name} failed`)),
    )
  }

  const methods: ImLink['methods'] = {
    sendC2CTextMsg: (receiveUser, msg, succ, fail) => send('sendC2CTextMsg', (s) => s.sendC2CTextMsg(receiveUser, msg), validateReceiver(receiveUser) ?? validateText(msg, 'C2C'), succ, fail),
    sendC2CCustomMsg: (receiveUser, msg, succ, fail) =>
      send('sendC2CCustomMsg', (s) => s.sendC2CCustomMsg(receiveUser, msg as CustomMsgInput), validateReceiver(receiveUser) ?? validateCustom(msg, 'C2C'), succ, fail),
    sendGroupTextMsg: (msg, succ, fail) => send('sendGroupTextMsg', (s) => s.sendGroupTextMsg(msg), validateText(msg, 'GROUP'), succ, fail),
    sendGroupCustomMsg: (msg, succ, fail) => send('sendGroupCustomMsg', (s) => s.sendGroupCustomMsg(msg as CustomMsgInput), validateCustom(msg, 'GROUP'), succ, fail),
  }

  return { start, stop, stopped, methods }
}

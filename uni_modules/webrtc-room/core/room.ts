/**
 * The headless room controller: `createRoom(options, platform)` → `RoomController` (types.ts).
 *
 * It owns nothing but plumbing; every decision is the reducer's (reducer.ts):
 *   action → reduce → write the room store (only fields that changed) → run the effects
 *   (emit to `on()` handlers + media-codes store, preflight, room-signature request, timers on the
 *   platform, engine calls, IM session start/stop).
 * Actions dispatched while effects run (a handler calling `pause()`, a synchronous engine) are queued
 * and applied in order. Async results (preflight, room signature, timers, engine sinks, IM) carry the
 * epoch of their session and are dropped once that session ended (stop, re-enter, identity change).
 *
 * Listeners: app show/hide are subscribed on `start()` and released on `stop()` / `destroy()` and
 * whenever the room ends by itself (exited, error) — a room left alone leaks nothing.
 *
 * The media engine is injected (engine.ts): the live-tags engine (mp-weixin) by default, the TRTC web
 * engine on H5. The public entry (index.ts) supplies the uni platform when none is given.
 *
 * @example
 * const room = createRoom({ sdkAppID, userID, userSig, roomID: 1234 }, platform)
 * room.on((e) => console.log(e.tag, e.code))
 * await room.start()  // preflight done: push URL known (legacy: signature requested), or an `error` event
 * <live-pusher :url="room.pushURL" @statechange="room.onPusherStateChange($event.detail)" />
 */
import type { Effect, EngineAction, RoomAction } from './actions'
import { codeMessage } from './codes'
import type { EngineFactory, EngineSink, NativeEvent, RoomEngine } from './engine'
import { RoomErrorCode, TIM_USERSIG_EXPIRED, WebrtcRoomError } from './error-codes'
import { getIMFactory, type CustomMsgInput, type ImSession } from './im-registry'
import { validateCustom, validateReceiver, validateText } from './im-validate'
import { roomIDText } from './options'
import { runPreflight, type PreflightResult } from './preflight'
import { reduce } from './reducer'
import { buildRoomSigRequest, parseRoomSigResponse } from './room-signature'
import { redact } from './redact'
import { copyMembers, createCoreState, orderedMembers, type CoreState } from './room-state'
import { isActive } from './status'
import type {
  ImEvent,
  MemberState,
  NetStatusDetail,
  Platform,
  PlayerContext,
  PusherContext,
  PusherErrorDetail,
  RoomController,
  RoomEvent,
  RoomOptions,
  RoomState,
  StateChangeDetail,
  StreamType,
  TimerHandle,
  Unsubscribe,
} from './types'
import { getController, registerController, unregisterController } from './controllers'

/**
 * Where a controller writes its room state, only what changed (the Pinia room store provides one,
 * stores/room.ts `roomSink`), and where it records errors and warnings (the media-codes store).
 */
export interface RoomSink {
  put(state: RoomState): void
  patch(key: string, patch: Partial<RoomState>): void
  patchMembers(key: string, changed: Record<string, MemberState>, removed: string[]): void
  remove(key: string): void
  /** The sink's live (e.g. reactive) copy of a room, returned by `controller.state`. */
  view?(key: string): RoomState | undefined
  record?(event: RoomEvent | ImEvent, meta: { kind: 'room' | 'im'; roomKey: string; at: number }): void
}

export interface ControllerConfig {
  /** Room key (unique per instance); generated when absent. */
  key?: string
  /** Media engine (room-factory.ts picks this build's). */
  engine: EngineFactory
  /** Where state goes; without one the controller keeps it to itself (`controller.state`). */
  sink?: RoomSink
  /** Events kept in `state.events`. */
  eventLimit?: number
}

/** How long stop() waits for an IM session's logout before it resolves anyway. */
export const IM_STOP_TIMEOUT_MS = 5000

type SendSucc = (res: unknown) => void
type SendFail = (code: number, message: string) => void

let roomSeq = 0

function nextKey(): string {
  roomSeq += 1
  return `room-${roomSeq}`
}

function errorCode(err: unknown, fallback: number): number {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'number' && Number.isFinite(code) ? code : fallback
}

function errorText(err: unknown, fallback: string): string {
  if (err instanceof Error && err.message) return err.message
  const message = (err as { message?: unknown } | null)?.message
  return typeof message === 'string' && message ? message : fallback
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function createController(options: RoomOptions, platform: Platform, config: ControllerConfig): RoomController {
  if (!platform || typeof platform.setTimeout !== 'function') {
    throw new WebrtcRoomError(RoomErrorCode.UNSUPPORTED_PLATFORM, 'createRoom needs a Platform adapter (index.ts supplies the uni one)')
  }
  const key = config.key || nextKey()
  if (getController(key)) platform.log?.('warn', `createRoom: key '${key}' is taken; the newer room replaces it in the store`)
  const sink = config.sink
  const raw: RoomOptions = isRecord(options) ? { ...(options as RoomOptions) } : ({} as RoomOptions)

  let core: CoreState = createCoreState(key, raw, config.eventLimit)
  sink?.put(core.room)

  const engine: RoomEngine = config.engine({ roomKey: key, platform })
  const handlers = new Set<(event: RoomEvent) => void>()
  const imHandlers = new Set<(event: ImEvent) => void>()
  const timers = new Map<string, TimerHandle>()
  let appListeners: Unsubscribe[] = []
  let destroyed = false

  interface ImLink {
    session: ImSession
    ready: boolean
    off: () => void
  }
  let im: ImLink | null = null
  /** Settles when the last stopped IM session finished stopping (or failed to). */
  let imStopping: Promise<void> = Promise.resolve()
  let imStopPending = false

  const waiters: Array<{ epoch: number; resolve: () => void }> = []

  // ---------------------------------------------------------------------------------------------
  // Delivery

  function log(level: 'debug' | 'info' | 'warn' | 'error', message: string, data?: unknown): void {
    try {
      platform.log?.(level, redact(`[${key}] ${message}`), redact(data))
    } catch {
      // A broken log sink must not break the room.
    }
  }

  function deliver(event: RoomEvent): void {
    if (event.tag === 'error' || event.tag === 'warning') sink?.record?.(event, { kind: 'room', roomKey: key, at: platform.now() })
    if (core.options?.debug || event.tag === 'error') log(event.tag === 'error' ? 'error' : 'debug', `${event.tag} ${event.code}`, event.detail)
    for (const handler of [...handlers]) {
      try {
        handler(event)
      } catch (err) {
        log('error', 'a room-event handler threw', { error: String(err) })
      }
    }
  }

  function deliverIM(event: ImEvent, record = true): void {
    if (record && event.tag === 'error') sink?.record?.(event, { kind: 'im', roomKey: key, at: platform.now() })
    for (const handler of [...imHandlers]) {
      try {
        handler(event)
      } catch (err) {
        log('error', 'an im-event handler threw', { error: String(err) })
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Store sync: only what changed, member by member

  function syncStore(prev: RoomState, next: RoomState): void {
    if (prev === next || !sink) return
    const patch: Partial<RoomState> = {}
    let any = false
    for (const field of Object.keys(next) as Array<keyof RoomState>) {
      if (field === 'members' || field === 'key') continue
      if (prev[field] !== next[field]) {
        ;(patch as Record<string, unknown>)[field] = next[field]
        any = true
      }
    }
    if (any) sink.patch(key, patch)
    if (prev.members !== next.members) {
      const changed = copyMembers()
      const removed: string[] = []
      for (const userID of Object.keys(next.members)) if (prev.members[userID] !== next.members[userID]) changed[userID] = next.members[userID]
      for (const userID of Object.keys(prev.members)) if (!(userID in next.members)) removed.push(userID)
      sink.patchMembers(key, changed, removed)
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Dispatch

  const queue: RoomAction[] = []
  let running = false

  function dispatch(action: RoomAction): void {
    if (destroyed) return
    queue.push(action)
    if (running) return
    running = true
    try {
      while (queue.length > 0) step(queue.shift()!)
    } finally {
      running = false
    }
    settleWaiters()
  }

  function step(action: RoomAction): void {
    const prev = core
    let result
    try {
      result = reduce(core, { ...action, at: platform.now() })
    } catch (err) {
      // The reducer is total over valid actions; a bug there must surface, not kill the app.
      log('error', `reducer failed on ${action.type}`, { error: String(err) })
      return
    }
    core = result.state
    // Only the controller registered under the key writes its store entry (see destroy()).
    if (getController(key) === controller) syncStore(prev.room, core.room)
    for (const effect of result.effects) runEffect(effect)
    afterStep(action, result.effects)
  }

  function afterStep(action: RoomAction, effects: Effect[]): void {
    const status = core.room.status
    // IM on/off is the reducer's decision alone (its im_start / im_stop effects).
    if (action.type === 'update' && isActive(status) && core.options && !effects.some((e) => e.type === 'leave')) {
      safely('engine update', () => engine.update(core.options!, core.room.pusher!))
    }
    if (!isActive(status)) {
      // The session ended (stop, fatal error, server exit): nothing of it may keep running.
      clearAllTimers()
      releaseAppListeners()
    }
  }

  function native(event: NativeEvent): void {
    safely(`native ${event.kind}`, () => engine.onNative?.(event))
  }

  function safely(what: string, fn: () => void): void {
    try {
      fn()
    } catch (err) {
      log('error', `${what} threw`, { error: String(err) })
    }
  }

  function sinkFor(epoch: number): EngineSink {
    return (actions: EngineAction[]) => {
      if (destroyed || epoch !== core.epoch) return
      for (const action of actions) dispatch(action)
    }
  }

  function runEffect(effect: Effect): void {
    switch (effect.type) {
      case 'emit':
        deliver(effect.event)
        return
      case 'preflight':
        preflight(effect.epoch)
        return
      case 'request_room_sig':
        requestRoomSig(effect.epoch)
        return
      case 'set_timer':
        setTimer(effect.name, effect.ms, effect.epoch)
        return
      case 'clear_timer':
        clearTimer(effect.name)
        return
      case 'enter':
        if (!core.options) return
        safely('engine enter', () =>
          engine.enter(
            { epoch: effect.epoch, roomKey: key, options: core.options!, pushURL: core.pushURL, mode: core.mode ?? 'modern', pusher: core.room.pusher! },
            sinkFor(effect.epoch),
          ),
        )
        return
      case 'leave':
        safely('engine leave', () => engine.leave())
        return
      case 'pusher':
        safely(`engine pusher ${effect.call}`, () => engine.pusher(effect.call))
        return
      case 'player':
        safely(`engine player ${effect.call}`, () => engine.player(effect.stream, effect.call))
        return
      case 'im_start':
        startIM()
        return
      case 'im_stop':
        stopIM()
        return
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Async effects

  function preflight(epoch: number): void {
    const options = core.options
    if (!options) return
    const done = (result: PreflightResult) => {
      if (epoch === core.epoch) dispatch({ type: 'preflight_done', epoch, result })
    }
    runPreflight(platform, { enterMode: options.enterMode, needCamera: options.enableCamera }).then(done, (err) =>
      done({ ok: false, code: RoomErrorCode.UNSUPPORTED_PLATFORM, message: errorText(err, 'preflight failed'), detail: {} }),
    )
  }

  function requestRoomSig(epoch: number): void {
    const options = core.options
    if (!options) return
    const random = Math.floor(platform.random() * 0xffffffff) >>> 0
    let request
    try {
      request = platform.request(buildRoomSigRequest(options, random))
    } catch (err) {
      request = Promise.reject(err)
    }
    request.then(
      (res) => {
        if (epoch !== core.epoch) return
        const parsed = parseRoomSigResponse(res)
        dispatch(parsed.ok ? { type: 'room_sig_done', epoch, ok: true, roomSig: parsed.roomSig } : { type: 'room_sig_done', epoch, ok: false, message: parsed.message, errorCode: parsed.errorCode })
      },
      (err) => {
        if (epoch === core.epoch) dispatch({ type: 'room_sig_done', epoch, ok: false, message: errorText(err, 'room signature request failed') })
      },
    )
  }

  function setTimer(name: string, ms: number, epoch: number): void {
    clearTimer(name)
    const handle = platform.setTimeout(() => {
      if (timers.get(name) !== handle) return
      timers.delete(name)
      dispatch({ type: 'timer', epoch, name: name as 'reconnect' | 'enter_timeout' | 'room_sig_retry' })
    }, ms)
    timers.set(name, handle)
  }

  function clearTimer(name: string): void {
    const handle = timers.get(name)
    if (handle === undefined) return
    timers.delete(name)
    platform.clearTimeout(handle)
  }

  function clearAllTimers(): void {
    for (const name of [...timers.keys()]) clearTimer(name)
  }

  /** Read at each hide so a live `update({ pauseOnHide })` applies; a show after no pause is a no-op. */
  function pausesOnHide(): boolean {
    return core.options?.pauseOnHide ?? platform.name !== 'h5'
  }

  function ensureAppListeners(): void {
    if (appListeners.length > 0) return
    try {
      appListeners = [
        platform.onAppHide(() => {
          if (pausesOnHide()) dispatch({ type: 'app_hide' })
        }),
        platform.onAppShow(() => dispatch({ type: 'app_show' })),
      ]
    } catch (err) {
      log('warn', 'app show/hide listeners unavailable', { error: String(err) })
    }
  }

  function releaseAppListeners(): void {
    const current = appListeners
    appListeners = []
    for (const off of current) safely('app listener removal', off)
  }

  function settleWaiters(): void {
    const waiting = core.room.status === 'preflight'
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i]
      if (destroyed || waiter.epoch !== core.epoch || !waiting) {
        waiters.splice(i, 1)
        waiter.resolve()
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // IM

  /** The controller's own IM failures: an im-event `error`, and a room `warning` (recorded once, there). */
  function imFailure(code: number, message: string): void {
    deliverIM({ tag: 'error', code, detail: { message } }, false)
    dispatch({ type: 'report', event: { tag: 'warning', code, detail: { message, im: true } } })
  }

  function startIM(): void {
    stopIM()
    const options = core.options
    if (!options) return
    const factory = getIMFactory()
    if (!factory) {
      imFailure(
        RoomErrorCode.IM_NOT_INSTALLED,
        "enableIM is set but the IM entry is not installed: import '@/uni_modules/webrtc-room/im' once in main.ts",
      )
      return
    }
    let session: ImSession
    try {
      session = factory(
        {
          roomKey: key,
          sdkAppID: options.sdkAppID,
          userID: options.userID,
          userSig: options.userSig,
          groupID: roomIDText(options.room),
          groupType: options.imGroupType,
          nick: options.userName || options.userID,
        },
        platform,
      )
    } catch (err) {
      imFailure(errorCode(err, RoomErrorCode.IM_LOGIN_FAILED), errorText(err, 'IM session could not be created'))
      return
    }
    const link: ImLink = { session, ready: false, off: () => {} }
    im = link
    try {
      link.off = session.on((event) => {
        if (im === link) deliverIM(event)
      })
    } catch (err) {
      log('warn', 'IM session.on threw', { error: String(err) })
    }
    let started: Promise<void>
    try {
      started = Promise.resolve(session.start())
    } catch (err) {
      started = Promise.reject(err)
    }
    started.then(
      () => {
        if (im === link) link.ready = true
      },
      (err) => {
        if (im !== link) return
        const expired = (err as { detail?: { nativeCode?: unknown } } | null)?.detail?.nativeCode === TIM_USERSIG_EXPIRED
        imFailure(expired ? RoomErrorCode.USERSIG_EXPIRED : errorCode(err, RoomErrorCode.IM_LOGIN_FAILED), errorText(err, 'IM login failed'))
      },
    )
  }

  function stopIM(): void {
    const link = im
    if (!link) return
    im = null
    safely('IM unsubscribe', link.off)
    let stopped: Promise<void>
    try {
      stopped = Promise.resolve(link.session.stop())
    } catch (err) {
      stopped = Promise.reject(err)
    }
    imStopPending = true
    const settled = stopped
      .catch((err) => log('warn', 'IM stop failed', { error: String(err) }))
      .then(() => {
        if (imStopping === settled) imStopPending = false
      })
    imStopping = settled
  }

  /** stop() waits for the IM logout, but never forever: an offline SDK may not answer. */
  function waitForIMStop(): Promise<void> {
    if (!imStopPending) return Promise.resolve()
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
      imStopping.then(finish)
    })
  }

  function send(
    name: string,
    call: (session: ImSession) => Promise<unknown>,
    inputError: WebrtcRoomError | null,
    succ: SendSucc | undefined,
    fail: SendFail | undefined,
  ): Promise<unknown> {
    const failWith = (code: number, message: string): Promise<unknown> => {
      if (fail) {
        try {
          fail(code, message)
        } catch (err) {
          log('error', `${name} fail callback threw`, { error: String(err) })
        }
      }
      const rejected = Promise.reject(new WebrtcRoomError(code, message, { method: name }))
      // Callback users often ignore the Promise: keep that from being an unhandled rejection.
      if (fail) rejected.catch(() => {})
      return rejected
    }
    const enabled = core.options ? core.options.enableIM : raw.enableIM === true
    if (!enabled) return failWith(RoomErrorCode.IM_DISABLED, `${name}: enableIM is false — ${codeMessage(RoomErrorCode.IM_DISABLED)}`)
    // A bad input is the clearer answer than "not ready": report it first.
    if (inputError) return failWith(inputError.code, `${name}: ${inputError.message}`)
    if (!getIMFactory() && !im) return failWith(RoomErrorCode.IM_NOT_INSTALLED, `${name}: ${codeMessage(RoomErrorCode.IM_NOT_INSTALLED)}`)
    const link = im
    if (!link || !link.ready) return failWith(RoomErrorCode.IM_NOT_READY, `${name}: ${codeMessage(RoomErrorCode.IM_NOT_READY)}`)
    let pending: Promise<unknown>
    try {
      pending = Promise.resolve(call(link.session))
    } catch (err) {
      pending = Promise.reject(err)
    }
    return pending.then(
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
      (err) => failWith(errorCode(err, RoomErrorCode.IM_SEND_FAILED), errorText(err, `${name} failed`)),
    )
  }

  // ---------------------------------------------------------------------------------------------
  // The controller

  const controller: RoomController = {
    key,
    get state() {
      return sink?.view?.(key) ?? core.room
    },
    get pushURL() {
      return core.pushURL
    },
    get status() {
      return core.room.status
    },
    get members() {
      return orderedMembers(core.room)
    },

    start() {
      if (destroyed) return Promise.resolve()
      if (appListeners.length === 0) {
        // Show/hide went unobserved since the last session (listeners are released when a room
        // ends): an app calling start() is in front, so a stale "hidden" must not pause the new room.
        core = { ...core, hidden: false }
        ensureAppListeners()
      }
      const before = core.epoch
      dispatch({ type: 'start' })
      if (core.epoch === before || !isActive(core.room.status)) return Promise.resolve()
      const epoch = core.epoch
      return new Promise<void>((resolve) => {
        waiters.push({ epoch, resolve })
        settleWaiters()
      })
    },
    async stop() {
      dispatch({ type: 'stop' })
      stopIM()
      clearAllTimers()
      releaseAppListeners()
      settleWaiters()
      await waitForIMStop()
    },
    pause() {
      dispatch({ type: 'pause' })
    },
    resume() {
      dispatch({ type: 'resume' })
    },
    switchCamera() {
      dispatch({ type: 'switch_camera' })
    },
    update(partial) {
      if (!isRecord(partial)) return
      dispatch({ type: 'update', options: partial })
    },
    playMember(userID) {
      dispatch({ type: 'play_member', userID, play: true })
    },
    stopMember(userID) {
      dispatch({ type: 'play_member', userID, play: false })
    },

    attachPusher(ctx: PusherContext) {
      safely('attachPusher', () => engine.attachPusher?.(ctx))
    },
    detachPusher() {
      safely('detachPusher', () => engine.detachPusher?.())
    },
    attachPlayer(streamKey: string, ctx: PlayerContext) {
      safely('attachPlayer', () => engine.attachPlayer?.(streamKey, ctx))
    },
    detachPlayer(streamKey: string) {
      safely('detachPlayer', () => engine.detachPlayer?.(streamKey))
    },

    // Native events go to the engine, which owns their meaning.
    onPusherStateChange: (detail: StateChangeDetail) => native({ kind: 'pusher_state', detail }),
    onPusherNetStatus: (detail: NetStatusDetail) => native({ kind: 'pusher_net', detail }),
    onPusherError: (detail: PusherErrorDetail) => native({ kind: 'pusher_error', detail }),
    onPlayerStateChange: (userID: string, detail: StateChangeDetail, streamType: StreamType = 'main') => native({ kind: 'player_state', userID, streamType, detail }),
    onPlayerNetStatus: (userID: string, detail: NetStatusDetail, streamType: StreamType = 'main') => native({ kind: 'player_net', userID, streamType, detail }),

    sendC2CTextMsg(receiveUser, msg, succ, fail) {
      return send('sendC2CTextMsg', (s) => s.sendC2CTextMsg(receiveUser, msg), validateReceiver(receiveUser) ?? validateText(msg, 'C2C'), succ, fail)
    },
    sendC2CCustomMsg(receiveUser, msg, succ, fail) {
      return send('sendC2CCustomMsg', (s) => s.sendC2CCustomMsg(receiveUser, msg as CustomMsgInput), validateReceiver(receiveUser) ?? validateCustom(msg, 'C2C'), succ, fail)
    },
    sendGroupTextMsg(msg, succ, fail) {
      return send('sendGroupTextMsg', (s) => s.sendGroupTextMsg(msg), validateText(msg, 'GROUP'), succ, fail)
    },
    sendGroupCustomMsg(msg, succ, fail) {
      return send('sendGroupCustomMsg', (s) => s.sendGroupCustomMsg(msg as CustomMsgInput), validateCustom(msg, 'GROUP'), succ, fail)
    },

    on(handler) {
      if (typeof handler !== 'function') return () => {}
      handlers.add(handler)
      return () => {
        handlers.delete(handler)
      }
    },
    onIM(handler) {
      if (typeof handler !== 'function') return () => {}
      imHandlers.add(handler)
      return () => {
        imHandlers.delete(handler)
      }
    },
    async destroy() {
      if (destroyed) return
      // Everything but the IM logout happens synchronously here; only the logout is awaited.
      const stopping = controller.stop()
      destroyed = true
      safely('engine destroy', () => engine.destroy())
      settleWaiters()
      handlers.clear()
      imHandlers.clear()
      // A newer controller may have taken this key (a remount): leave its entries alone.
      if (getController(key) === controller) {
        sink?.remove(key)
        unregisterController(key)
      }
      await stopping
    },
  }

  registerController(key, controller)
  return controller
}


/**
 * The headless room controller: `createController(options, platform, { engine, sink })` →
 * `RoomController` (types.ts). Pure TypeScript: state goes out through a `RoomSink` (room-factory.ts
 * plugs in the Pinia stores), media through the injected engine.
 *
 * It owns nothing but plumbing; every decision is the reducer's (reducer.ts):
 *   action → reduce → write the sink (only fields that changed) → run the effects (emit to `on()`
 *   handlers and the sink's recorder, preflight, room-signature request, timers, engine calls, IM).
 * Actions dispatched while effects run (a handler calling `pause()`, a synchronous engine) are queued
 * and applied in order. Async results (preflight, room signature, timers, engine sinks, IM) carry the
 * epoch of their session and are dropped once that session ended (stop, re-enter, identity change).
 * App show/hide listeners are held while a session runs; a room left alone leaks nothing.
 *
 * @example
 * const room = createController({ sdkAppID, userID, userSig, roomID: 1234 }, platform, { engine })
 * room.on((e) => console.log(e.tag, e.code))
 * await room.start()  // preflight done: push URL known (legacy: signature requested), or an `error` event
 */
import type { Effect, RoomAction } from './actions'
import { getController, registerController, unregisterController } from './controllers'
import type { EngineSink, NativeEvent, RoomEngine } from './engine'
import * as E from './error-codes'
import { IM_MISSING, IM_SENDS, imAccess, type ImMethods } from './im-link'
import { memberMethods } from './member-media'
import { nativeEntries } from './native-entries'
import { reduce } from './reducer'
import { redact } from './redact'
import { refresher } from './refresher'
import { createAppWatch, createTimers, preflight, requestRoomSig } from './room-platform'
import { liveScene } from './live-role'
import { acceptsEngineEvents, createCoreState, isActive, orderedMembers, writeChanges, type CoreState } from './room-state'
import type { ControllerConfig } from './controller-types'
import type { ImEvent, Platform, RoomController, RoomEvent, RoomOptions } from './types'

export type { RoomSink } from './room-state'
export type { ControllerConfig } from './controller-types'

let roomSeq = 0

const CONTEXT_METHODS = ['attachPusher', 'detachPusher', 'attachPlayer', 'detachPlayer'] as const
type ContextMethod = (typeof CONTEXT_METHODS)[number]

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function createController(options: RoomOptions, platform: Platform, config: ControllerConfig): RoomController {
  if (!platform || typeof platform.setTimeout !== 'function') {
    throw new E.WebrtcRoomError(E.UNSUPPORTED_PLATFORM, 'createRoom needs a Platform adapter')
  }
  const key = config.key || `room-${++roomSeq}`
  if (getController(key)) platform.log?.('warn', `createRoom: key '${key}' is taken; the newer room replaces it in the store`)
  const sink = config.sink
  const raw: RoomOptions = isRecord(options) ? { ...(options as RoomOptions) } : ({} as RoomOptions)

  // backgroundPolicy default: a browser tab keeps the call, a mini-program pauses (room-state.ts policyOf).
  let core: CoreState = createCoreState(key, raw, config.eventLimit, platform.name === 'h5' ? 'keep' : 'pause')
  sink?.put(core.room)

  const engine: RoomEngine = config.engine({ roomKey: key, platform })
  const handlers = new Set<(event: RoomEvent) => void>()
  const imHandlers = new Set<(event: ImEvent) => void>()
  const waiters: Array<{ epoch: number; resolve: () => void }> = []
  let destroyed = false

  function log(level: 'debug' | 'info' | 'warn' | 'error', message: string, data?: unknown): void {
    try {
      platform.log?.(level, redact(`[${key}] ${message}`), redact(data))
    } catch {
      // A broken log sink must not break the room.
    }
  }

  function safely(what: string, fn: () => void): void {
    try {
      fn()
    } catch (err) {
      log('error', `${what} threw`, { error: String(err) })
    }
  }

  function emitTo<E>(set: Set<(event: E) => void>, event: E, what: string): void {
    for (const handler of [...set]) safely(what, () => handler(event))
  }

  /** Errors and warnings go to the sink's recorder (the media-codes store). */
  function record(event: RoomEvent | ImEvent, kind: 'room' | 'im'): void {
    sink?.record?.(event, { kind, roomKey: key, at: platform.now() })
  }

  function deliver(event: RoomEvent): void {
    if (event.tag === 'error' || event.tag === 'warning') record(event, 'room')
    if (core.options?.debug || event.tag === 'error') log(event.tag === 'error' ? 'error' : 'debug', `${event.tag} ${event.code}`, event.detail)
    emitTo(handlers, event, 'a room-event handler')
  }

  const emitIM = (event: ImEvent) => emitTo(imHandlers, event, 'an im-event handler')

  // The userSig refresh is the opt-in sig-refresh entry's; without it IM's refused login fails at once.
  const sig = refresher?.create(platform, () => core, (answer) => forEpoch(answer.epoch, answer))

  // IM: the opt-in IM entry's link, or without it IM_DISABLED / IM_NOT_INSTALLED answers (im-link.ts imAccess).
  const im = imAccess({
    key,
    platform,
    record,
    options: () => core.options,
    enabled: () => (core.options ? core.options.enableIM : raw.enableIM === true),
    emit: emitIM,
    warn: (code, message) => dispatch({ type: 'report', event: { tag: 'warning', code, detail: { message, im: true } } }),
    safely,
    log,
    refreshSig: sig && ((reason) => sig.ask(reason, 'im')),
  })
  const timers = createTimers(platform, (name, epoch) => dispatch({ type: 'timer', epoch, name }))
  // The reducer applies backgroundPolicy on hide / show (syncBackground, reducer.ts).
  const app = createAppWatch(platform, () => dispatch({ type: 'app_hide' }), () => dispatch({ type: 'app_show' }), (message, err) => log('warn', message, { error: String(err) }))

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
    // Only the controller registered under the key writes its entry (see destroy()).
    if (getController(key) === controller && sink) writeChanges(sink, key, prev.room, core.room)
    for (const effect of result.effects) runEffect(effect)
    const active = isActive(core.room.status)
    // Live props, role changes, and the mic a hidden room mutes ('mute' background policy) reach the engine.
    const changed = action.type === 'update' || action.type === 'role_done' || prev.room.pusher.muted !== core.room.pusher.muted
    if (changed && active && core.options && !result.effects.some((e) => e.type === 'leave')) {
      safely('engine update', () => engine.update(core.options!, core.room.pusher))
    }
    if (!active) {
      // The session ended (stop, fatal error, server exit): nothing of it may keep running.
      timers.clearAll()
      app.release()
    }
  }

  function sinkFor(epoch: number): EngineSink {
    return (actions) => {
      if (destroyed || epoch !== core.epoch) return
      for (const action of actions) dispatch(action)
    }
  }

  /** Async answers count only for the session that asked. */
  function forEpoch(epoch: number, action: RoomAction): void {
    if (epoch === core.epoch) dispatch(action)
  }

  function runEffect(effect: Effect): void {
    const options = core.options
    switch (effect.type) {
      case 'emit':
        return deliver(effect.event)
      case 'preflight':
        if (options) preflight(platform, options).then((result) => forEpoch(effect.epoch, { type: 'preflight_done', epoch: effect.epoch, result }))
        return
      case 'request_room_sig':
        if (options) requestRoomSig(platform, options).then((answer) => forEpoch(effect.epoch, { type: 'room_sig_done', epoch: effect.epoch, ...answer }))
        return
      case 'set_timer':
        return timers.set(effect.name, effect.ms, effect.epoch)
      case 'clear_timer':
        return effect.name ? timers.clear(effect.name) : timers.clearAll()
      case 'enter':
        if (!options) return
        return safely('engine enter', () =>
          engine.enter({ epoch: effect.epoch, roomKey: key, options, pushURL: core.pushURL, mode: core.room.enterMode ?? 'modern', pusher: core.room.pusher }, sinkFor(effect.epoch)),
        )
      case 'leave':
        return safely('engine leave', () => engine.leave(effect.keepPreview))
      case 'pusher':
        return safely(`engine pusher ${effect.call}`, () => engine.pusher(effect.call))
      case 'player':
        return safely(`engine player ${effect.call}`, () => engine.player(effect.stream, effect.call))
      case 'switch_role':
        return void (options && liveScene()?.switchRole(platform, engine, options, effect.role).then((answer) => forEpoch(effect.epoch, { type: 'role_done', epoch: effect.epoch, role: effect.role, ...answer })))
      case 'member_media': return safely('engine memberMedia', () => engine.memberMedia?.(effect.userID, effect.media))
      case 'im_start':
        return void (im.im() ? im.current()!.start() : options && im.failure(E.IM_NOT_INSTALLED, IM_MISSING))
      case 'im_stop':
        return im.current()?.stop()
      case 'refresh_sig': return void sig?.ask(effect.reason, 'trtc', effect.epoch)
    }
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

  /** Native events go to the engine, which owns their meaning. */
  function native(event: NativeEvent): void {
    safely(`native ${event.kind}`, () => engine.onNative?.(event))
  }

  /**
   * The H5-only calls (screen share, devices): no engine method (mp-weixin), a wrong state (screen
   * share needs a session: entering — TRTC publishes it once in — or in the room) or a failure is
   * one warning with its code and a `WebrtcRoomError` rejection of the same code (all the mp-weixin build keeps).
   */
  async function media<T>(method: string, run?: (() => Promise<T>) | false, fallback = 0, inRoom = false): Promise<T> {
    let code: number = run ? E.INVALID_STATE : E.H5_ONLY
    let message = run ? `${method}() while ${core.room.status}: ignored` : `${method}(): H5 only`
    if (run && (!inRoom || acceptsEngineEvents(core.room.status))) {
      try {
        return await run()
      } catch (err) {
        code = E.errorCode(err, fallback)
        message = E.errorText(err, `${method}() failed`)
      }
    }
    dispatch({ type: 'report', event: { tag: 'warning', code, detail: { message, method } } })
    throw new E.WebrtcRoomError(code, message, { method })
  }

  function subscribe<E>(set: Set<(event: E) => void>, handler: (event: E) => void): () => void {
    if (typeof handler !== 'function') return () => {}
    set.add(handler)
    return () => {
      set.delete(handler)
    }
  }

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
      if (!app.active()) {
        // Show/hide went unobserved since the last session (listeners are released when a room
        // ends): an app calling start() is in front, so a stale "hidden" must not pause the new room.
        core = { ...core, hidden: false }
        app.ensure()
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
      sig?.cancel()
      im.current()?.stop()
      timers.clearAll()
      app.release()
      settleWaiters()
      await im.current()?.stopped()
    },
    pause: () => dispatch({ type: 'pause' }),
    resume: () => dispatch({ type: 'resume' }),
    switchCamera: () => dispatch({ type: 'switch_camera' }),
    update(partial) {
      if (isRecord(partial)) dispatch({ type: 'update', options: partial })
    },
    // #ifndef H5
    ...Object.fromEntries(['startScreenShare', 'stopScreenShare', 'getDevices', 'selectDevice'].map((m) => [m, () => media(m)])),
    // #endif
    // #ifdef H5
    startScreenShare: () => media('startScreenShare', engine.screenShare && (() => engine.screenShare!(true)), E.SCREEN_SHARE_FAILED, true),
    stopScreenShare: () => media('stopScreenShare', engine.screenShare && (() => engine.screenShare!(false)), E.SCREEN_SHARE_FAILED, true),
    getDevices: () =>
      media('getDevices', engine.devices && (async () => {
        const lists = await engine.devices!()
        dispatch({ type: 'local_media', devices: lists })
        return lists
      }), E.DEVICE_SELECT_FAILED),
    selectDevice: (kind, deviceId) =>
      media('selectDevice', engine.selectDevice && (async () => {
        await engine.selectDevice!(kind, deviceId)
        dispatch({ type: 'local_media', devices: { [`${kind}Id`]: deviceId } })
      }), E.DEVICE_SELECT_FAILED),
    // #endif
    ...memberMethods(dispatch),

    // The building blocks hand their native contexts to the engine (an engine without contexts has none of these).
    ...(Object.fromEntries(CONTEXT_METHODS.map((method) => [method, (...args: unknown[]) => safely(method, () => (engine[method] as ((...a: unknown[]) => void) | undefined)?.(...args))])) as Pick<RoomController, ContextMethod>),

    ...nativeEntries(native),
    ...(Object.fromEntries(IM_SENDS.map((method) => [method, im.send(method)])) as ImMethods),

    on: (handler) => subscribe(handlers, handler),
    onIM: (handler) => subscribe(imHandlers, handler),
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

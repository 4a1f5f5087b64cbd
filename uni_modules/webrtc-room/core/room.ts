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
import type { EngineFactory, EngineSink, NativeEvent, RoomEngine } from './engine'
import { codeMessage } from './codes'
import { errorCode, errorText, RoomErrorCode, WebrtcRoomError } from './error-codes'
import { reduce } from './reducer'
import { redact } from './redact'
import { createAppWatch, createTimers, preflight, requestRoomSig } from './room-platform'
import { acceptsEngineEvents, copyMembers, createCoreState, isActive, orderedMembers, type CoreState } from './room-state'
import type { ValidOptions } from './options'
import type { ImEvent, MemberState, Platform, RoomController, RoomEvent, RoomOptions, RoomState } from './types'

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
}

export interface ImLink {
  start(): void
  stop(): void
  /** Settles when the last stopped IM session logged out (or gave up waiting). */
  stopped(): Promise<void>
  methods: ImMethods
}

/**
 * The IM link, installed by `registerIM` (im-registry.ts). The controller reaches IM only through
 * this hook, so an app that never registers IM ships none of the link, its session lifecycle and
 * its input checks.
 */
let imLinkFactory: ((host: ImHost) => ImLink) | undefined

export function installImLink(create: ((host: ImHost) => ImLink) | undefined): void {
  imLinkFactory = create
}

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

let roomSeq = 0

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function createController(options: RoomOptions, platform: Platform, config: ControllerConfig): RoomController {
  if (!platform || typeof platform.setTimeout !== 'function') {
    throw new WebrtcRoomError(RoomErrorCode.UNSUPPORTED_PLATFORM, 'createRoom needs a Platform adapter (index.ts supplies the uni one)')
  }
  const key = config.key || `room-${++roomSeq}`
  if (getController(key)) platform.log?.('warn', `createRoom: key '${key}' is taken; the newer room replaces it in the store`)
  const sink = config.sink
  const raw: RoomOptions = isRecord(options) ? { ...(options as RoomOptions) } : ({} as RoomOptions)

  let core: CoreState = createCoreState(key, raw, config.eventLimit)
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

  function deliver(event: RoomEvent): void {
    if (event.tag === 'error' || event.tag === 'warning') sink?.record?.(event, { kind: 'room', roomKey: key, at: platform.now() })
    if (core.options?.debug || event.tag === 'error') log(event.tag === 'error' ? 'error' : 'debug', `${event.tag} ${event.code}`, event.detail)
    emitTo(handlers, event, 'a room-event handler')
  }

  function deliverIM(event: ImEvent, record = true): void {
    if (record && event.tag === 'error') sink?.record?.(event, { kind: 'im', roomKey: key, at: platform.now() })
    emitTo(imHandlers, event, 'an im-event handler')
  }

  const E = RoomErrorCode
  const imHost: ImHost = {
    key,
    platform,
    options: () => core.options,
    enabled: () => (core.options ? core.options.enableIM : raw.enableIM === true),
    deliver: deliverIM,
    failure(code, message) {
      deliverIM({ tag: 'error', code, detail: { message } }, false)
      dispatch({ type: 'report', event: { tag: 'warning', code, detail: { message, im: true } } })
    },
    notInstalled: () => imHost.failure(E.IM_NOT_INSTALLED, "enableIM is set but the IM entry is not installed: import '@/uni_modules/webrtc-room/im' once in main.ts"),
    reject(method, code, message, fail) {
      if (fail) safely(`${method} fail callback`, () => fail(code, message))
      const rejected = Promise.reject(new WebrtcRoomError(code, message, { method }))
      // Callback users often ignore the Promise: keep that from being an unhandled rejection.
      if (fail) rejected.catch(() => {})
      return rejected
    },
    rejectUnavailable(method, fail) {
      const on = imHost.enabled()
      const code = on ? E.IM_NOT_INSTALLED : E.IM_DISABLED
      return imHost.reject(method, code, `${method}: ${on ? '' : 'enableIM is false — '}${codeMessage(code)}`, fail)
    },
    log,
  }
  /** Created on first use: registerIM may run after this controller was made. */
  let imLink: ImLink | undefined
  const im = () => (imLink ??= imLinkFactory?.(imHost))
  /** A send without the IM link: IM_DISABLED or IM_NOT_INSTALLED, as the link itself would answer. */
  const imSend = (method: keyof ImMethods, failAt: number) =>
    ((...args: unknown[]) => im()?.methods[method](...(args as [never, never])) ?? imHost.rejectUnavailable(method, args[failAt] as SendFail | undefined)) as never
  const timers = createTimers(platform, (name, epoch) => dispatch({ type: 'timer', epoch, name }))
  const app = createAppWatch(
    platform,
    // Read at each hide so a live `update({ pauseOnHide })` applies; a show after no pause is a no-op.
    () => {
      if (core.options?.pauseOnHide ?? platform.name !== 'h5') dispatch({ type: 'app_hide' })
    },
    () => dispatch({ type: 'app_show' }),
    (message, err) => log('warn', message, { error: String(err) }),
  )

  /** Write only what changed: top-level fields, then member by member. */
  function sync(prev: RoomState, next: RoomState): void {
    if (prev === next || !sink) return
    const patch: Partial<RoomState> = {}
    let any = false
    for (const field of Object.keys(next) as Array<keyof RoomState>) {
      if (field === 'members' || field === 'key' || prev[field] === next[field]) continue
      ;(patch as Record<string, unknown>)[field] = next[field]
      any = true
    }
    if (any) sink.patch(key, patch)
    if (prev.members === next.members) return
    const changed = copyMembers()
    const removed: string[] = []
    for (const userID of Object.keys(next.members)) if (prev.members[userID] !== next.members[userID]) changed[userID] = next.members[userID]
    for (const userID of Object.keys(prev.members)) if (!(userID in next.members)) removed.push(userID)
    sink.patchMembers(key, changed, removed)
  }

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
    if (getController(key) === controller) sync(prev.room, core.room)
    for (const effect of result.effects) runEffect(effect)
    const active = isActive(core.room.status)
    if (action.type === 'update' && active && core.options && !result.effects.some((e) => e.type === 'leave')) {
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
        return timers.clear(effect.name)
      case 'enter':
        if (!options) return
        return safely('engine enter', () =>
          engine.enter({ epoch: effect.epoch, roomKey: key, options, pushURL: core.pushURL, mode: core.mode ?? 'modern', pusher: core.room.pusher }, sinkFor(effect.epoch)),
        )
      case 'leave':
        return safely('engine leave', () => engine.leave(effect.keepPreview))
      case 'pusher':
        return safely(`engine pusher ${effect.call}`, () => engine.pusher(effect.call))
      case 'player':
        return safely(`engine player ${effect.call}`, () => engine.player(effect.stream, effect.call))
      case 'im_start':
        return im() ? imLink!.start() : options ? imHost.notInstalled() : undefined
      case 'im_stop':
        return imLink?.stop()
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
   * one warning with its code and a `WebrtcRoomError` rejection of the same code.
   */
  async function media<T>(method: string, run: (() => Promise<T>) | false | undefined, fallback: number, inRoom = false): Promise<T> {
    const { status } = core.room
    let code: number = RoomErrorCode.INVALID_STATE
    let message = `${method}() while ${status}: ignored`
    if (!run) {
      code = RoomErrorCode.H5_ONLY
      message = `${method}(): H5 only`
    } else if (!inRoom || acceptsEngineEvents(status)) {
      try {
        return await run()
      } catch (err) {
        code = errorCode(err, fallback)
        message = errorText(err, `${method}() failed`)
      }
    }
    dispatch({ type: 'report', event: { tag: 'warning', code, detail: { message, method } } })
    throw new WebrtcRoomError(code, message, { method })
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
      imLink?.stop()
      timers.clearAll()
      app.release()
      settleWaiters()
      await imLink?.stopped()
    },
    pause: () => dispatch({ type: 'pause' }),
    resume: () => dispatch({ type: 'resume' }),
    switchCamera: () => dispatch({ type: 'switch_camera' }),
    update(partial) {
      if (isRecord(partial)) dispatch({ type: 'update', options: partial })
    },
    startScreenShare: () => media('startScreenShare', engine.screenShare && (() => engine.screenShare!(true)), RoomErrorCode.SCREEN_SHARE_FAILED, true),
    stopScreenShare: () => media('stopScreenShare', engine.screenShare && (() => engine.screenShare!(false)), RoomErrorCode.SCREEN_SHARE_FAILED, true),
    getDevices: () =>
      media('getDevices', engine.devices && (async () => {
        const lists = await engine.devices!()
        dispatch({ type: 'local_media', devices: lists })
        return lists
      }), RoomErrorCode.DEVICE_SELECT_FAILED),
    selectDevice: (kind, deviceId) =>
      media('selectDevice', engine.selectDevice && (async () => {
        await engine.selectDevice!(kind, deviceId)
        dispatch({ type: 'local_media', devices: { [`${kind}Id`]: deviceId } })
      }), RoomErrorCode.DEVICE_SELECT_FAILED),
    playMember: (userID) => dispatch({ type: 'play_member', userID, play: true }),
    stopMember: (userID) => dispatch({ type: 'play_member', userID, play: false }),

    attachPusher: (ctx) => safely('attachPusher', () => engine.attachPusher?.(ctx)),
    detachPusher: () => safely('detachPusher', () => engine.detachPusher?.()),
    attachPlayer: (streamKey, ctx) => safely('attachPlayer', () => engine.attachPlayer?.(streamKey, ctx)),
    detachPlayer: (streamKey) => safely('detachPlayer', () => engine.detachPlayer?.(streamKey)),

    onPusherStateChange: (detail) => native({ kind: 'pusher_state', detail }),
    onPusherNetStatus: (detail) => native({ kind: 'pusher_net', detail }),
    onPusherError: (detail) => native({ kind: 'pusher_error', detail }),
    onPlayerStateChange: (userID, detail, streamType = 'main') => native({ kind: 'player_state', userID, streamType, detail }),
    onPlayerNetStatus: (userID, detail, streamType = 'main') => native({ kind: 'player_net', userID, streamType, detail }),

    sendC2CTextMsg: imSend('sendC2CTextMsg', 3),
    sendC2CCustomMsg: imSend('sendC2CCustomMsg', 3),
    sendGroupTextMsg: imSend('sendGroupTextMsg', 2),
    sendGroupCustomMsg: imSend('sendGroupCustomMsg', 2),

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

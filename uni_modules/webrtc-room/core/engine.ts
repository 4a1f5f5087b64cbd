/**
 * The engine seam: what actually moves media. The controller (room.ts) runs the reducer and turns
 * its media effects into calls on a `RoomEngine`; the engine reports what happened as normalized
 * `EngineAction`s (actions.ts) through the `EngineSink` it got on `enter`. Two engines:
 *
 * - mp-weixin, `createLiveTagsEngine` (this file): the media are the page's `<live-pusher>` /
 *   `<live-player>` tags. The engine only drives their contexts, which the building-block components
 *   create on their own instance and hand over with `controller.attachPusher/attachPlayer`. Native
 *   `bindstatechange` / `bindnetstatus` / `binderror` reach the controller's `onPusher…/onPlayer…`
 *   methods, which translate them with live-codes.ts; the engine's own sink reports a refused start.
 * - H5, engines/h5 (trtc-sdk-v5): enters with `params.options` (the push URL is unused there), plays
 *   into the view ids of components/common/view-ids.ts and reports TRTC events through the sink.
 *
 * Contract for an engine (every method synchronous and non-throwing; report failures as actions,
 * e.g. `enter_failed`, `device_failed`, `notice`):
 * - `enter(params, sink)` once per session (a re-enter after a reconnect is a new session with a new
 *   sink). The sink of an old session is dead: calls on it are dropped by the controller (epoch).
 * - `leave()` ends the session: stop publishing and every player. Idempotent.
 * - `pusher(call)`: 'pause' / 'resume' pause and resume the room's media — publishing and every
 *   player (app hidden, `pause()`); switchCamera, start / stop act on the pusher alone.
 * - `player(stream, call)`: 'play' when a stream should play (autoplay on appearance, or
 *   `playMember`), 'stop' when it went away or the app stopped it.
 * - `update(options, pusher)`: live prop changes (muted, enableCamera, beauty, bitrate ...).
 * - `destroy()`: release everything (after the last `leave`).
 */
import type { EngineAction, PlayerCall, PusherCall } from './actions'
import { RoomErrorCode } from './error-codes'
import type { ValidOptions } from './options'
import type { PlayerContext, Platform, PusherAttributes, PusherContext, StreamType, TimerHandle } from './types'

/** Delivers normalized media facts of one session to the controller. */
export type EngineSink = (actions: EngineAction[]) => void

export interface EngineEnterParams {
  /** Session number; the sink already filters stale sessions, engines may use it in logs. */
  epoch: number
  roomKey: string
  options: ValidOptions
  /** The real live-pusher URL (holds the userSig: never log it). */
  pushURL: string
  mode: 'modern' | 'legacy'
  pusher: PusherAttributes
}

export interface EngineStream {
  key: string
  userID: string
  streamType: StreamType
  playURL: string
}

export interface RoomEngine {
  readonly name: string
  enter(params: EngineEnterParams, sink: EngineSink): void
  leave(): void
  pusher(call: PusherCall): void
  player(stream: EngineStream, call: PlayerCall): void
  update(options: ValidOptions, pusher: PusherAttributes): void
  /** Live-tags engine only: the building blocks hand over their native contexts. */
  attachPusher?(ctx: PusherContext): void
  detachPusher?(): void
  attachPlayer?(streamKey: string, ctx: PlayerContext): void
  detachPlayer?(streamKey: string): void
  destroy(): void
}

export interface EngineEnvironment {
  roomKey: string
  platform: Platform
}

export type EngineFactory = (env: EngineEnvironment) => RoomEngine

function safeCall(platform: Platform, what: string, fn: () => void): void {
  try {
    fn()
  } catch (err) {
    // A context method throwing (page already gone) must not break the room's bookkeeping.
    platform.log?.('warn', `${what} failed`, { error: String(err) })
  }
}

/**
 * mp-weixin: drive `<live-pusher>` / `<live-player>` contexts.
 * - `enter`: `start()` on the pusher context, one macrotask later (the `url` attribute reaches the
 *   native tag through setData first). Before the pusher component attached its context, the start
 *   waits for `attachPusher` (the tag may mount only once the URL exists).
 * - Players start through their `autoplay` attribute when they mount (bind it to `stream.playing`);
 *   `player(…, 'play')` covers `playMember` on an already mounted player.
 */
export const createLiveTagsEngine: EngineFactory = ({ platform }) => {
  let pusherCtx: PusherContext | null = null
  const players = new Map<string, PlayerContext>()
  let inSession = false
  let paused = false
  let startPending = false
  let startTimer: TimerHandle | null = null
  let sink: EngineSink | null = null

  const pusherCall = (call: PusherCall) => {
    const ctx = pusherCtx
    if (ctx) safeCall(platform, `live-pusher ${call}`, () => ctx[call]())
  }
  const playerCall = (key: string, ctx: PlayerContext, call: 'play' | 'stop' | 'pause' | 'resume') => safeCall(platform, `live-player ${key} ${call}`, () => ctx[call]?.())
  const cancelStart = () => {
    if (startTimer !== null) platform.clearTimeout(startTimer)
    startTimer = null
  }
  const requestStart = () => {
    cancelStart()
    if (!pusherCtx) {
      startPending = true
      return
    }
    startPending = false
    startTimer = platform.setTimeout(() => {
      startTimer = null
      const ctx = pusherCtx
      if (!inSession || !ctx) return
      // Preflight already ruled out the simulator, old clients and denied scopes: a start WeChat
      // refuses means live-pusher is not enabled for this mini-program (category / admin console).
      const fail = (err?: unknown) => {
        const errMsg = String((err as { errMsg?: unknown } | undefined)?.errMsg ?? 'start failed')
        sink?.([{ type: 'enter_failed', code: RoomErrorCode.LIVE_PUSHER_NOT_GRANTED, nativeCode: 0, message: `live-pusher start: ${errMsg}` }])
      }
      safeCall(platform, 'live-pusher start', () => ctx.start({ fail }))
    }, 0)
  }

  return {
    name: 'live-tags',
    enter(_params, sessionSink) {
      sink = sessionSink
      inSession = true
      requestStart()
    },
    leave() {
      if (!inSession) return
      inSession = false
      paused = false
      startPending = false
      sink = null
      cancelStart()
      pusherCall('stop')
      for (const [key, ctx] of players) playerCall(key, ctx, 'stop')
    },
    pusher(call) {
      if (call === 'start') return requestStart()
      pusherCall(call)
      if (call === 'pause' || call === 'resume') {
        paused = call === 'pause'
        for (const [key, ctx] of players) playerCall(key, ctx, call)
      }
    },
    player(stream, call) {
      const ctx = players.get(stream.key)
      if (ctx) playerCall(stream.key, ctx, call)
    },
    update() {
      // Pusher attributes are bound from the room store (`rooms[key].pusher`): nothing to call.
    },
    attachPusher(ctx) {
      pusherCtx = ctx
      if (startPending && inSession) requestStart()
    },
    detachPusher() {
      pusherCtx = null
      cancelStart()
      if (inSession) startPending = true
    },
    attachPlayer(streamKey, ctx) {
      players.set(streamKey, ctx)
      // A player mounting while the room is paused must not play through its autoplay.
      if (paused) playerCall(streamKey, ctx, 'pause')
    },
    detachPlayer(streamKey) {
      players.delete(streamKey)
    },
    destroy() {
      cancelStart()
      pusherCtx = null
      players.clear()
      inSession = false
      paused = false
      startPending = false
    },
  }
}

/**
 * The mp-weixin engine: the page's `<live-pusher>` / `<live-player>` tags. It drives their contexts
 * (created by the building-block components on their own instance and handed over) and translates
 * their native events (live-codes.ts) into actions for the session's sink.
 */
import type { EngineAction, PusherCall } from '../../core/actions'
import type { EngineFactory, EngineSink, NativeEvent } from '../../core/engine'
import { RoomErrorCode } from '../../core/error-codes'
import { levels } from '../../core/levels'
import type { Platform, PlayerContext, PusherContext, TimerHandle } from '../../core/types'
import { translatePlayerNet, translatePlayerState, translatePusherError, translatePusherNet, translatePusherState } from './live-codes'

function translateNative(event: NativeEvent): EngineAction[] {
  switch (event.kind) {
    case 'pusher_state':
      return translatePusherState(event.detail)
    case 'pusher_net':
      return translatePusherNet(event.detail)
    case 'pusher_error':
      return translatePusherError(event.detail)
    case 'player_state':
      return translatePlayerState(event.userID, event.streamType, event.detail)
    case 'player_net':
      return translatePlayerNet(event.userID, event.streamType, event.detail)
    default:
      // Volume samples: only the levels entry's (below).
      return []
  }
}

function safeCall(platform: Platform, what: string, fn: () => void): void {
  try {
    fn()
  } catch (err) {
    // A context method throwing (page already gone) must not break the room's bookkeeping.
    platform.log?.('warn', `${what} failed`, { error: String(err) })
  }
}

/**
 * mp-weixin: drive `<live-pusher>` / `<live-player>` contexts and translate their native events.
 * - `enter`: `start()` on the pusher context, one macrotask later (the `url` attribute reaches the
 *   native tag through setData first). Before the pusher component attached its context, the start
 *   waits for `attachPusher` (the tag may mount only once the URL exists).
 * - Players start through their `autoplay` attribute when they mount (bind it to `stream.playing`);
 *   `player(…, 'play')` covers `playMember` on an already mounted player.
 */
export const createLiveTagsEngine: EngineFactory = ({ platform }) => {
  let pusherCtx: PusherContext | null = null
  const players = new Map<string, PlayerContext>()
  /** The session's sink: set from enter to leave (outside a session native events belong to no room). */
  let sink: EngineSink | null = null
  let paused = false
  /** The pusher shows its camera preview after a fatal error (`leave(true)`), until the next enter / leave. */
  let previewing = false
  let startPending = false
  let startTimer: TimerHandle | null = null

  const pusherCall = (call: PusherCall | 'startPreview' | 'stopPreview') => {
    const ctx = pusherCtx
    if (ctx) safeCall(platform, `live-pusher ${call}`, () => ctx[call]?.())
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
      if (!sink || !ctx) return
      // Preflight already ruled out the simulator, old clients and denied scopes: a start WeChat
      // refuses means live-pusher is not enabled for this mini-program (category / admin console).
      const fail = (err?: unknown) => {
        const errMsg = String((err as { errMsg?: unknown } | undefined)?.errMsg ?? 'start failed')
        sink?.([{ type: 'enter_failed', code: RoomErrorCode.LIVE_PUSHER_NOT_GRANTED, nativeCode: 0, message: `live-pusher start: ${errMsg}` }])
      }
      safeCall(platform, 'live-pusher start', () => ctx.start({ fail }))
    }, 0)
  }
  /** Ends the session (and a kept preview); returns whether one was running. */
  const endSession = () => {
    const wasIn = sink !== null
    if (previewing) pusherCall('stopPreview')
    previewing = false
    sink = null
    paused = false
    startPending = false
    cancelStart()
    return wasIn
  }

  return {
    name: 'live-tags',
    onNative(event) {
      // Volume and quality come from the opt-in levels entry (core/levels.ts).
      sink?.([...translateNative(event), ...(levels?.native?.(event) ?? [])])
    },
    enter(_params, sessionSink) {
      sink = sessionSink
      previewing = false // start() takes the camera over
      requestStart()
    },
    leave(keepPreview) {
      if (!endSession()) return
      pusherCall('stop')
      for (const [key, ctx] of players) playerCall(key, ctx, 'stop')
      if (keepPreview && pusherCtx?.startPreview) {
        pusherCall('startPreview')
        previewing = true
      }
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
      if (startPending && sink) requestStart()
    },
    detachPusher() {
      pusherCtx = null
      cancelStart()
      if (sink) startPending = true
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
      endSession()
      pusherCtx = null
      players.clear()
    },
  }
}

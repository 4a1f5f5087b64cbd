/**
 * The mp-weixin engine: the page's `<live-pusher>` / `<live-player>` tags. It drives their contexts
 * (created by the building-block components on their own instance and handed over) and translates
 * their native `event.detail` into normalized `EngineAction`s for the session's sink. The translation
 * is stateless and pure (the reducer decides what the actions mean in the current state); every
 * native state change also yields its raw `push_state` / `play_state` action first.
 */
import type { AnnouncedUser, EngineAction, PusherCall } from '../../core/actions'
import type { EngineFactory, EngineSink, NativeEvent } from '../../core/engine'
import { userSigRejected } from '../../core/error-codes'
import * as E from '../../core/error-codes'
import { levels } from '../../core/levels'
import type { NetStatusDetail, Platform, PlayerContext, PusherContext, PusherErrorDetail, StateChangeDetail, StreamType, TimerHandle } from '../../core/types'

// Member notifications (1020, 1031–1034): their JSON `message` parsed into announced users.
// Tolerant: a malformed message yields `null`, entries without a string `userid` are skipped and
// counted, `hasvideo`/`hasaudio` accept 0/1/booleans, the original's `accelerateURL` is read as `playurl`.

interface RawUser {
  userid?: unknown
  userID?: unknown
  playurl?: unknown
  accelerateURL?: unknown
  streamtype?: unknown
  hasvideo?: unknown
  hasaudio?: unknown
}

const str = (value: unknown) => (typeof value === 'string' ? value : undefined)

function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return value !== 0
  if (typeof value === 'string') return value !== '' && value !== '0' && value !== 'false'
  return undefined
}

export interface UserList {
  users: AnnouncedUser[]
  /** Entries without a string userid (or not objects): skipped, counted. */
  skipped: number
}

export function parseUserList(message: unknown): UserList | null {
  let data = message
  if (typeof message === 'string') {
    try {
      data = JSON.parse(message)
    } catch {
      return null
    }
  }
  const list = (data as { userlist?: unknown } | null)?.userlist
  if (!Array.isArray(list)) return null
  const users: AnnouncedUser[] = []
  for (const entry of list) {
    // Object() makes any entry readable: null → {}, a number or string → its wrapper (no userid: skipped).
    const raw: RawUser = Object(entry)
    const userID = str(raw.userid) ?? str(raw.userID)
    if (!userID) continue
    const user: AnnouncedUser = { userID }
    const playURL = str(raw.playurl) ?? str(raw.accelerateURL)
    const video = flag(raw.hasvideo)
    const audio = flag(raw.hasaudio)
    if (raw.streamtype === 'main' || raw.streamtype === 'aux') user.streamType = raw.streamtype
    if (playURL) user.playURL = playURL
    if (video !== undefined) user.hasVideo = video
    if (audio !== undefined) user.hasAudio = audio
    users.push(user)
  }
  return { users, skipped: list.length - users.length }
}

/** The native code of an event detail (`code`, or `errCode` of binderror) and its text (`message`, or `errMsg`); null when the code is not numeric. */
function readDetail(detail: StateChangeDetail | PusherErrorDetail, key: 'code' | 'errCode'): [number, string] | null {
  const fields: { message?: unknown; errMsg?: unknown } & Record<typeof key, unknown> = Object(detail)
  const n = Number(fields[key])
  // A detail without a numeric code is not a WeChat event: nothing to report or apply.
  return Number.isFinite(n) ? [n, str(fields.message) ?? str(fields.errMsg) ?? ''] : null
}

/** Non-fatal codes both tags report as notices: negative ones (encoder, screen capture …) and 3001–3005 network codes. */
const isNotice = (code: number) => code < 0 || (code >= 3001 && code <= 3005)

/** `{ type: codes }` turned around: code → action type. */
function byCode<T extends string>(groups: Record<T, number[]>): Record<number, T | undefined> {
  const out: Record<number, T> = {}
  for (const type in groups) for (const code of groups[type]) out[code] = type
  return out
}

/**
 * What a live-pusher code means besides its raw `push_state`. Member codes (1019, 1020, 1031–1034)
 * parse their message in pusherAction; other codes are notices (isNotice) or informational.
 */
const PUSHER_ACTIONS = /* @__PURE__ */ byCode({
  publishing: [1002],
  preview_started: [1007], // first frame captured
  entered: [1018],
  pusher_loading: [1102], // reconnecting by itself
  // Network changed, disconnected after retries, server connect failed, network unavailable.
  connection_lost: [1021, -1307, -1324, -1325],
  suspended: [5000, 5001], // mini-program hidden, floating window closed
  device_failed: [-1301, -1302], // camera, microphone
  // Enter failed (1022, -3301), invalid push address, server refused, userSig check failed.
  enter_failed: [1022, -3301, -1313, -1326, -100018],
})

/** The room code of a failure: the original's -4 / -5 for the devices, -10 for entering, -100018's by the server's message. */
function failureCode(code: number, message: string): number {
  if (code === -100018) return userSigRejected(message)
  return code === -1301 ? E.CAMERA_OPEN_FAILED : code === -1302 ? E.MIC_OPEN_FAILED : E.JOIN_ROOM_FAILED
}

function pusherAction(code: number, message: string): EngineAction | null {
  const type = PUSHER_ACTIONS[code]
  if (type === 'device_failed' || type === 'enter_failed') return { type, code: failureCode(code, message), nativeCode: code, message }
  if (type === 'connection_lost' || type === 'suspended') return { type, nativeCode: code, message }
  if (type) return { type, nativeCode: code }
  if (code === 1019) return { type: 'left', nativeCode: code, kicked: !message.includes('reason[0]'), message }
  if (code === 1020 || (code >= 1031 && code <= 1034)) {
    const list = parseUserList(message)
    if (!list) return null
    const { users } = list
    if (code === 1020) return { type: 'member_list', users, skipped: list.skipped, nativeCode: code }
    const userIDs = users.map((user) => user.userID)
    if (code === 1031) return { type: 'members_joined', userIDs }
    if (code === 1032) return { type: 'members_left', userIDs }
    // 1033: video per stream type; 1034: audio, always on the main stream (trtc-wx-sdk).
    return {
      type: 'streams_changed',
      changes: users.map(({ userID, streamType = 'main', hasVideo = false, hasAudio = false, playURL }) =>
        code === 1033 ? { userID, streamType, hasVideo, playURL } : { userID, streamType: 'main', hasAudio, playURL },
      ),
    }
  }
  return isNotice(code) ? { type: 'notice', code, nativeCode: code, message } : null
}

/** live-pusher `bindstatechange`: the raw `push_state`, then what the code means (pusherAction). */
export function translatePusherState(detail: StateChangeDetail): EngineAction[] {
  const native = readDetail(detail, 'code')
  if (!native) return []
  const [code, message] = native
  const action = pusherAction(code, message)
  const raw: EngineAction = { type: 'push_state', code, message }
  return action ? [raw, action] : [raw]
}

/** Player codes with a stream action; the others: notices (isNotice, 6002–6005 player warnings) or informational. */
const PLAYER_ACTIONS = /* @__PURE__ */ byCode({
  stream_playing: [2003, 2004], // first frame, playing
  stream_loading: [2007],
  stream_disconnected: [-2301], // gave up after retries
})

/** live-player `bindstatechange` of one member's stream. */
export function translatePlayerState(userID: string, streamType: StreamType, detail: StateChangeDetail): EngineAction[] {
  const native = readDetail(detail, 'code')
  if (!native) return []
  const [code, message] = native
  const actions: EngineAction[] = [{ type: 'play_state', userID, streamType, code, message }]
  const type = PLAYER_ACTIONS[code]
  if (type) actions.push({ type, userID, streamType, nativeCode: code })
  else if (isNotice(code) || (code >= 6002 && code <= 6005)) actions.push({ type: 'notice', code, nativeCode: code, message: `${userID}: ${message}` })
  return actions
}

/** live-pusher `binderror`: 10001 / 10002 camera / microphone not allowed, others (BGM, waiting image) notices. */
export function translatePusherError(detail: PusherErrorDetail): EngineAction[] {
  const native = readDetail(detail, 'errCode')
  if (!native) return []
  const [code, message] = native
  return [code === 10001 || code === 10002 ? { type: 'permission_denied', nativeCode: code, message } : { type: 'notice', code, nativeCode: code, message }]
}

/** netstatus: the stats (their quality level is the levels entry's, native-levels.ts). */
export function translatePusherNet(detail: NetStatusDetail): EngineAction[] {
  return [{ type: 'pusher_net', info: { ...detail?.info } }]
}

export function translatePlayerNet(userID: string, streamType: StreamType, detail: NetStatusDetail): EngineAction[] {
  return [{ type: 'player_net', userID, streamType, info: { ...detail?.info } }]
}

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

/** A context method; one throwing (page already gone) must not break the room's bookkeeping. */
function safeCall(platform: Platform, what: string, fn: () => void): void {
  try {
    fn()
  } catch (err) {
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
  let startTimer: TimerHandle | null = null

  const contextCall = <C extends object>(what: string, ctx: C | null, call: keyof C) =>
    safeCall(platform, `${what} ${call as string}`, () => (ctx?.[call] as (() => void) | undefined)?.call(ctx))
  const pusherCall = (call: PusherCall | 'startPreview' | 'stopPreview') => contextCall('live-pusher', pusherCtx, call)
  const playerCall = (key: string, ctx: PlayerContext, call: 'play' | 'stop' | 'pause' | 'resume') => contextCall(`live-player ${key}`, ctx, call)
  const cancelStart = () => {
    if (startTimer !== null) platform.clearTimeout(startTimer)
    startTimer = null
  }
  const requestStart = () => {
    cancelStart()
    // Without a context the start waits for attachPusher.
    if (!pusherCtx) return
    startTimer = platform.setTimeout(() => {
      startTimer = null
      const ctx = pusherCtx
      if (!sink || !ctx) return
      // Preflight already ruled out the simulator, old clients and denied scopes: a start WeChat
      // refuses means live-pusher is not enabled for this mini-program (category / admin console).
      const fail = (err?: unknown) => {
        const errMsg = String((err as { errMsg?: unknown } | undefined)?.errMsg ?? 'start failed')
        sink?.([{ type: 'enter_failed', code: E.LIVE_PUSHER_NOT_GRANTED, nativeCode: 0, message: `live-pusher start: ${errMsg}` }])
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
      // In a session a missing context means its start is waiting (enter, or the tag remounting).
      const waiting = sink && !pusherCtx
      pusherCtx = ctx
      if (waiting) requestStart()
    },
    detachPusher() {
      pusherCtx = null
      cancelStart()
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

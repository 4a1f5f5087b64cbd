/**
 * The reducer's state: the public `RoomState` (what the room store shows) plus the session
 * bookkeeping that never leaves the core (epoch, real push URL, retry counters); its status machine,
 * the templates' capacity, and the sink the controller writes the changes to.
 */
import type { LevelBook } from './reduce-levels'
import { publishes } from './live-role'
import { BACKGROUND_POLICIES, readOptions, type ValidOptions } from './options'
import type { BackgroundPolicy, ImEvent, MemberState, PusherAttributes, RoomEvent, RoomOptions, RoomState, RoomStatus, StreamType, TemplateName } from './types'

/**
 * The room's status machine. The reducer only moves along these edges; tests assert every
 * transition they observe is one of them.
 *
 * idle → preflight → entering → in_room ⇄ paused
 *                       ↑↓          ↓
 *                   reconnecting ←──┘
 * any active status → exited (stop, suspended) | error (fatal); exited / error → preflight (start again)
 */
export const LEGAL_TRANSITIONS: Readonly<Record<RoomStatus, readonly RoomStatus[]>> = {
  idle: ['preflight', 'error', 'exited'],
  preflight: ['entering', 'error', 'exited', 'preflight'],
  // entering → paused: 1018 arrived while the app was hidden.
  entering: ['in_room', 'paused', 'reconnecting', 'error', 'exited', 'preflight'],
  in_room: ['paused', 'reconnecting', 'error', 'exited', 'preflight'],
  paused: ['in_room', 'reconnecting', 'error', 'exited', 'preflight'],
  reconnecting: ['entering', 'error', 'exited', 'preflight'],
  exited: ['preflight', 'error'],
  error: ['preflight', 'exited', 'error'],
}

export function isLegalTransition(from: RoomStatus, to: RoomStatus): boolean {
  return from === to || LEGAL_TRANSITIONS[from].includes(to)
}

/** Statuses in which a session exists (the pusher may be live, timers may run): all but idle, exited and error. */
export function isActive(status: RoomStatus): boolean {
  return !['idle', 'exited', 'error'].includes(status)
}

/** Statuses in which native (engine) events are applied: a push URL is live. */
export function acceptsEngineEvents(status: RoomStatus): boolean {
  return ['entering', 'in_room', 'paused'].includes(status)
}

/**
 * How many remote members a built-in template shows. The original showed float / grid 3 (a room of 4)
 * and bigsmall 1; our grid pages on and our bigsmall adds a thumbnail strip, so only float has a
 * limit (3, then "+N"). Custom layouts (-1) are unlimited. Extra members stay in the store;
 * over-capacity is reported once per episode as a non-fatal -8 `error` (the original's tag).
 */

const UNLIMITED = -1

export function templateCapacity(template: TemplateName): number {
  return template === 'float' ? 3 : UNLIMITED
}

export function isOverCapacity(capacity: number, members: number): boolean {
  return capacity !== UNLIMITED && members > capacity
}

// The allowed values and the defaults live with the options they belong to.
export { BACKGROUND_POLICIES, DEFAULT_WAITING_IMG, LOCAL_MIRRORS } from './options'

/**
 * The background policy in force: a valid `backgroundPolicy` wins, else the deprecated `pauseOnHide`
 * (true → pause, false → keep), else the platform's default (`hideDefault`: a mini-program pauses —
 * WeChat stops the camera in the background anyway —, a browser tab keeps the call going). An
 * invalid value falls through (validation warned about it).
 */
export function policyOf({ raw, hideDefault }: Pick<CoreState, 'raw' | 'hideDefault'>): BackgroundPolicy {
  const policy = raw.backgroundPolicy
  if (policy && BACKGROUND_POLICIES.includes(policy)) return policy
  return typeof raw.pauseOnHide === 'boolean' ? (raw.pauseOnHide ? 'pause' : 'keep') : hideDefault
}

/** Events kept per room (ring buffer, oldest first) unless the room is created with another limit. */
export const ROOM_EVENT_LIMIT = 200

export interface CoreState {
  room: RoomState
  /** Options as given (merged with `update` calls). */
  raw: RoomOptions
  /** Options of the current session (null before the first valid start). */
  options: ValidOptions | null
  /** Session counter: async results and timers of an older epoch are ignored. */
  epoch: number
  /** The real push URL: holds the userSig, never logged, never stored in the room store. */
  pushURL: string
  /** Re-enter attempts made since the last successful enter. */
  reconnectAttempts: number
  roomSigAttempts: number
  /** getUserSig calls since the userSig was last accepted (reduce-sig.ts). */
  sigTries: number
  /** After a fatal error the engine keeps the camera preview until stop() / start(). */
  previewKept: boolean
  /** Inside an over-capacity episode (-8 already reported). */
  overCapacity: boolean
  pausedBy: 'app' | 'hide' | null
  hidden: boolean
  eventLimit: number
  /** This platform's background policy when neither backgroundPolicy nor pauseOnHide is set. */
  hideDefault: BackgroundPolicy
  /** Audio level and speaking bookkeeping per participant (reduce-levels.ts; only with the levels entry). */
  levels?: LevelBook
}

/** The key of a remote stream (trtc-wx-sdk's keying): one scheme for the core, engines and components. */
export function streamKey(userID: string, streamType: StreamType): string {
  return `${userID}_${streamType}`
}

/**
 * A members record without a prototype: any userID the server accepts (`toString`, `constructor`,
 * `__proto__` …) is an ordinary key, never an inherited member.
 */
export function copyMembers(from?: Record<string, MemberState>): Record<string, MemberState> {
  return Object.assign(Object.create(null) as Record<string, MemberState>, from)
}

function rawRoomID(raw: RoomOptions): string {
  const value = raw.roomID ?? raw.roomId
  return value === undefined || value === null ? '' : String(value)
}

/** Pusher attributes that are the options of the same name. */
const PUSHER_OPTIONS = ['muted', 'beauty', 'whiteness', 'minBitrate', 'maxBitrate', 'aspect', 'debug', 'localMirror', 'remoteMirror'] as const satisfies ReadonlyArray<keyof PusherAttributes & keyof ValidOptions>

export function pusherFromOptions(o: ValidOptions, previous: PusherAttributes): PusherAttributes {
  // devicePosition, paused and backgroundMute (bound by syncBackground, reducer.ts) carry over.
  const pusher: PusherAttributes = {
    ...previous,
    // The live audience opens neither (no permission prompt until it co-hosts).
    enableCamera: o.enableCamera && publishes(o),
    enableMic: publishes(o),
    waitingImage: o.waitingImg,
  }
  for (const key of PUSHER_OPTIONS) (pusher as unknown as Record<string, unknown>)[key] = o[key]
  return pusher
}

/** The pusher's defaults: what an idle tag shows (the options' fallbacks). */
function defaultPusher(): PusherAttributes {
  return pusherFromOptions(readOptions({} as RoomOptions).options, { devicePosition: 'front', paused: false, backgroundMute: false } as PusherAttributes)
}
// Pure: a module that imports this one for something else keeps no require of it.
export const DEFAULT_PUSHER: PusherAttributes = /* @__PURE__ */ defaultPusher()

export function createRoomState(key: string, raw: RoomOptions): RoomState {
  // Before a valid start the room shows what it can: valid props, the fallback of the others.
  const o = readOptions(raw).options
  const pusher = pusherFromOptions(o, DEFAULT_PUSHER)
  return {
    key,
    status: 'idle',
    roomID: rawRoomID(raw),
    self: {
      userID: typeof raw.userID === 'string' ? raw.userID : '',
      pushURL: '',
      muted: pusher.muted,
      cameraOn: pusher.enableCamera,
      frontCamera: true,
      net: null,
      screenSharing: false,
      devices: null,
      volume: 0,
      speaking: false,
      quality: 0,
      role: o.role,
    },
    members: copyMembers(),
    memberOrder: [],
    events: [],
    lastError: null,
    pusher,
    enterMode: null,
    capacity: templateCapacity(o.template),
    activeSpeaker: null,
    scene: o.scene,
  }
}

export function createCoreState(key: string, raw: RoomOptions, eventLimit = ROOM_EVENT_LIMIT, hideDefault: BackgroundPolicy = 'pause'): CoreState {
  const room = createRoomState(key, raw)
  room.pusher.backgroundMute = policyOf({ raw, hideDefault }) !== 'keep'
  return {
    room,
    raw: { ...raw },
    options: null,
    epoch: 0,
    pushURL: '',
    reconnectAttempts: 0,
    roomSigAttempts: 0,
    sigTries: 0,
    previewKept: false,
    overCapacity: false,
    pausedBy: null,
    hidden: false,
    eventLimit,
    hideDefault,
  }
}

/**
 * One member by userID, also through a Vue reactive proxy: Vue answers a read of `hasOwnProperty`
 * (and its own `__v_*` keys) itself, so those userIDs are read from the own property; `in` still
 * tracks the key for reactivity.
 */
export function memberOf(state: RoomState | null | undefined, userID: string): MemberState | undefined {
  if (!state) return undefined
  const member = state.members[userID]
  if (member && member.userID === userID) return member
  return userID in state.members ? (Object.getOwnPropertyDescriptor(state.members, userID)?.value as MemberState) : undefined
}

/** Members in join order (`memberOrder`): never a userID twice, never a missing entry; [] without a room. */
export function orderedMembers(state: RoomState | null | undefined): MemberState[] {
  if (!state) return []
  const out: MemberState[] = []
  for (const id of state.memberOrder) {
    const member = memberOf(state, id)
    if (member) out.push(member)
  }
  return out
}

// ---- Sink -------------------------------------------------------------------------------------

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

/** Write only what changed from `prev` to `next`: top-level fields, then member by member. */
export function writeChanges(sink: RoomSink, key: string, prev: RoomState, next: RoomState): void {
  if (prev === next) return
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

/**
 * What `<webrtc-room>`, its tiles and the building blocks share: the room's state by key (through the
 * Pinia room store — the blocks in the `layout` slot cannot inject: slot content is the page's, and
 * functions in slot props do not survive mp-weixin's slot compilation), the scope `<webrtc-room>`
 * hands its own tiles, the labels, the remote tiles, the `layout` slot's view and the grid's seating.
 * One module on purpose: every mp-weixin JS module pays its own wrapper in every app.
 */
import { computed, onMounted, reactive, watch, type ComputedRef, type InjectionKey } from 'vue'
import { useRoomStore } from '../../stores/room'
import { DEFAULT_PUSHER, orderedMembers, streamKey } from '../../core/room-state'
import type { AuthScope, LayoutMember, PusherAttributes, LayoutSeat, LayoutSelf, MemberState, RoomController, RoomState, RoomStatus } from '../../core/types'

export { orderedMembers }

export type Lang = 'zh' | 'en'

// ---- Room link --------------------------------------------------------------------------------

export interface RoomLink {
  state: ComputedRef<RoomState | null>
  controller: ComputedRef<RoomController | null>
  /** The native tags' room-wide attributes; the defaults before the room has them (idle, or not registered yet). */
  pusher: ComputedRef<PusherAttributes>
}

/**
 * The room's state and controller by key. The store's `rooms[key]` is reactive, the controller
 * registry is not: the controller is looked up again when the room's entry appears or disappears
 * (a block may mount before its room registers).
 */
export function useRoomLink(roomKey: () => string): RoomLink {
  const store = useRoomStore()
  const state = computed<RoomState | null>(() => store.rooms[roomKey()] ?? null)
  const controller = computed<RoomController | null>(() => (state.value ? (store.getController(state.value.key) ?? null) : null))
  return { state, controller, pusher: computed(() => state.value?.pusher ?? DEFAULT_PUSHER) }
}

// ---- Native blocks ----------------------------------------------------------------------------

/*
 * `<webrtc-room-pusher>` / `<webrtc-room-player>` (every layout and every custom slot uses them): each
 * binds its room's attributes from the store, creates its native context on the block's OWN component
 * instance (mp-weixin scopes tag ids per component), attaches it to the controller while it lives and
 * forwards the native events with `detail` untouched.
 */

/** What a native tag's `bind*` handler receives: the event's name (`type`) and its payload (`detail`). */
export interface TagEvent<T extends string> {
  type: T
  detail: unknown
}

/**
 * Keeps one native context attached to the right controller under the right key while a block
 * lives: attach once mounted (the native tag exists) and the controller is known, re-attach when the
 * room or the key changes (a slot can hand the same block another member), detach on unmount (the
 * watcher's cleanup runs when it stops with the block, before the native tag goes).
 */
export function useAttachment(controller: ComputedRef<RoomController | null>, key: () => string, attach: (room: RoomController, key: string) => void, detach: (room: RoomController, key: string) => void): void {
  onMounted(() =>
    watch(
      [controller, key],
      ([room, streamKey], _, onCleanup) => {
        if (!room) return
        attach(room, streamKey)
        onCleanup(() => detach(room, streamKey))
      },
      { immediate: true },
    ),
  )
}

// ---- Labels -----------------------------------------------------------------------------------

/** The few words the built-in layouts and the status banner show, zh + en. */
export const LABELS = {
  zh: {
    me: '我',
    waiting: '等待其他成员加入',
    loading: '加载中',
    noVideo: '未开启摄像头',
    status: { preflight: '检查中', entering: '正在进入房间', paused: '已暂停', reconnecting: '网络中断，正在重连', error: '出错了' },
  },
  en: {
    me: 'Me',
    waiting: 'Waiting for others',
    loading: 'Loading',
    noVideo: 'Camera off',
    status: { preflight: 'Checking', entering: 'Entering the room', paused: 'Paused', reconnecting: 'Connection lost, reconnecting', error: 'Something went wrong' },
  },
} satisfies Record<Lang, { me: string; waiting: string; loading: string; noVideo: string; status: Partial<Record<RoomStatus, string>> }>

export type Labels = (typeof LABELS)['zh'] | (typeof LABELS)['en']

// ---- Stable computeds -------------------------------------------------------------------------

/**
 * A computed list of keys that keeps its previous array while the keys are unchanged. On mp-weixin a
 * component re-renders whenever a computed it reads returns a new array, and each re-render re-sends
 * the props of every child in setData; keeping the old array keeps unaffected layouts out of a change.
 */
export function stableList(compute: () => string[]): ComputedRef<string[]> {
  let last: string[] = []
  return computed(() => {
    const next = compute()
    return next.length === last.length && next.every((key, i) => key === last[i]) ? last : (last = next)
  })
}

// ---- Members and tiles ------------------------------------------------------------------------

/**
 * A place on screen for one remote stream (each member's main stream, plus its screen share), named
 * by its stream key `${userID}_${streamType}`: the v-for key and the tile's one prop.
 */
export function tilesOf(members: readonly MemberState[]): string[] {
  const tiles: string[] = []
  for (const { userID, streams } of members) {
    tiles.push(streamKey(userID, 'main'))
    if (streams.aux) tiles.push(streamKey(userID, 'aux'))
  }
  return tiles
}

// ---- The layout slot --------------------------------------------------------------------------

/*
 * What the `layout` slot receives lives as long as its `<webrtc-room>` and changes in place: one
 * reactive object per member (and per seat, and self) whose fields are assigned only when they change.
 * On mp-weixin the slot content is rendered by the page inside `<webrtc-room>`'s render, and each
 * re-render re-sends the props of every component in it; in-place objects re-render it only for the
 * fields it reads (a video toggle re-renders nothing that does not read `hasVideo`), and a seat
 * passed to a component of the app's own re-renders that component alone. Network stats, volume and play URLs stay out (read
 * the store for those): they change every ~2 s per stream.
 */
/** Kept by `<webrtc-room>` as one deep `reactive` object. */
export interface LayoutView {
  /** In join order. */
  members: LayoutMember[]
  seats: LayoutSeat[]
  self: LayoutSelf | null
}

interface LayoutSnapshot {
  members: LayoutMember[]
  self: LayoutSelf
}

/**
 * What the slot never gets: per-second values (network stats, volume) and what a layout does not draw
 * (play URLs, device lists). Every other member / stream / self field is in it: fields added to the
 * state reach the slot without a change here, and are patched in place like the rest.
 */
const NOT_IN_SLOT = ['net', 'volume', 'playURL', 'devices']

/** What the slot shows of a room's state, as plain values (null: no room yet). */
export function layoutSnapshot(state: RoomState | null): LayoutSnapshot | null {
  return state && JSON.parse(JSON.stringify({ members: orderedMembers(state), self: state.self }, (key, value) => (NOT_IN_SLOT.includes(key) ? undefined : value)))
}

type Plain = Record<string, unknown>
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Makes `target` equal to `source`, assigning only what differs (nested objects kept and patched).
 * null, undefined and absent count as the same: uni's mp-weixin runtime writes `null` into slot data
 * objects for keys that went away (its diff's syncKeys), and undoing that would re-render for nothing.
 */
export function patchInPlace(target: Plain, source: Plain): void {
  for (const key in { ...target, ...source }) {
    const value = source[key]
    const old = target[key]
    if (isPlain(value) && isPlain(old)) patchInPlace(old, value)
    else if (value == null) {
      if (old != null) delete target[key]
    } else if (old !== value) target[key] = value
  }
}

/**
 * Next seating (a userID per seat, '' = free) from the previous one: members keep their seat, a leave
 * frees it, newcomers (join order) take the lowest free seats. `count` > 0 fixes the number of seats
 * (members beyond it wait for a free one); 0 grows the seats to fit everyone, never shrinking while
 * anyone is in the room (a shrink would re-render the seat list).
 */
export function seatMembers(previous: readonly string[], userIDs: readonly string[], count = 0): string[] {
  let seats = previous.map((id) => (userIDs.includes(id) ? id : ''))
  // A fixed count: cut or pad to it (members cut off take free seats below, or wait); an empty room
  // without one has no seats.
  if (count > 0) seats = Array.from({ length: count }, (_, i) => seats[i] ?? '')
  else if (!userIDs.length) seats = []
  for (const id of userIDs) {
    if (seats.includes(id)) continue
    const free = seats.indexOf('')
    if (free >= 0) seats[free] = id
    else if (!count) seats.push(id)
  }
  return seats
}

/** Applies a snapshot to the view in place: only changed fields, seats and list entries are written. */
export function applyLayout(view: LayoutView, snapshot: LayoutSnapshot | null, seatCount = 0): void {
  if (!snapshot) return
  const members = snapshot.members.map((next) => {
    const member = view.members.find((m) => m.userID === next.userID)
    if (!member) return reactive(next) as LayoutMember
    patchInPlace(member as unknown as Plain, next as unknown as Plain)
    return member
  })
  if (members.length !== view.members.length || members.some((m, i) => m !== view.members[i])) view.members.splice(0, view.members.length, ...members)
  const seating = seatMembers(view.seats.map((s) => (s.member ? s.member.userID : '')), members.map((m) => m.userID), seatCount)
  seating.forEach((userID, index) => {
    const member = members.find((m) => m.userID === userID) || null
    const seat = view.seats[index]
    if (!seat) view.seats.push({ index, member })
    else if (seat.member !== member) seat.member = member
  })
  view.seats.splice(seating.length)
  if (!view.self) view.self = snapshot.self
  else patchInPlace(view.self as unknown as Plain, snapshot.self as unknown as Plain)
}

/**
 * What `<webrtc-room>` hands the tiles and grid pages of its built-in layouts: they are its own
 * children, so they inject it instead of each looking the room up by key (the `layout` slot's
 * content is the page's, and reads the store by key). One reactive object: refs read unwrapped.
 */
export interface RoomScope {
  key: string
  /** `<webrtc-room>`'s props: display options (lang, userName, images, soundMode) read where used. */
  props: Readonly<{ lang: string; userName?: string; loadingImg?: string; playerBackgroundImg?: string; soundMode?: string }>
  state: RoomState | null
  labels: Labels
  /** The live audience: no self tile (its pusher stays mounted, hidden: it holds the room). */
  watching: boolean
  /** The grid's stable seating (seatTiles). */
  seats: string[]
}

export const ROOM_SCOPE: InjectionKey<RoomScope> = Symbol('webrtc-room')

// ---- Props every block shares -----------------------------------------------------------------

/** The prop every building block, layout and tile takes: the room key (the `layout` slot's `room`). */
export const roomKeyProp = { room: { type: String, required: true as const } }

export const customProps = {
  /** Extra class on the root element. */
  customClass: { type: String, default: '' },
  /** Extra inline style on the root element. */
  customStyle: { type: String, default: '' },
}

// ---- Grid seating ------------------------------------------------------------------------------

/*
 * The grid's paging, pure: cell 0 is the local view ('self'), then each remote tile in its seat; pages
 * of GRID_PAGE_SIZE cells. Seats are stable (seatTiles): a join takes a free seat or the next one at
 * the end, a leave moves the last tile into the freed seat. So a join or a leave re-renders at most
 * two pages of 4 cells whatever the room size, and no other member's player is re-bound (restarted).
 */
export const GRID_PAGE_SIZE = 4

/** `self` 0: no local cell (the live audience). */
export function gridPageCount(remoteTiles: number, size = GRID_PAGE_SIZE, self = 1): number {
  return Math.max(1, Math.ceil((remoteTiles + self) / size))
}

/** One page's cells: tile keys, 'self' for the local view. */
export function gridCells(tiles: readonly string[], page: number, size = GRID_PAGE_SIZE, self = 1): string[] {
  return (self ? ['self', ...tiles] : tiles).slice(page * size, (page + 1) * size)
}

/**
 * Next seating from the previous one: tiles keep their seat; new tiles fill freed seats first, then
 * go to the end; seats still free are filled by moving the last tile in (swap-remove) and trimmed.
 */
export function seatTiles(previous: readonly string[], tiles: readonly string[]): string[] {
  const seats = previous.map((key) => (tiles.includes(key) ? key : ''))
  const newcomers = tiles.filter((key) => !seats.includes(key))
  for (let i = 0; i < seats.length; i++) if (!seats[i]) seats[i] = newcomers.shift() ?? ''
  seats.push(...newcomers)
  for (let i = 0; i < seats.length; i++)
    while (!seats[i] && i < seats.length) {
      const last = seats.pop()!
      if (i < seats.length) seats[i] = last
    }
  return seats
}

// ---- Debug overlay ----------------------------------------------------------------------------

/** One line of the debug overlay (the opt-in `debug` entry draws them). */
export interface DebugLine {
  key: string
  text: string
  error: boolean
}

export type DebugOverlay = (state: RoomState | null) => DebugLine[]

/** The overlay's line builder, or null without the `debug` entry. */
export let debugOverlay: DebugOverlay | null = null

/** Called by the `debug` entry when imported (main.ts, before any room mounts). */
export function installDebugOverlay(lines: DebugOverlay | null): void {
  debugOverlay = lines
}

// ---- Permission guide -------------------------------------------------------------------------

/** What the opt-in `permission-guide` entry needs of a `<webrtc-room>`. */
export interface GuidedRoom {
  /** The room pushes video (then the camera scope is needed too). */
  needCamera(): boolean
  lang(): string
  /** Starts the room again (a no-op once it is destroyed). */
  start(): Promise<void>
  log?(level: 'warn', message: string, data?: unknown): void
}

/** Per room: the handler of its camera / microphone denials (`error` -90104 / -90105), given the denied scope. */
export type SettingsGuide = (room: GuidedRoom) => (denied: AuthScope) => void

/** The installed guide (null without the `permission-guide` entry: the denial's detail.hint names it). */
export let settingsGuide: SettingsGuide | null = null

/** Called by the `permission-guide` entry when imported (main.ts, before any room mounts). */
export function installSettingsGuide(guide: SettingsGuide | null): void {
  settingsGuide = guide
}

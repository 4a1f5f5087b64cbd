/**
 * Co-hosting (连麦) over IM for a live room: an audience member requests, an anchor accepts or
 * rejects, an accepted member switches role (`update({ role: 'anchor' })`) and either side ends it.
 * The signalling is C2C custom messages (kept offline 7 days, unlike AVChatRoom group messages) in
 * the versioned format of docs/cohost.md: `businessID` "webrtc-room.cohost", `version` 1.
 *
 * State lives here, not in the IM session: an IM reconnect (or a room re-enter) keeps requests and
 * co-hosts; a message delivered twice or late is recognised by its `requestId` and its IM server time
 * (an expired request is dropped). Every change is written to the IM store (`room(key).coHost`).
 *
 * It lives in the live entry, not the IM entry: it needs only the room's public methods (`update`,
 * `on`, `onIM`, `sendC2CCustomMsg`), and apps that use IM without the live scene ship none of it.
 * At run time it needs both entries: IM (`enableIM`, the IM entry) carries the messages.
 *
 * @example
 * import { createCoHost } from '@/uni_modules/webrtc-room/live'
 * const coHost = createCoHost(getController(roomKey)!)
 * coHost.on((e) => e.type === 'request' && showDialog(e.request))
 * await coHost.request('anchor1')          // audience
 * await coHost.accept(requestId)           // anchor
 */
import { COHOST_NOT_ALLOWED, COHOST_STALE, COHOST_TIMEOUT, IM_INVALID_RECEIVER, ROLE_SWITCH_FAILED, WebrtcRoomError, type Platform, type RoomController, type Unsubscribe, useImStore } from '../lib/runtime'
import type { CoHostEvent, CoHostRequest, CoHostState, ImMessage } from '../im/types'

export const COHOST_BUSINESS_ID = 'webrtc-room.cohost'
export const COHOST_VERSION = 1
/** As Tencent's mlvb-live-room: a request unanswered for 30 s times out. */
export const COHOST_TIMEOUT_MS = 30000

export type CoHostMessageType = 'request' | 'cancel' | 'accept' | 'reject' | 'timeout' | 'end'

/** The JSON in `payload.data` of every co-host message (docs/cohost.md). */
export interface CoHostMessage {
  businessID: typeof COHOST_BUSINESS_ID
  version: number
  type: CoHostMessageType
  /** Absent only on `end`. */
  requestId?: string
  from: string
  to: string
  roomID: string
  /** Sender's clock, ms (informative: expiry uses the IM server time). */
  ts: number
  timeoutMs?: number
  reason?: string
}

const TYPES: readonly CoHostMessageType[] = ['request', 'cancel', 'accept', 'reject', 'timeout', 'end']

/** A co-host message from a custom message's `data`, or null (not ours, newer version, malformed). */
export function parseCoHostMessage(data: string): CoHostMessage | null {
  let m: Partial<CoHostMessage>
  try {
    m = JSON.parse(data)
  } catch {
    return null
  }
  if (!m || m.businessID !== COHOST_BUSINESS_ID || !Number.isInteger(m.version) || m.version! < 1 || m.version! > COHOST_VERSION) return null
  if (!TYPES.includes(m.type!) || typeof m.from !== 'string' || typeof m.to !== 'string' || typeof m.roomID !== 'string') return null
  if (m.type !== 'end' && (typeof m.requestId !== 'string' || m.requestId === '')) return null
  return m as CoHostMessage
}

export interface CoHostOptions {
  /** ms a request waits for an answer (default 30000). */
  timeoutMs?: number
  /** Clock and timers (default: the global ones; tests pass a fake platform). */
  clock?: Pick<Platform, 'now' | 'setTimeout' | 'clearTimeout'>
  /** Where the state goes (default: the IM store's `setCoHost(room.key, …)` when Pinia is active). */
  sink?: (state: CoHostState) => void
}

export interface CoHost {
  readonly state: CoHostState
  /** Audience: ask `anchorID` to co-host. Resolves once sent; the answer comes as an event. */
  request(anchorID: string, reason?: string): Promise<CoHostRequest>
  /** Audience: withdraw the pending request. */
  cancel(): Promise<void>
  /** Anchor: accept a pending request (-90604 when it is unknown, answered or expired). */
  accept(requestId: string): Promise<void>
  reject(requestId: string, reason?: string): Promise<void>
  /** Anchor: end `userID`'s co-hosting. Without `userID` (a co-host): step down. */
  end(userID?: string): Promise<void>
  on(handler: (event: CoHostEvent) => void): Unsubscribe
  /** Stop listening and drop the timers (the store keeps the last state). */
  destroy(): void
}

const globalClock: NonNullable<CoHostOptions['clock']> = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

function storeSink(key: string): (state: CoHostState) => void {
  return (state) => {
    try {
      useImStore().setCoHost(key, state)
    } catch {
      // Headless without Pinia: `coHost.state` is the only view.
    }
  }
}

export function createCoHost(room: RoomController, options: CoHostOptions = {}): CoHost {
  const clock = options.clock ?? globalClock
  const timeoutMs = options.timeoutMs ?? COHOST_TIMEOUT_MS
  const write = options.sink ?? storeSink(room.key)
  const handlers = new Set<(event: CoHostEvent) => void>()
  const timers = new Map<string, unknown>()
  /** requestIds already handled: a message delivered again (reconnect, offline pull) is a no-op. */
  const seen = new Set<string>()
  let state: CoHostState = { requests: [], outgoing: null, coHosts: [] }
  /** Co-host side: the anchor who accepted us, until the co-hosting ends. */
  let hostedBy: string | null = null

  const me = () => room.state.self.userID
  const fail = (code: number, message: string): never => {
    throw new WebrtcRoomError(code, message)
  }
  const set = (next: Partial<CoHostState>) => {
    state = { ...state, ...next }
    write(state)
  }
  const emit = (event: CoHostEvent) => {
    for (const handler of [...handlers]) {
      try {
        handler(event)
      } catch {
        // An app handler throwing must not break the signalling.
      }
    }
  }
  const send = (type: CoHostMessageType, to: string, extra: Partial<CoHostMessage> = {}) => {
    const message: CoHostMessage = { businessID: COHOST_BUSINESS_ID, version: COHOST_VERSION, type, from: me(), to, roomID: room.state.roomID, ts: clock.now(), ...extra }
    return room.sendC2CCustomMsg(to, { data: JSON.stringify(message), desc: COHOST_BUSINESS_ID, ext: '' })
  }
  const clearTimer = (id: string) => {
    if (timers.has(id)) clock.clearTimeout(timers.get(id))
    timers.delete(id)
  }
  const expireAt = (request: CoHostRequest, onExpire: () => void) => {
    timers.set(request.requestId, clock.setTimeout(() => {
      timers.delete(request.requestId)
      onExpire()
    }, Math.max(0, request.expiresAt - clock.now())))
  }
  const pending = (requestId: string) => state.requests.find((r) => r.requestId === requestId)
  const dropRequest = (requestId: string) => {
    clearTimer(requestId)
    set({ requests: state.requests.filter((r) => r.requestId !== requestId) })
  }
  const addCoHost = (userID: string) => set({ coHosts: state.coHosts.includes(userID) ? state.coHosts : [...state.coHosts, userID] })
  const removeCoHost = (userID: string) => set({ coHosts: state.coHosts.filter((id) => id !== userID) })
  const timedOut = (request: CoHostRequest) => emit({ type: 'timeout', code: COHOST_TIMEOUT, request })

  /** An incoming co-host message (`time`: IM server time, ms). */
  function receive(m: CoHostMessage, time: number): void {
    const now = clock.now()
    const id = m.requestId ?? ''
    const out = state.outgoing
    switch (m.type) {
      case 'request': {
        if (seen.has(id) || room.state.self.role !== 'anchor') return
        seen.add(id)
        // IM server time, never later than our clock (a clock behind the server does not stretch the wait).
        const createdAt = Math.min(time || now, now)
        const request: CoHostRequest = { requestId: id, userID: m.from, anchorID: me(), createdAt, expiresAt: createdAt + (m.timeoutMs ?? timeoutMs), reason: m.reason ?? '' }
        if (request.expiresAt <= now) return // delivered after its deadline (offline pull): stale
        set({ requests: [...state.requests, request] })
        expireAt(request, () => {
          dropRequest(id)
          void send('timeout', request.userID, { requestId: id }).catch(() => {})
          timedOut(request)
        })
        return emit({ type: 'request', code: 0, request })
      }
      case 'cancel':
      case 'timeout': {
        const request = pending(id)
        if (request) {
          dropRequest(id)
          return m.type === 'cancel' ? emit({ type: 'cancelled', code: 0, request }) : timedOut(request)
        }
        if (out?.requestId === id) {
          clearTimer(id)
          set({ outgoing: null })
          return timedOut(out)
        }
        // The requester timed out after we accepted: it will not co-host.
        if (m.type === 'timeout' && state.coHosts.includes(m.from)) removeCoHost(m.from)
        return
      }
      case 'accept':
      case 'reject': {
        if (out?.requestId !== id || out.anchorID !== m.from) return // stale answer: ignored on receipt
        clearTimer(id)
        set({ outgoing: null })
        if (m.type === 'reject') return emit({ type: 'rejected', code: 0, request: out, reason: m.reason ?? '' })
        hostedBy = m.from
        addCoHost(me())
        emit({ type: 'accepted', code: 0, request: out })
        return room.update({ role: 'anchor' })
      }
      case 'end': {
        if (hostedBy === m.from) {
          hostedBy = null
          removeCoHost(me())
          emit({ type: 'ended', code: 0, userID: me(), by: m.from })
          return room.update({ role: 'audience' })
        }
        if (state.coHosts.includes(m.from)) {
          removeCoHost(m.from)
          emit({ type: 'ended', code: 0, userID: m.from, by: m.from })
        }
      }
    }
  }

  const offIM = room.onIM((event) => {
    if (event.tag !== 'msg_notify' && event.tag !== 'big_group_msg_notify') return
    for (const message of event.detail as ImMessage[]) {
      if (message.flow !== 'in' || message.custom?.desc !== COHOST_BUSINESS_ID) continue
      const m = parseCoHostMessage(message.custom.data)
      // The IM sender must be who the message says, and it must be for us in this room.
      if (m && m.from === message.from && m.to === me() && m.roomID === room.state.roomID) receive(m, message.time)
    }
  })

  // A co-host whose role went back to audience (switch failed, or the app stepped down) tells its anchor.
  const offRoom = room.on((event) => {
    const steppedDown = event.tag === 'self_update' && (event.detail as { role?: string }).role === 'audience'
    const failed = event.tag === 'warning' && event.code === ROLE_SWITCH_FAILED && room.state.self.role === 'audience'
    if (!hostedBy || !(steppedDown || failed)) return
    const anchor = hostedBy
    hostedBy = null
    removeCoHost(me())
    void send('end', anchor).catch(() => {})
    emit({ type: 'ended', code: 0, userID: me(), by: me() })
  })

  const needLive = (role: 'anchor' | 'audience', what: string) => {
    const s = room.state
    if (s.scene !== 'live' || s.self.role !== role) fail(COHOST_NOT_ALLOWED, `${what} needs scene 'live' and role '${role}' (now ${s.scene} / ${s.self.role})`)
  }

  return {
    get state() {
      return state
    },
    async request(anchorID, reason = '') {
      needLive('audience', 'request()')
      if (state.outgoing) fail(COHOST_NOT_ALLOWED, `a request is already pending (${state.outgoing.requestId})`)
      if (typeof anchorID !== 'string' || !anchorID || anchorID === me()) fail(IM_INVALID_RECEIVER, 'request() needs the anchor userID')
      const createdAt = clock.now()
      const request: CoHostRequest = { requestId: `${me()}-${createdAt}-${Math.random().toString(36).slice(2, 8)}`, userID: me(), anchorID, createdAt, expiresAt: createdAt + timeoutMs, reason }
      set({ outgoing: request })
      try {
        await send('request', anchorID, { requestId: request.requestId, timeoutMs, reason })
      } catch (err) {
        if (state.outgoing === request) set({ outgoing: null })
        throw err
      }
      if (state.outgoing === request) {
        expireAt(request, () => {
          set({ outgoing: null })
          void send('timeout', anchorID, { requestId: request.requestId }).catch(() => {})
          timedOut(request)
        })
      }
      return request
    },
    async cancel() {
      const out = state.outgoing ?? fail(COHOST_STALE, 'cancel(): no pending request')
      clearTimer(out.requestId)
      set({ outgoing: null })
      await send('cancel', out.anchorID, { requestId: out.requestId })
    },
    async accept(requestId) {
      needLive('anchor', 'accept()')
      const request = pending(requestId) ?? fail(COHOST_STALE, `accept(): request ${requestId} is unknown, answered or expired`)
      dropRequest(requestId)
      addCoHost(request.userID)
      await send('accept', request.userID, { requestId })
      emit({ type: 'accepted', code: 0, request })
    },
    async reject(requestId, reason = '') {
      const request = pending(requestId) ?? fail(COHOST_STALE, `reject(): request ${requestId} is unknown, answered or expired`)
      dropRequest(requestId)
      await send('reject', request.userID, { requestId, reason })
      emit({ type: 'rejected', code: 0, request, reason })
    },
    async end(userID) {
      if (userID === undefined || userID === me()) {
        if (!hostedBy) fail(COHOST_STALE, 'end(): this user is not co-hosting')
        // The role change tells the anchor (see the room listener above).
        return room.update({ role: 'audience' })
      }
      needLive('anchor', 'end(userID)')
      removeCoHost(userID)
      await send('end', userID)
      emit({ type: 'ended', code: 0, userID, by: me() })
    },
    on(handler) {
      handlers.add(handler)
      return () => handlers.delete(handler)
    },
    destroy() {
      offIM()
      offRoom()
      for (const id of [...timers.keys()]) clearTimer(id)
      handlers.clear()
    },
  }
}

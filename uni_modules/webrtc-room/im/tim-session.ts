/**
 * One room's IM session on tim-wx-sdk 2.27.6 (the `ImSession` of core/im-registry.ts).
 *
 * start(): lease the shared tim instance (login + SDK_READY, see tim-client-pool.ts) → join the
 * room's group (create it when absent and allowed) → messages flow. stop(): quit the group, give the
 * lease back (the last room logs out and destroys the instance) and remove every listener. stop()
 * during a pending login does not wait for it (tim never settles a login offline): the pending
 * start() rejects with `detail.cancelled = true` and nothing of the session is left behind.
 *
 * Events: login_event, join_group_event, connection_event (NET_STATE_CHANGE), big_group_msg_notify
 * / msg_notify (MESSAGE_RECEIVED), group_system_notify, group_info_change, kicked_out (KICKED_OUT:
 * no automatic re-login) and error (tim's ERROR, SDK_NOT_READY while in the room).
 * Group messages that arrive before the join has completed are held and delivered right after
 * `join_group_event`, so an app always sees the join before the room's messages.
 */
import { IM_LOGIN_FAILED, IM_NOT_READY, IM_SDK_ERROR, KICKED_OUT, WebrtcRoomError, type CustomMsgInput, type ImRoomParams, type ImSession, type ImEvent, type ImEventTag, validateCustom, validateReceiver, validateText } from '../lib/runtime'
import { CONNECTION_CODE, toConnectionState } from './connection'
import { pollAudienceCount } from './audience-count'
import { joinRoomGroup } from './join-group'
import { toImMessage } from './map-message'
import { customPayload, sendThroughTim } from './outgoing'
import { routeMessages } from './route-messages'
import type { TimClientPool, TimLease } from './tim-client-pool'
import { timErrorCode, timErrorMessage } from './tim-client-pool'
import type { TimEvent, TimInstance, TimMessage, TimStatic, TimTypes } from './tim-types'
import type { ImConversationType, ImErrorDetail, ImEventDetailMap, ImMessage, ImStateSink } from './types'

export interface TimSessionOptions {
  TIM: TimStatic
  pool: TimClientPool
  /** Where login/connection/group/messages are recorded (the IM store). */
  sink?: ImStateSink
  /** Create the room's group when it does not exist (default true, as the original did). */
  createGroupIfAbsent?: boolean
  /** Group messages held while the join is pending (oldest dropped beyond this). */
  pendingLimit?: number
}

type Phase = 'idle' | 'starting' | 'joined' | 'group_lost' | 'kicked_out' | 'failed' | 'stopped'

/** Group system notice types that mean we are no longer in the group (tim payload.operationType). */
const GROUP_GONE_NOTICES = new Set([4 /* kicked from group */, 5 /* dismissed */, 11 /* recycled */])

const noopSink: ImStateSink = {
  begin() {}, setLogin() {}, setConnection() {}, setJoinedGroup() {}, receive() {}, addOutgoing() {},
  markSent() {}, markFailed() {}, setError() {},
}

export class TimSession implements ImSession {
  private phase: Phase = 'idle'
  /** tim reports 'disconnected' before it first connects: that is no news, so no event until a connection began. */
  private everConnecting = false
  private lease: TimLease | null = null
  private startPromise: Promise<void> | null = null
  private stopPromise: Promise<void> | null = null
  private joinInFlight: Promise<boolean> | null = null
  /** A lease given back early (failed start): stop() waits for it. */
  private releasing: Promise<void> = Promise.resolve()
  private readonly handlers = new Set<(event: ImEvent) => void>()
  private readonly timListeners: Array<[string, (event: TimEvent<any>) => void]> = []
  private pendingGroup: TimMessage[] = []
  private cancel: (error: WebrtcRoomError) => void = () => {}
  private readonly cancelled: Promise<never>
  private readonly sink: ImStateSink
  private stopCount: () => void = () => {}

  constructor(
    private readonly params: ImRoomParams,
    private readonly options: TimSessionOptions,
  ) {
    this.sink = options.sink ?? noopSink
    this.cancelled = new Promise<never>((_, reject) => {
      this.cancel = reject
    })
    this.cancelled.catch(() => {}) // only observed while a start() is pending
  }

  /** 'idle' | 'starting' | 'joined' | 'group_lost' | 'kicked_out' | 'failed' | 'stopped' (for tests and debug). */
  get state(): Phase {
    return this.phase
  }

  on(handler: (event: ImEvent) => void): () => void {
    this.handlers.add(handler)
    return () => this.handlers.delete(handler)
  }

  start(): Promise<void> {
    if (this.phase === 'stopped') {
      return Promise.reject(new WebrtcRoomError(IM_NOT_READY, 'this IM session was stopped; create a new one', { stopped: true }))
    }
    if (!this.startPromise) this.startPromise = this.run()
    return this.startPromise
  }

  stop(): Promise<void> {
    if (!this.stopPromise) this.stopPromise = this.shutdown()
    return this.stopPromise
  }

  // -------------------------------------------------------------------------------------------
  // Start

  private async run(): Promise<void> {
    const { params } = this
    this.phase = 'starting'
    this.sink.begin({ userID: params.userID, groupID: params.groupID })
    this.sink.setLogin('logging_in')
    const acquiring = this.options.pool.acquire(params.sdkAppID, params.userID, params.userSig)
    try {
      this.lease = await this.guard(acquiring)
    } catch (error) {
      // Cancelled while acquiring: the lease still arrives later; hand it straight back.
      if (this.isCancel(error)) acquiring.then((lease) => this.options.pool.release(lease), () => {})
      return this.failLogin(error)
    }
    if (this.current() === 'stopped') {
      // stop() came while acquire was resolving: it could not release a lease it did not have yet.
      void this.options.pool.release(this.lease)
      this.lease = null
      throw this.cancelledError()
    }
    this.subscribe(this.lease.tim)

    let repeatLogin = false
    try {
      repeatLogin = (await this.guard(this.lease.loggedIn)).repeatLogin
    } catch (error) {
      return this.failLogin(error)
    }
    if (params.nick && params.nick !== params.userID) {
      // The original logged in with a nick; tim sets it on the profile. Cosmetic: failure is not fatal.
      this.lease.tim.updateMyProfile({ nick: params.nick }).catch(() => {})
    }
    this.sink.setLogin('logged_in')
    this.emit('login_event', 0, { userID: params.userID, message: 'ok', repeatLogin })

    const tim = this.lease.tim
    const join = joinRoomGroup(tim, this.options.TIM.TYPES, {
      groupID: params.groupID,
      groupType: params.groupType,
      createIfAbsent: this.options.createGroupIfAbsent ?? true,
    })
    this.joinInFlight = join.then(() => true, () => false)
    let joined: Awaited<typeof join>
    try {
      joined = await this.guard(join)
    } catch (error) {
      if (this.isCancel(error)) throw error
      if (this.current() === 'kicked_out') throw this.kickedOutError()
      const failure = error as WebrtcRoomError
      this.phase = 'failed'
      this.pendingGroup = []
      this.abandon()
      this.recordFailure(failure)
      this.emit('join_group_event', (failure.detail.nativeCode as number | undefined) ?? failure.code, {
        groupID: params.groupID, groupType: params.groupType, status: '', created: false, message: failure.message,
      })
      throw failure
    } finally {
      this.joinInFlight = null
    }
    if (this.current() === 'kicked_out') throw this.kickedOutError()
    this.phase = 'joined'
    this.sink.setJoinedGroup(params.groupID)
    if (params.groupType === 'AVChatRoom' && tim.getGroupOnlineMemberCount && this.sink.setAudienceCount) {
      this.stopCount = pollAudienceCount(tim, params.groupID, this.sink.setAudienceCount)
    }
    this.emit('join_group_event', 0, {
      groupID: params.groupID, groupType: params.groupType, status: joined.status, created: joined.created,
    })
    const held = this.pendingGroup
    this.pendingGroup = []
    if (held.length) this.onMessages(held)
  }

  /** The phase as it is now (after awaits: stop() or a kick-out may have changed it meanwhile). */
  private current(): Phase {
    return this.phase
  }

  private failLogin(error: unknown): never {
    if (this.isCancel(error)) throw error
    const failure = error instanceof WebrtcRoomError
      ? error
      : new WebrtcRoomError(IM_LOGIN_FAILED, `IM login failed: ${timErrorMessage(error)}`, { nativeCode: timErrorCode(error) })
    this.phase = 'failed'
    this.abandon()
    this.sink.setLogin('failed')
    this.recordFailure(failure)
    // The original's login_event: code = the SDK's error code (ours when the SDK gave none).
    this.emit('login_event', (failure.detail.nativeCode as number | undefined) ?? failure.code, {
      userID: this.params.userID, message: failure.message,
    })
    throw failure
  }

  /**
   * A failed start gives its lease back at once: a session that cannot be used must not keep tim's
   * socket (and login) alive until the app calls stop(). stop() later finds nothing left to do.
   */
  private abandon(): void {
    this.unsubscribe()
    const lease = this.lease
    this.lease = null
    if (lease) this.releasing = this.options.pool.release(lease).catch(() => {})
  }

  /** Races a step against stop(): a stopped session never waits for the SDK. */
  private guard<T>(step: Promise<T>): Promise<T> {
    return Promise.race([step, this.cancelled])
  }

  private cancelledError(): WebrtcRoomError {
    return new WebrtcRoomError(IM_NOT_READY, 'IM start cancelled: stop() was called', { cancelled: true })
  }

  private kickedOutError(): WebrtcRoomError {
    return new WebrtcRoomError(KICKED_OUT, 'IM was kicked out while joining the room group', { kickedOut: true })
  }

  private isCancel(error: unknown): boolean {
    return error instanceof WebrtcRoomError && error.detail.cancelled === true
  }

  // -------------------------------------------------------------------------------------------
  // Stop

  private async shutdown(): Promise<void> {
    const wasJoined = this.phase === 'joined'
    this.stopCount()
    const joinInFlight = this.joinInFlight
    this.phase = 'stopped'
    this.cancel(this.cancelledError())
    this.unsubscribe()
    this.handlers.clear()
    this.pendingGroup = []
    const lease = this.lease
    this.lease = null
    if (lease) {
      // A join still on the wire may succeed after all: wait for it so we can leave the group again.
      const inGroup = wasJoined || (joinInFlight ? await joinInFlight : false)
      if (inGroup && lease.isLoggedIn()) await lease.tim.quitGroup(this.params.groupID).catch(() => {})
      await this.options.pool.release(lease)
    }
    await this.releasing
    this.sink.setJoinedGroup(null)
    this.sink.setLogin('logged_out')
  }

  // -------------------------------------------------------------------------------------------
  // tim events

  private subscribe(tim: TimInstance): void {
    const { EVENT } = this.options.TIM
    const listen = (name: string, fn: (event: TimEvent<any>) => void) => {
      tim.on(name, fn)
      this.timListeners.push([name, fn])
    }
    listen(EVENT.MESSAGE_RECEIVED, (event: TimEvent<TimMessage[]>) => this.onMessages(Array.isArray(event?.data) ? event.data : []))
    listen(EVENT.NET_STATE_CHANGE, (event: TimEvent<{ state?: string }>) => this.onNetState(event?.data?.state))
    listen(EVENT.KICKED_OUT, (event: TimEvent<{ type?: string }>) => this.onKickedOut(event?.data?.type))
    listen(EVENT.ERROR, (event: TimEvent<{ code?: number; message?: string }>) => {
      this.emitError(IM_SDK_ERROR, event?.data?.message || 'IM SDK error', event?.data?.code)
    })
    listen(EVENT.SDK_NOT_READY, () => {
      // Expected after logout/kick-out; in the room it means IM stopped working under us.
      if (this.phase === 'joined' || this.phase === 'group_lost') {
        this.phase = 'failed'
        this.sink.setLogin('logged_out')
        this.sink.setJoinedGroup(null)
        this.emitError(IM_NOT_READY, 'the IM SDK is no longer ready (SDK_NOT_READY)')
      }
    })
  }

  private unsubscribe(): void {
    const tim = this.lease?.tim
    if (tim) for (const [name, fn] of this.timListeners) tim.off(name, fn)
    this.timListeners.length = 0
  }

  private onNetState(raw: unknown): void {
    if (this.phase === 'stopped') return
    const state = toConnectionState(raw)
    this.sink.setConnection(state)
    if (state !== 'disconnected') this.everConnecting = true
    else if (!this.everConnecting) return
    this.emit('connection_event', CONNECTION_CODE[state], { state })
  }

  private onKickedOut(reason: unknown): void {
    if (this.phase === 'stopped') return
    this.phase = 'kicked_out'
    this.pendingGroup = []
    this.sink.setLogin('kicked_out')
    this.sink.setJoinedGroup(null)
    const why = typeof reason === 'string' ? reason : 'unknown'
    this.emit('kicked_out', KICKED_OUT, {
      reason: why,
      message: `IM kicked out (${why}); log in again with start() after fixing the cause`,
    })
  }

  private onMessages(batch: TimMessage[]): void {
    if (this.phase === 'stopped' || this.phase === 'kicked_out') return
    const routed = routeMessages(batch, this.params.groupID)
    if (routed.c2c.length) {
      const messages = routed.c2c.map((m) => toImMessage(m, m.flow === 'in' ? 'received' : 'sent'))
      this.sink.receive(messages)
      this.emit('msg_notify', 0, messages)
    }
    const groupCount = routed.group.length + routed.groupInfo.length + routed.groupSystem.length
    if (!groupCount) return
    if (this.phase !== 'joined') {
      if (this.phase === 'starting') {
        const ours = new Set([...routed.group, ...routed.groupInfo, ...routed.groupSystem])
        this.holdForJoin(batch.filter((m) => ours.has(m))) // batch order kept
      }
      return
    }
    if (routed.group.length) {
      const messages = routed.group.map((m) => toImMessage(m, m.flow === 'in' ? 'received' : 'sent'))
      this.sink.receive(messages)
      this.emit('big_group_msg_notify', 0, messages)
    }
    for (const tip of routed.groupInfo) {
      this.emit('group_info_change', 0, {
        groupID: this.params.groupID,
        operatorID: String(tip.payload.operatorID ?? ''),
        newGroupProfile: (tip.payload.newGroupProfile as Record<string, unknown>) ?? {},
      })
    }
    for (const notice of routed.groupSystem) {
      const operationType = Number(notice.payload.operationType)
      this.emit('group_system_notify', 0, {
        groupID: this.params.groupID,
        operationType,
        operatorID: String(notice.payload.operatorID ?? ''),
        payload: notice.payload,
      })
      if (GROUP_GONE_NOTICES.has(operationType)) {
        this.phase = 'group_lost'
        this.sink.setJoinedGroup(null)
      }
    }
  }

  private holdForJoin(messages: TimMessage[]): void {
    const limit = this.options.pendingLimit ?? 500
    this.pendingGroup.push(...messages)
    if (this.pendingGroup.length > limit) this.pendingGroup.splice(0, this.pendingGroup.length - limit)
  }

  // -------------------------------------------------------------------------------------------
  // Sending

  sendC2CTextMsg(receiveUser: string, msg: string): Promise<ImMessage> {
    return this.send('C2C', () => validateReceiver(receiveUser) ?? validateText(msg, 'C2C'), (tim, types) =>
      tim.createTextMessage({ to: receiveUser.trim(), conversationType: types.CONV_C2C, payload: { text: msg } }))
  }

  sendC2CCustomMsg(receiveUser: string, msg: CustomMsgInput): Promise<ImMessage> {
    return this.send('C2C', () => validateReceiver(receiveUser) ?? validateCustom(msg, 'C2C'), (tim, types) =>
      tim.createCustomMessage({ to: receiveUser.trim(), conversationType: types.CONV_C2C, payload: customPayload(msg) }))
  }

  sendGroupTextMsg(msg: string): Promise<ImMessage> {
    return this.send('GROUP', () => validateText(msg, 'GROUP'), (tim, types) =>
      tim.createTextMessage({ to: this.params.groupID, conversationType: types.CONV_GROUP, payload: { text: msg } }))
  }

  sendGroupCustomMsg(msg: CustomMsgInput): Promise<ImMessage> {
    return this.send('GROUP', () => validateCustom(msg, 'GROUP'), (tim, types) =>
      tim.createCustomMessage({ to: this.params.groupID, conversationType: types.CONV_GROUP, payload: customPayload(msg) }))
  }

  /** Validate → readiness → send (outgoing.ts records sending → sent | failed). Resolves with the sent message. */
  private async send(
    type: ImConversationType,
    validate: () => WebrtcRoomError | null,
    create: (tim: TimInstance, types: TimTypes) => TimMessage,
  ): Promise<ImMessage> {
    const invalid = validate()
    if (invalid) throw invalid
    const notReady = this.readinessError(type)
    if (notReady) throw notReady
    const types = this.options.TIM.TYPES
    return sendThroughTim(this.lease!.tim, this.sink, this.params.userID, (tim) => create(tim, types))
  }

  private readinessError(type: ImConversationType): WebrtcRoomError | null {
    const loggedIn = this.lease?.isLoggedIn() === true && ['starting', 'joined', 'group_lost'].includes(this.phase)
    if (type === 'C2C' && loggedIn) return null
    if (type === 'GROUP' && this.phase === 'joined' && loggedIn) return null
    const what = type === 'C2C' ? 'logged in' : `in group '${this.params.groupID}'`
    return new WebrtcRoomError(IM_NOT_READY, `IM is not ${what} yet (state: ${this.phase})`, { state: this.phase })
  }

  // -------------------------------------------------------------------------------------------
  // Emitting

  private emit<T extends ImEventTag & keyof ImEventDetailMap>(tag: T, code: number, detail: ImEventDetailMap[T]): void {
    const event: ImEvent = { tag, code, detail }
    for (const handler of [...this.handlers]) {
      try {
        handler(event)
      } catch {
        // An app handler that throws must not break the session or the other handlers.
      }
    }
  }

  /** Keeps why the start failed in the store (`lastError`), so a UI can show it with the code's advice. */
  private recordFailure(failure: WebrtcRoomError): void {
    const nativeCode = failure.detail.nativeCode
    const detail: ImErrorDetail = typeof nativeCode === 'number' ? { message: failure.message, nativeCode } : { message: failure.message }
    this.sink.setError({ tag: 'error', code: failure.code, detail })
  }

  private emitError(code: number, message: string, nativeCode?: number): void {
    if (this.phase === 'stopped') return
    const detail: ImErrorDetail = nativeCode === undefined ? { message } : { message, nativeCode }
    this.sink.setError({ tag: 'error', code, detail })
    this.emit('error', code, detail)
  }
}

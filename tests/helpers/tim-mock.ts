/**
 * A network-free stand-in for tim-wx-sdk 2.27.6, for the IM tests.
 *
 * Fidelity — what it reproduces from the real package (read in node_modules/tim-wx-sdk/tim-wx.js):
 * - `EVENT` and `TYPES` ARE the real package's objects (imported from it), so event names and
 *   constants ('onMessageReceived', 'TIMTextElem', 'JoinedSuccess', ...) cannot drift.
 * - `TIM.create({SDKAppID})` returns the same instance per SDKAppID until `destroy()`, which logs
 *   out, emits SDK_DESTROY and drops the instance from the cache (next create = new instance).
 *   `destroy()` rejects when its internal logout rejects (not logged in), like tim's `logout().finally()`.
 * - `login`: resolves `{code: 0, data: {repeatLogin: false}}`, then emits SDK_READY asynchronously
 *   (tim's order); already logged in → resolves `{repeatLogin: true}`; a second login within 15 s of
 *   a pending one → rejects `{code: 2025}` (REPEAT_LOGIN); `failLogin(code)` rejects with that code
 *   (e.g. 70001 userSig expired); `holdLogin()` never settles it (tim offline).
 * - `logout`: not logged in → rejects `{code: 2024}`; else resolves and emits SDK_NOT_READY.
 * - `joinGroup`: unknown group → rejects `{code: 10010}`; member → `{status: 'AlreadyInGroup'}`;
 *   else `{status: 'JoinedSuccess'}`. `createGroup`: a type outside tim's list → rejects 2600; taken id →
 *   rejects 10025 (same owner) / 10021.
 *   `quitGroup` of a group we are not in → rejects 2623.
 * - Messages: `createTextMessage` / `createCustomMessage` build `{ID, type, payload, conversationID,
 *   conversationType, to, from, flow: 'out', time, nick, status: 'unSend'}`; custom payload keys are
 *   tim's `{data, description, extension}`; not logged in → a rejected Promise `{code: 2024}` instead
 *   of a message (tim's API guard). `sendMessage` rejects 2024 when not logged in, 2999 when not
 *   ready, 10007 when sending to a group we are not in, or the code given to `failNextSend`; else
 *   resolves `{code: 0, data: {message}}` with `status: 'success'` and a server time.
 *   `createGroup` not logged in → rejects 2024.
 * - No `isReady()`: tim's public instance has none (its readiness is only the SDK_READY event).
 * tests/im/tim-mock-fidelity.test.ts runs the offline-observable rows above against the real package.
 * - Events fired by test helpers with tim's payload shapes: MESSAGE_RECEIVED `{data: Message[]}`,
 *   NET_STATE_CHANGE `{data: {state}}`, KICKED_OUT `{data: {type}}` (+ SDK_NOT_READY, as tim logs
 *   itself out), ERROR `{data: {code, message}}`.
 * Not reproduced: the socket, retries and timeouts, message sequences/dedup, profiles, conversation
 * lists, rich media, tim's profanity filter and log uploads.
 */
import { createRequire } from 'node:module'
import type { TimInstance, TimMessage, TimStatic } from '../../uni_modules/webrtc-room/im/tim-types'

/**
 * The real package, for its constants only (nothing of it runs). tim picks its platform when it is
 * loaded: with the tests' global `uni` stub and no `wx` it assumes a browser and touches `window`,
 * so `uni` is hidden while it loads (in plain Node it loads cleanly).
 */
function loadRealTim(): TimStatic {
  const globals = globalThis as Record<string, unknown>
  const saved = globals.uni
  delete globals.uni
  try {
    return createRequire(import.meta.url)('tim-wx-sdk') as TimStatic
  } finally {
    if (saved !== undefined) globals.uni = saved
  }
}

const realTIM = loadRealTim()

export const EVENT = realTIM.EVENT
export const TYPES = realTIM.TYPES

type Handler = (event: { name: string; data: unknown }) => void

interface Deferred<T> {
  promise: Promise<T>
  resolve(value: T): void
  reject(error: unknown): void
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

function timError(code: number, message: string) {
  return { code, message }
}

/** The "server" all mock instances share: groups and their members. */
export class FakeServer {
  groups = new Map<string, { type: string; owner: string; members: Set<string> }>()
  addGroup(groupID: string, owner = 'admin', type = 'AVChatRoom') {
    this.groups.set(groupID, { type, owner, members: new Set() })
  }
}

export class FakeTim implements TimInstance {
  readonly calls: string[] = []
  private readonly handlers = new Map<string, Set<Handler>>()
  userID = ''
  ready = false
  private loggedIn = false
  private loginPending = false
  private loginPlan: { kind: 'ok' } | { kind: 'fail'; code: number; message: string } | { kind: 'hold' } = { kind: 'ok' }
  private heldLogin: Deferred<any> | null = null
  private sendFailures: Array<{ code: number; message: string }> = []
  private joinHold: Deferred<void> | null = null
  private seq = 0
  destroyed = false
  private readyBlocked = false
  logLevel: number | undefined

  constructor(
    readonly sdkAppID: number,
    private readonly server: FakeServer,
    private readonly onDestroy: () => void,
  ) {}

  // --- test controls ---

  failLogin(code: number, message = 'login failed') {
    this.loginPlan = { kind: 'fail', code, message }
  }

  /** The next login never settles until `releaseLogin()` (tim offline). */
  holdLogin() {
    this.loginPlan = { kind: 'hold' }
  }

  /** Completes a held login successfully (SDK_READY follows). */
  async releaseLogin() {
    const held = this.heldLogin
    this.heldLogin = null
    if (!held) throw new Error('no held login')
    this.loggedIn = true
    this.loginPending = false
    held.resolve({ code: 0, data: { repeatLogin: false } })
    await tick()
    this.ready = true
    this.emit(EVENT.SDK_READY, {})
  }

  /** Login resolves but SDK_READY never comes (seen when tim cannot finish its sync). */
  neverReady() {
    this.readyBlocked = true
  }

  failNextSend(code: number, message = 'send failed') {
    this.sendFailures.push({ code, message })
  }

  /** The next joinGroup waits until `releaseJoin()`. */
  holdJoin() {
    this.joinHold = deferred<void>()
  }

  releaseJoin() {
    this.joinHold?.resolve()
    this.joinHold = null
  }

  emit(name: string, data: unknown) {
    for (const handler of [...(this.handlers.get(name) ?? [])]) handler({ name, data })
  }

  receive(messages: TimMessage[]) {
    this.emit(EVENT.MESSAGE_RECEIVED, messages)
  }

  netState(state: 'connected' | 'connecting' | 'disconnected') {
    this.emit(EVENT.NET_STATE_CHANGE, { state })
  }

  /** tim's kick-out: KICKED_OUT, then it is logged out (SDK_NOT_READY). */
  kickOut(type = 'multipleAccount') {
    this.loggedIn = false
    this.ready = false
    this.emit(EVENT.KICKED_OUT, { type })
    this.emit(EVENT.SDK_NOT_READY, {})
  }

  sdkError(code: number, message: string) {
    this.emit(EVENT.ERROR, { code, message })
  }

  listenerCount(name?: string): number {
    if (name) return this.handlers.get(name)?.size ?? 0
    let total = 0
    for (const set of this.handlers.values()) total += set.size
    return total
  }

  // --- tim API ---

  on(name: string, handler: Handler) {
    if (!this.handlers.has(name)) this.handlers.set(name, new Set())
    this.handlers.get(name)!.add(handler)
  }

  off(name: string, handler: Handler) {
    this.handlers.get(name)?.delete(handler)
  }

  setLogLevel(level: number) {
    this.logLevel = level
  }

  async login(options: { userID: string; userSig: string }): Promise<any> {
    this.calls.push(`login:${options.userID}`)
    if (this.loggedIn) return { code: 0, data: { repeatLogin: true, errorInfo: 'repeat login' } }
    if (this.loginPending) throw timError(2025, 'logging in, please wait')
    this.userID = options.userID
    const plan = this.loginPlan
    this.loginPlan = { kind: 'ok' }
    if (plan.kind === 'fail') {
      await tick()
      throw timError(plan.code, plan.message)
    }
    this.loginPending = true
    if (plan.kind === 'hold') {
      this.heldLogin = deferred()
      return this.heldLogin.promise
    }
    await tick()
    this.loggedIn = true
    this.loginPending = false
    // tim resolves login first and reports SDK_READY a little later.
    setTimeout(() => {
      if (!this.loggedIn || this.readyBlocked) return
      this.ready = true
      this.emit(EVENT.SDK_READY, {})
    }, 0)
    return { code: 0, data: { repeatLogin: false } }
  }

  logout(): Promise<any> {
    this.calls.push('logout')
    return this.doLogout()
  }

  private async doLogout(): Promise<any> {
    if (!this.loggedIn) throw timError(2024, 'user not logged in')
    this.loggedIn = false
    this.ready = false
    for (const group of this.server.groups.values()) group.members.delete(this.userID)
    this.emit(EVENT.SDK_NOT_READY, {})
    return { code: 0, data: {} }
  }

  destroy(): Promise<any> {
    this.calls.push('destroy')
    return this.doLogout().finally(() => {
      this.destroyed = true
      this.emit(EVENT.SDK_DESTROY, { SDKAppID: this.sdkAppID })
      this.onDestroy()
    })
  }

  async updateMyProfile(options: { nick?: string }): Promise<any> {
    this.calls.push(`updateMyProfile:${options.nick}`)
    return { code: 0, data: {} }
  }

  async joinGroup(options: { groupID: string; type?: string }): Promise<any> {
    this.calls.push(`joinGroup:${options.groupID}:${options.type}`)
    if (this.joinHold) await this.joinHold.promise
    await tick()
    const group = this.server.groups.get(options.groupID)
    if (!group) throw timError(10010, 'group not found')
    if (group.members.has(this.userID)) return { code: 0, data: { status: TYPES.JOIN_STATUS_ALREADY_IN_GROUP } }
    group.members.add(this.userID)
    return { code: 0, data: { status: TYPES.JOIN_STATUS_SUCCESS, group: { groupID: options.groupID } } }
  }

  async createGroup(options: { type: string; groupID: string; name: string }): Promise<any> {
    this.calls.push(`createGroup:${options.groupID}:${options.type}`)
    await tick()
    if (!this.loggedIn) throw timError(2024, 'user not logged in')
    if (!['Public', 'Private', 'ChatRoom', 'AVChatRoom', 'Community'].includes(options.type)) throw timError(2600, 'illegal group type')
    const existing = this.server.groups.get(options.groupID)
    if (existing) throw timError(existing.owner === this.userID ? 10025 : 10021, 'group id already used')
    this.server.addGroup(options.groupID, this.userID, options.type)
    return { code: 0, data: { group: { groupID: options.groupID } } }
  }

  async quitGroup(groupID: string): Promise<any> {
    this.calls.push(`quitGroup:${groupID}`)
    await tick()
    const group = this.server.groups.get(groupID)
    if (!group || !group.members.has(this.userID)) throw timError(2623, 'not a member')
    group.members.delete(this.userID)
    return { code: 0, data: { groupID } }
  }

  private newMessage(to: string, conversationType: string, type: string, payload: Record<string, unknown>): TimMessage {
    // tim's API guard: not logged in → a rejected Promise where the message would be.
    if (!this.loggedIn) return Promise.reject(timError(2024, 'user not logged in')) as unknown as TimMessage
    this.seq++
    return {
      ID: `144115-${Date.now()}-${this.seq}`,
      type,
      payload,
      conversationID: `${conversationType}${to}`,
      conversationType,
      to,
      from: this.userID,
      flow: 'out',
      time: Math.floor(Date.now() / 1000),
      nick: '',
      status: 'unSend',
    }
  }

  createTextMessage(options: { to: string; conversationType: string; payload: { text: string } }): TimMessage {
    this.calls.push(`createTextMessage:${options.conversationType}:${options.to}`)
    return this.newMessage(options.to, options.conversationType, TYPES.MSG_TEXT, { text: options.payload.text })
  }

  createCustomMessage(options: { to: string; conversationType: string; payload: { data: string; description: string; extension: string } }): TimMessage {
    this.calls.push(`createCustomMessage:${options.conversationType}:${options.to}`)
    return this.newMessage(options.to, options.conversationType, TYPES.MSG_CUSTOM, { ...options.payload })
  }

  async sendMessage(message: TimMessage): Promise<any> {
    this.calls.push(`sendMessage:${message.ID}`)
    await tick()
    if (!this.loggedIn) throw timError(2024, 'user not logged in')
    if (!this.ready) throw timError(2999, 'sdk not ready')
    const failure = this.sendFailures.shift()
    if (failure) {
      message.status = 'fail'
      throw { ...timError(failure.code, failure.message), data: { message } }
    }
    if (message.conversationType === TYPES.CONV_GROUP && !this.server.groups.get(message.to)?.members.has(this.userID)) {
      message.status = 'fail'
      throw timError(10007, 'not a group member')
    }
    message.status = 'success'
    message.time = Math.floor(Date.now() / 1000) + 1
    return { code: 0, data: { message } }
  }
}

/** A fresh mock SDK (own server, own instance cache): `sdk` goes where `TIM` would. */
export function createTimMock() {
  const server = new FakeServer()
  const instances = new Map<number, FakeTim>()
  const created: FakeTim[] = []
  const sdk: TimStatic & { create(options: { SDKAppID: number }): FakeTim } = {
    EVENT,
    TYPES,
    VERSION: realTIM.VERSION,
    create({ SDKAppID }) {
      let tim = instances.get(SDKAppID)
      if (!tim) {
        tim = new FakeTim(SDKAppID, server, () => instances.delete(SDKAppID))
        instances.set(SDKAppID, tim)
        created.push(tim)
      }
      return tim
    },
  }
  return { sdk, server, instances, created }
}

/** An incoming message as tim delivers it in MESSAGE_RECEIVED. */
export function incoming(options: {
  from: string
  to: string
  conversationType?: string
  type?: string
  payload?: Record<string, unknown>
  text?: string
  id?: string
  time?: number
  nick?: string
}): TimMessage {
  const conversationType = options.conversationType ?? TYPES.CONV_GROUP
  const peer = conversationType === TYPES.CONV_C2C ? options.from : options.to
  return {
    ID: options.id ?? `in-${options.from}-${Math.random().toString(36).slice(2)}`,
    type: options.type ?? TYPES.MSG_TEXT,
    payload: options.payload ?? { text: options.text ?? 'hi' },
    conversationID: `${conversationType}${peer}`,
    conversationType,
    to: options.to,
    from: options.from,
    flow: 'in',
    time: options.time ?? 1_700_000_000,
    nick: options.nick ?? '',
    status: 'success',
  }
}

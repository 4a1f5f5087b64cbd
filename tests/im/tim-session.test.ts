import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { RoomErrorCode, WebrtcRoomError } from '../../uni_modules/webrtc-room/core/error-codes'
import type { ImRoomParams } from '../../uni_modules/webrtc-room/core/im-registry'
import type { ImEvent } from '../../uni_modules/webrtc-room/core/types'
import { TimClientPool } from '../../uni_modules/webrtc-room/im/tim-client-pool'
import { TimSession } from '../../uni_modules/webrtc-room/im/tim-session'
import type { ImMessage } from '../../uni_modules/webrtc-room/im/types'
import { useImStore } from '../../uni_modules/webrtc-room/stores/im'
import { TYPES, createTimMock, incoming, type FakeTim } from '../helpers/tim-mock'

const tick = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Waits (bounded) until the condition holds: the mock's steps are chained timers. */
async function until(condition: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return
    await tick(2)
  }
  throw new Error(`timed out waiting for ${what}`)
}

const joining = (t: FakeTim) => () => t.calls.some((c) => c.startsWith('joinGroup'))

function params(over: Partial<ImRoomParams> = {}): ImRoomParams {
  return {
    roomKey: 'room-1', sdkAppID: 1400000001, userID: 'alice', userSig: 'sig-alice', groupID: '1234',
    groupType: 'AVChatRoom', nick: 'alice', ...over,
  }
}

function setup(options: { groupExists?: boolean; createGroupIfAbsent?: boolean; readyTimeoutMs?: number } = {}) {
  const mock = createTimMock()
  if (options.groupExists !== false) mock.server.addGroup('1234')
  const pool = new TimClientPool(mock.sdk, { readyTimeoutMs: options.readyTimeoutMs ?? 1000 })
  const store = useImStore()
  const open = (over: Partial<ImRoomParams> = {}) => {
    const p = params(over)
    const session = new TimSession(p, {
      TIM: mock.sdk, pool, sink: store.sinkFor(p.roomKey), createGroupIfAbsent: options.createGroupIfAbsent,
    })
    const events: ImEvent[] = []
    session.on((event) => events.push(event))
    return { session, events, tags: () => events.map((e) => e.tag) }
  }
  const tim = () => mock.sdk.create({ SDKAppID: 1400000001 }) as FakeTim
  return { mock, pool, store, open, tim }
}

async function rejection(promise: Promise<unknown>): Promise<WebrtcRoomError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(WebrtcRoomError)
    return error as WebrtcRoomError
  }
  throw new Error('expected a rejection')
}

beforeEach(() => {
  setActivePinia(createPinia())
})

describe('TimSession: the whole flow', () => {
  it('logs in, waits for SDK_READY, joins the room group, sends and receives, then quits, logs out and removes every listener', async () => {
    const { open, store, tim, mock, pool } = setup()
    const { session, events, tags } = open({ nick: 'Alice A.' })
    await session.start()

    const t = tim()
    expect(t.calls.slice(0, 3)).toEqual(['login:alice', 'updateMyProfile:Alice A.', 'joinGroup:1234:AVChatRoom'])
    expect(tags()).toEqual(['login_event', 'join_group_event'])
    expect(events[0]).toMatchObject({ code: 0, detail: { userID: 'alice', repeatLogin: false } })
    expect(events[1]).toEqual({ tag: 'join_group_event', code: 0, detail: { groupID: '1234', groupType: 'AVChatRoom', status: 'JoinedSuccess', created: false } })
    const room = store.room('room-1')!
    expect(room.login).toBe('logged_in')
    expect(room.joinedGroup).toBe('1234')
    expect(mock.server.groups.get('1234')!.members.has('alice')).toBe(true)

    // Sending: the store sees 'sending' first, then 'sent'; the promise resolves with the message.
    const pending = session.sendGroupTextMsg('hello room')
    expect(store.messages('room-1', 'GROUP1234').map((m) => m.status)).toEqual(['sending'])
    const sent = await pending
    expect(sent).toMatchObject({ kind: 'text', text: 'hello room', status: 'sent', flow: 'out', from: 'alice', conversationID: 'GROUP1234' })
    expect(store.messages('room-1', 'GROUP1234')[0]).toMatchObject({ status: 'sent', text: 'hello room' })

    const custom = await session.sendC2CCustomMsg('bob', { data: '{"x":1}', ext: 'e', desc: 'd' })
    expect(custom).toMatchObject({ kind: 'custom', custom: { data: '{"x":1}', ext: 'e', desc: 'd' }, conversationID: 'C2Cbob', status: 'sent' })
    expect(t.calls).toContain('createCustomMessage:C2C:bob')

    // Receiving: typed detail per tag, unread counted per conversation.
    t.receive([incoming({ from: 'bob', to: '1234', text: 'hi all', nick: 'Bob' })])
    t.receive([incoming({ from: 'bob', to: 'alice', conversationType: TYPES.CONV_C2C, text: 'psst' })])
    const group = events.find((e) => e.tag === 'big_group_msg_notify')!
    expect(group.code).toBe(0)
    expect(group.detail as ImMessage[]).toEqual([expect.objectContaining({ from: 'bob', nick: 'Bob', text: 'hi all', status: 'received', conversationID: 'GROUP1234', time: 1_700_000_000_000 })])
    const c2c = events.find((e) => e.tag === 'msg_notify')!
    expect(c2c.detail as ImMessage[]).toEqual([expect.objectContaining({ from: 'bob', text: 'psst', conversationID: 'C2Cbob' })])
    expect(store.unread('room-1', 'GROUP1234')).toBe(1)
    expect(store.unread('room-1', 'C2Cbob')).toBe(1)
    expect(store.unreadTotal('room-1')).toBe(2)

    expect(t.listenerCount()).toBeGreaterThan(0)
    await session.stop()
    expect(t.calls.slice(-3)).toEqual(['quitGroup:1234', 'logout', 'destroy'])
    expect(t.listenerCount()).toBe(0)
    expect(t.destroyed).toBe(true)
    expect(pool.size).toBe(0)
    expect(store.room('room-1')).toMatchObject({ login: 'logged_out', joinedGroup: null })
    // Messages stay readable after stop (the chat history of the session).
    expect(store.messages('room-1', 'GROUP1234')).toHaveLength(2)

    // Nothing reaches the app after stop, and stop is idempotent.
    const count = events.length
    t.receive([incoming({ from: 'bob', to: '1234' })])
    await session.stop()
    expect(events.length).toBe(count)
  })

  it('does not set a nick when it is the userID', async () => {
    const { open, tim } = setup()
    const { session } = open({ nick: 'alice' })
    await session.start()
    expect(tim().calls.some((c) => c.startsWith('updateMyProfile'))).toBe(false)
    await session.stop()
  })

  it('start() twice returns the same start; start() after stop() is a clear IM_NOT_READY', async () => {
    const { open, tim } = setup()
    const { session } = open()
    const first = session.start()
    expect(session.start()).toBe(first)
    await first
    expect(tim().calls.filter((c) => c.startsWith('login'))).toHaveLength(1)
    await session.stop()
    const err = await rejection(session.start())
    expect(err.code).toBe(RoomErrorCode.IM_NOT_READY)
    expect(err.detail.stopped).toBe(true)
  })
})

describe('TimSession: the room group', () => {
  it('creates the group when absent, then joins it', async () => {
    const { open, tim, mock } = setup({ groupExists: false })
    const { session, events } = open()
    await session.start()
    expect(tim().calls).toEqual(expect.arrayContaining(['joinGroup:1234:AVChatRoom', 'createGroup:1234:AVChatRoom']))
    expect(events.find((e) => e.tag === 'join_group_event')).toMatchObject({ code: 0, detail: { created: true, status: 'JoinedSuccess' } })
    expect(mock.server.groups.get('1234')!.owner).toBe('alice')
    await session.stop()
  })

  it('uses the configured group type (ChatRoom for trial plans)', async () => {
    const { open, tim } = setup({ groupExists: false })
    const { session } = open({ groupType: 'ChatRoom' })
    await session.start()
    expect(tim().calls).toEqual(expect.arrayContaining(['createGroup:1234:ChatRoom', 'joinGroup:1234:ChatRoom']))
    await session.stop()
  })

  it("maps the old group type name 'Meeting' to tim's 'ChatRoom'", async () => {
    const { open, tim } = setup({ groupExists: false })
    const { session, events } = open({ groupType: 'Meeting' })
    await session.start()
    expect(tim().calls).toEqual(expect.arrayContaining(['createGroup:1234:ChatRoom', 'joinGroup:1234:ChatRoom']))
    expect(events.at(-1)).toMatchObject({ tag: 'join_group_event', code: 0 })
    await session.stop()
  })

  it('treats "id already used" (10021) from a create race as success', async () => {
    const { open, tim, mock } = setup({ groupExists: false })
    const { session, events } = open()
    const t = tim()
    const createGroup = t.createGroup.bind(t)
    t.createGroup = async (options) => {
      mock.server.addGroup('1234', 'bob') // bob created it between our join and our create
      return createGroup(options)
    }
    await session.start()
    expect(events.find((e) => e.tag === 'join_group_event')).toMatchObject({ code: 0, detail: { created: false, status: 'JoinedSuccess' } })
    await session.stop()
  })

  it('fails with IM_JOIN_GROUP_FAILED (join_group_event code = tim code) when the group is absent and creating is off', async () => {
    const { open, store, tim } = setup({ groupExists: false, createGroupIfAbsent: false })
    const t = tim()
    const { session, events } = open()
    const err = await rejection(session.start())
    expect(err.code).toBe(RoomErrorCode.IM_JOIN_GROUP_FAILED)
    expect(err.detail.nativeCode).toBe(10010)
    expect(events.at(-1)).toMatchObject({ tag: 'join_group_event', code: 10010, detail: { groupID: '1234', status: '' } })
    expect(store.room('room-1')!.joinedGroup).toBeNull()
    expect(store.room('room-1')!.lastError).toMatchObject({ code: RoomErrorCode.IM_JOIN_GROUP_FAILED, detail: { nativeCode: 10010 } })
    await until(() => t.destroyed, 'the failed session to give tim back')
    expect(t.calls.slice(-2)).toEqual(['logout', 'destroy'])
    await session.stop()
  })

  it('a member already in the group joins with AlreadyInGroup', async () => {
    const { open, mock } = setup()
    mock.server.groups.get('1234')!.members.add('alice')
    const { session, events } = open()
    await session.start()
    expect(events.find((e) => e.tag === 'join_group_event')!.detail).toMatchObject({ status: 'AlreadyInGroup' })
    await session.stop()
  })

  it('group dismissed (system notice 5) → group_system_notify, group left, group sends not ready', async () => {
    const { open, tim, store } = setup()
    const { session, events } = open()
    await session.start()
    tim().receive([incoming({
      from: '@TIM#SYSTEM', to: 'alice', conversationType: TYPES.CONV_SYSTEM, type: TYPES.MSG_GRP_SYS_NOTICE,
      payload: { operationType: 5, operatorID: 'admin', groupProfile: { groupID: '1234' } },
    })])
    expect(events.at(-1)).toMatchObject({ tag: 'group_system_notify', code: 0, detail: { groupID: '1234', operationType: 5, operatorID: 'admin' } })
    expect(store.room('room-1')!.joinedGroup).toBeNull()
    expect((await rejection(session.sendGroupTextMsg('anyone?'))).code).toBe(RoomErrorCode.IM_NOT_READY)
    await session.sendC2CTextMsg('bob', 'still here') // C2C needs only the login
    await session.stop()
  })

  it('group profile tips → group_info_change; member tips stay in big_group_msg_notify; other groups are ignored', async () => {
    const { open, tim } = setup()
    const { session, events, tags } = open()
    await session.start()
    tim().receive([
      incoming({ from: 'admin', to: '1234', type: TYPES.MSG_GRP_TIP, payload: { operationType: 6, operatorID: 'admin', newGroupProfile: { notification: 'be nice' } } }),
      incoming({ from: 'carol', to: '1234', type: TYPES.MSG_GRP_TIP, payload: { operationType: 1, userIDList: ['carol'] } }),
      incoming({ from: 'bob', to: '9999', text: 'another room' }),
    ])
    expect(tags().slice(2)).toEqual(['big_group_msg_notify', 'group_info_change'])
    expect(events[2].detail).toEqual([expect.objectContaining({ kind: 'tip', from: 'carol', timType: 'TIMGroupTipElem' })])
    expect(events[3]).toMatchObject({ detail: { groupID: '1234', operatorID: 'admin', newGroupProfile: { notification: 'be nice' } } })
    await session.stop()
  })
})

describe('TimSession: login failures, kick-out, network, SDK errors', () => {
  it('a failed login → login_event with tim code, IM_LOGIN_FAILED, store "failed"', async () => {
    const { open, tim, store, pool } = setup()
    tim().failLogin(70001, 'userSig expired')
    const { session, events } = open()
    const err = await rejection(session.start())
    expect(err.code).toBe(RoomErrorCode.IM_LOGIN_FAILED)
    expect(err.detail.nativeCode).toBe(70001)
    expect(events).toEqual([{ tag: 'login_event', code: 70001, detail: { userID: 'alice', message: 'IM login failed: userSig expired' } }])
    expect(store.room('room-1')!.login).toBe('failed')
    expect(store.room('room-1')!.lastError).toEqual({ tag: 'error', code: RoomErrorCode.IM_LOGIN_FAILED, detail: { message: 'IM login failed: userSig expired', nativeCode: 70001 } })
    // A failed start does not keep tim alive until stop(): the instance is already released.
    await until(() => pool.size === 0, 'the lease to be released')
    expect(tim().listenerCount()).toBe(0)
    await session.stop()
    expect(pool.size).toBe(0)
  })

  it('no SDK_READY after login → IM_LOGIN_FAILED after the ready timeout', async () => {
    const { open, tim } = setup({ readyTimeoutMs: 30 })
    tim().neverReady()
    const { session } = open()
    const err = await rejection(session.start())
    expect(err.code).toBe(RoomErrorCode.IM_LOGIN_FAILED)
    expect(err.message).toMatch(/SDK_READY/)
    await session.stop()
  })

  it('KICKED_OUT → kicked_out event, store "kicked_out", no automatic re-login, sends not ready, stop still cleans up', async () => {
    const { open, tim, store } = setup()
    const { session, events } = open()
    await session.start()
    const t = tim()
    t.kickOut('multipleDevice')
    expect(events.at(-1)).toEqual({
      tag: 'kicked_out', code: RoomErrorCode.KICKED_OUT,
      detail: { reason: 'multipleDevice', message: expect.stringContaining('multipleDevice') },
    })
    expect(store.room('room-1')).toMatchObject({ login: 'kicked_out', joinedGroup: null })
    await tick(20)
    expect(t.calls.filter((c) => c.startsWith('login'))).toHaveLength(1)
    expect((await rejection(session.sendGroupTextMsg('x'))).code).toBe(RoomErrorCode.IM_NOT_READY)
    expect((await rejection(session.sendC2CTextMsg('bob', 'x'))).code).toBe(RoomErrorCode.IM_NOT_READY)
    // tim already logged itself out: no quitGroup, and destroy's own logout failure is swallowed.
    await session.stop()
    expect(t.calls).not.toContain('quitGroup:1234')
    expect(t.destroyed).toBe(true)
    expect(t.listenerCount()).toBe(0)
    expect(events.filter((e) => e.tag === 'error')).toEqual([])
  })

  it('KICKED_OUT while the join is pending → start rejects with KICKED_OUT', async () => {
    const { open, tim } = setup()
    const t = tim()
    t.holdJoin()
    const { session, tags } = open()
    const started = session.start()
    await until(joining(t), 'joinGroup')
    t.kickOut('userSigExpired')
    t.releaseJoin()
    expect((await rejection(started)).code).toBe(RoomErrorCode.KICKED_OUT)
    expect(tags()).toEqual(['login_event', 'kicked_out'])
    await session.stop()
  })

  it('NET_STATE_CHANGE → connection_event with the original codes, store connection', async () => {
    const { open, tim, store } = setup()
    const { session, events } = open()
    await session.start()
    const t = tim()
    t.netState('connecting')
    t.netState('disconnected')
    t.netState('connected')
    t.emit('netStateChange', { state: 'somethingNew' })
    expect(events.filter((e) => e.tag === 'connection_event').map((e) => [e.code, (e.detail as { state: string }).state])).toEqual([
      [1, 'connecting'], [9999, 'disconnected'], [0, 'connected'], [-1, 'unknown'],
    ])
    expect(store.room('room-1')!.connection).toBe('unknown')
    t.netState('connected')
    expect(store.room('room-1')!.connection).toBe('connected')
    await session.stop()
  })

  it("tim's 'disconnected' before any connection is not an event (nothing happened yet); later ones are", async () => {
    const { open, tim, store } = setup()
    const { session, events } = open()
    await session.start()
    const t = tim()
    t.netState('disconnected')
    t.netState('disconnected')
    expect(events.filter((e) => e.tag === 'connection_event')).toEqual([])
    expect(store.room('room-1')!.connection).toBe('disconnected')
    t.netState('connecting')
    t.netState('disconnected')
    expect(events.filter((e) => e.tag === 'connection_event').map((e) => e.code)).toEqual([1, 9999])
    await session.stop()
  })

  it('tim ERROR → im-event error IM_SDK_ERROR with the tim code; store lastError', async () => {
    const { open, tim, store } = setup()
    const { session, events } = open()
    await session.start()
    tim().sdkError(2800, 'network error')
    expect(events.at(-1)).toEqual({ tag: 'error', code: RoomErrorCode.IM_SDK_ERROR, detail: { message: 'network error', nativeCode: 2800 } })
    expect(store.room('room-1')!.lastError).toMatchObject({ code: RoomErrorCode.IM_SDK_ERROR })
    await session.stop()
  })

  it('SDK_NOT_READY while in the room → error IM_NOT_READY', async () => {
    const { open, tim, store } = setup()
    const { session, events } = open()
    await session.start()
    tim().emit('sdkStateNotReady', {})
    expect(events.at(-1)).toMatchObject({ tag: 'error', code: RoomErrorCode.IM_NOT_READY })
    expect(store.room('room-1')!.login).toBe('logged_out')
    await session.stop()
  })

  it('a throwing app handler does not break the session or other handlers', async () => {
    const { open } = setup()
    const { session, events } = open()
    session.on(() => { throw new Error('app bug') })
    await session.start()
    expect(events.map((e) => e.tag)).toEqual(['login_event', 'join_group_event'])
    await session.stop()
  })
})

describe('TimSession: stop during start', () => {
  it('stop during a pending login (tim offline) returns at once, cancels start, leaves nothing behind', async () => {
    const { open, tim, pool, mock, store } = setup()
    const t = tim()
    t.holdLogin()
    const { session, events } = open()
    const started = session.start()
    await until(() => t.calls.length > 0, 'login')
    await tick(5)
    expect(t.calls).toEqual(['login:alice'])
    const outcome = rejection(started)
    await session.stop()
    const err = await outcome
    expect(err.code).toBe(RoomErrorCode.IM_NOT_READY)
    expect(err.detail.cancelled).toBe(true)
    expect(events).toEqual([]) // a cancelled start is not a login failure
    expect(t.listenerCount()).toBe(0)
    expect(t.calls).toContain('destroy')
    expect(pool.size).toBe(0)
    expect(mock.instances.size).toBe(0)
    expect(store.room('room-1')!.login).toBe('logged_out')

    // The login settling late changes nothing, and a new session gets a fresh instance.
    await t.releaseLogin()
    expect(events).toEqual([])
    const again = open({ roomKey: 'room-2' })
    await again.session.start()
    expect(tim()).not.toBe(t)
    await again.session.stop()
  })

  it('stop during a pending join waits for it, then quits the group it joined', async () => {
    const { open, tim, mock } = setup()
    const t = tim()
    t.holdJoin()
    const { session, events } = open()
    const started = session.start()
    await until(joining(t), 'joinGroup')
    const outcome = rejection(started)
    const stopped = session.stop()
    t.releaseJoin()
    await stopped
    expect((await outcome).detail.cancelled).toBe(true)
    expect(t.calls).toEqual(expect.arrayContaining(['quitGroup:1234', 'logout', 'destroy']))
    expect(mock.server.groups.get('1234')!.members.size).toBe(0)
    expect(events.map((e) => e.tag)).toEqual(['login_event'])
  })
})

describe('TimSession: messages arriving before the join completes', () => {
  it('C2C at once; the room group\'s messages held and delivered right after join_group_event, in order', async () => {
    const { open, tim, store } = setup()
    const t = tim()
    t.holdJoin()
    const { session, events, tags } = open()
    const started = session.start()
    await until(joining(t), 'joinGroup')
    expect(tags()).toEqual(['login_event'])
    t.receive([
      incoming({ from: 'bob', to: '1234', text: 'first', id: 'g1' }),
      incoming({ from: 'bob', to: 'alice', conversationType: TYPES.CONV_C2C, text: 'direct', id: 'c1' }),
      incoming({ from: 'zed', to: '9999', text: 'other room', id: 'x1' }),
    ])
    t.receive([incoming({ from: 'carol', to: '1234', text: 'second', id: 'g2' })])
    expect(tags()).toEqual(['login_event', 'msg_notify'])
    expect(store.messages('room-1', 'GROUP1234')).toEqual([])

    t.releaseJoin()
    await started
    expect(tags()).toEqual(['login_event', 'msg_notify', 'join_group_event', 'big_group_msg_notify'])
    expect((events[3].detail as ImMessage[]).map((m) => m.id)).toEqual(['g1', 'g2'])
    expect(store.messages('room-1', 'GROUP1234').map((m) => m.text)).toEqual(['first', 'second'])
    await session.stop()
  })

  it('held group messages are dropped when the join fails', async () => {
    const { open, tim } = setup({ groupExists: false, createGroupIfAbsent: false })
    const t = tim()
    t.holdJoin()
    const { session, tags } = open()
    const started = session.start()
    await until(joining(t), 'joinGroup')
    t.receive([incoming({ from: 'bob', to: '1234' })])
    t.releaseJoin()
    await rejection(started)
    expect(tags()).toEqual(['login_event', 'join_group_event'])
    await session.stop()
  })
})

describe('TimSession: sending', () => {
  it('a tim send failure → IM_SEND_FAILED with the tim code; the store marks the message failed', async () => {
    const { open, tim, store } = setup()
    const { session } = open()
    await session.start()
    tim().failNextSend(80001, 'sensitive words')
    const err = await rejection(session.sendGroupTextMsg('bad words'))
    expect(err.code).toBe(RoomErrorCode.IM_SEND_FAILED)
    expect(err.detail.nativeCode).toBe(80001)
    expect(store.messages('room-1', 'GROUP1234')).toEqual([expect.objectContaining({ status: 'failed', errorCode: 80001, text: 'bad words' })])
    await session.stop()
  })

  it('sending before start → IM_NOT_READY; group send while joining → IM_NOT_READY but C2C works', async () => {
    const { open, tim } = setup()
    const { session } = open()
    expect((await rejection(session.sendGroupTextMsg('early'))).code).toBe(RoomErrorCode.IM_NOT_READY)
    expect((await rejection(session.sendC2CTextMsg('bob', 'early'))).code).toBe(RoomErrorCode.IM_NOT_READY)
    const t = tim()
    t.holdJoin()
    const started = session.start()
    await until(joining(t), 'joinGroup')
    expect((await rejection(session.sendGroupCustomMsg({ data: 'x' }))).code).toBe(RoomErrorCode.IM_NOT_READY)
    await expect(session.sendC2CTextMsg('bob', 'while joining')).resolves.toMatchObject({ status: 'sent' })
    t.releaseJoin()
    await started
    await session.stop()
  })

  it('maps {data, ext, desc} to tim {data, extension, description} (missing ext/desc = "")', async () => {
    const { open, tim } = setup()
    const { session } = open()
    await session.start()
    const t = tim()
    const created: unknown[] = []
    const original = t.createCustomMessage.bind(t)
    t.createCustomMessage = (options) => {
      created.push(options)
      return original(options)
    }
    await session.sendGroupCustomMsg({ data: 'd' })
    await session.sendC2CCustomMsg(' bob ', { data: 'd2', ext: 'x', desc: 'y' })
    expect(created).toEqual([
      { to: '1234', conversationType: 'GROUP', payload: { data: 'd', description: '', extension: '' } },
      { to: 'bob', conversationType: 'C2C', payload: { data: 'd2', description: 'y', extension: 'x' } },
    ])
    await session.stop()
  })
})

describe('TimSession: two rooms, one SDKAppID', () => {
  it('share one login; each room gets only its own group; the last one out logs out', async () => {
    const { mock, open, tim, store } = setup()
    mock.server.addGroup('5678')
    const a = open({ roomKey: 'a', groupID: '1234' })
    const b = open({ roomKey: 'b', groupID: '5678' })
    await Promise.all([a.session.start(), b.session.start()])
    const t = tim()
    expect(t.calls.filter((c) => c.startsWith('login'))).toHaveLength(1)
    t.receive([incoming({ from: 'bob', to: '5678', text: 'for b' })])
    expect(a.tags()).toEqual(['login_event', 'join_group_event'])
    expect(b.tags()).toEqual(['login_event', 'join_group_event', 'big_group_msg_notify'])
    expect(store.messages('b', 'GROUP5678')).toHaveLength(1)
    expect(store.messages('a', 'GROUP5678')).toEqual([])

    await a.session.stop()
    expect(t.calls).toContain('quitGroup:1234')
    expect(t.calls).not.toContain('logout')
    await b.session.sendGroupTextMsg('still on') // b is unaffected
    await b.session.stop()
    expect(t.calls.slice(-3)).toEqual(['quitGroup:5678', 'logout', 'destroy'])
  })

  it('a second user on the same SDKAppID is refused with IM_LOGIN_FAILED', async () => {
    const { open } = setup()
    const a = open({ roomKey: 'a' })
    await a.session.start()
    const b = open({ roomKey: 'b', userID: 'bob' })
    const err = await rejection(b.session.start())
    expect(err.code).toBe(RoomErrorCode.IM_LOGIN_FAILED)
    expect(err.detail).toMatchObject({ userID: 'bob', activeUserID: 'alice' })
    expect(b.events[0]).toMatchObject({ tag: 'login_event', code: RoomErrorCode.IM_LOGIN_FAILED })
    await b.session.stop()
    await a.session.sendGroupTextMsg('a still works')
    await a.session.stop()
  })

  it('leaves a login the app made itself alone (tim answered repeatLogin)', async () => {
    const { open, tim } = setup()
    const t = tim()
    await t.login({ userID: 'alice', userSig: 's' }) // the app's own tim usage
    await until(() => t.ready, 'SDK_READY')
    const { session, events } = open()
    await session.start()
    expect(events[0]).toMatchObject({ tag: 'login_event', code: 0, detail: { repeatLogin: true } })
    await session.stop()
    expect(t.calls).toContain('quitGroup:1234')
    expect(t.calls).not.toContain('logout')
    expect(t.destroyed).toBe(false)
  })
})

import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { ImMessage } from '../../uni_modules/webrtc-room/im/types'
import { useImStore } from '../../uni_modules/webrtc-room/stores/im'

function msg(over: Partial<ImMessage> & { id: string }): ImMessage {
  return {
    conversationID: 'GROUP1234', conversationType: 'GROUP', kind: 'text', timType: 'TIMTextElem',
    from: 'bob', to: '1234', nick: '', flow: 'in', time: 1000, status: 'received', text: 't', ...over,
  }
}

beforeEach(() => {
  setActivePinia(createPinia())
})

describe('useImStore', () => {
  it("is the Pinia store 'webrtc-room/im' and starts a room with the group conversation first", () => {
    const store = useImStore()
    expect(store.$id).toBe('webrtc-room/im')
    expect(store.room('r')).toBeUndefined()
    expect(store.messages('r', 'GROUP1')).toEqual([])
    expect(store.unreadTotal('r')).toBe(0)
    const sink = store.sinkFor('r')
    sink.begin({ userID: 'alice', groupID: '1234' })
    expect(store.room('r')).toMatchObject({ userID: 'alice', groupID: '1234', login: 'logged_out', connection: 'unknown', joinedGroup: null })
    expect(store.groupConversation('r')).toBe('GROUP1234')
    expect(store.conversations('r').map((c) => c.id)).toEqual(['GROUP1234'])
  })

  it('keeps login, connection and group state per room', () => {
    const store = useImStore()
    const a = store.sinkFor('a')
    const b = store.sinkFor('b')
    a.begin({ userID: 'alice', groupID: '1' })
    b.begin({ userID: 'alice', groupID: '2' })
    a.setLogin('logged_in')
    a.setConnection('connected')
    a.setJoinedGroup('1')
    b.setLogin('kicked_out')
    expect(store.room('a')).toMatchObject({ login: 'logged_in', connection: 'connected', joinedGroup: '1' })
    expect(store.room('b')).toMatchObject({ login: 'kicked_out', connection: 'unknown', joinedGroup: null })
    a.setError({ tag: 'error', code: -90310, detail: { message: 'x', nativeCode: 2800 } })
    expect(store.room('a')!.lastError?.detail.nativeCode).toBe(2800)
    store.removeRoom('a')
    expect(store.room('a')).toBeUndefined()
    expect(store.room('b')).toBeDefined()
  })

  it('bounds each conversation, dropping the oldest first', () => {
    const store = useImStore()
    store.setDefaultMessageLimit(3)
    const sink = store.sinkFor('r')
    sink.begin({ userID: 'alice', groupID: '1234' })
    sink.receive([1, 2, 3, 4, 5].map((n) => msg({ id: `m${n}` })))
    expect(store.messages('r', 'GROUP1234').map((m) => m.id)).toEqual(['m3', 'm4', 'm5'])
    store.setMessageLimit('r', 2)
    expect(store.messages('r', 'GROUP1234').map((m) => m.id)).toEqual(['m4', 'm5'])
    expect(() => store.setMessageLimit('r', 0)).toThrow(RangeError)
    expect(() => store.setDefaultMessageLimit(1.5)).toThrow(RangeError)
  })

  it('counts unread incoming text/custom per conversation; tips, own messages and duplicates do not count', () => {
    const store = useImStore()
    const sink = store.sinkFor('r')
    sink.begin({ userID: 'alice', groupID: '1234' })
    sink.receive([
      msg({ id: 'g1' }),
      msg({ id: 'g2', kind: 'custom', custom: { data: 'd', ext: '', desc: '' } }),
      msg({ id: 'tip', kind: 'tip', timType: 'TIMGroupTipElem' }),
      msg({ id: 'own', flow: 'out', from: 'alice', status: 'sent' }),
      msg({ id: 'c1', conversationID: 'C2Cbob', conversationType: 'C2C', to: 'alice' }),
    ])
    sink.receive([msg({ id: 'g1' })]) // tim re-delivers after a reconnect
    expect(store.unread('r', 'GROUP1234')).toBe(2)
    expect(store.unread('r', 'C2Cbob')).toBe(1)
    expect(store.unreadTotal('r')).toBe(3)
    expect(store.messages('r', 'GROUP1234')).toHaveLength(4)
    expect(store.conversations('r').map((c) => [c.id, c.peer])).toEqual([['GROUP1234', '1234'], ['C2Cbob', 'bob']])

    store.markRead('r', 'C2Cbob')
    expect(store.unreadTotal('r')).toBe(2)
    // The conversation on screen is read, and stays read while shown.
    store.setActiveConversation('r', 'GROUP1234')
    sink.receive([msg({ id: 'g3' })])
    expect(store.unread('r', 'GROUP1234')).toBe(0)
    store.setActiveConversation('r', null)
    sink.receive([msg({ id: 'g4' })])
    expect(store.unread('r', 'GROUP1234')).toBe(1)
  })

  it('tracks send status: sending → sent (server time) or failed (tim code)', () => {
    const store = useImStore()
    const sink = store.sinkFor('r')
    sink.begin({ userID: 'alice', groupID: '1234' })
    sink.addOutgoing(msg({ id: 'o1', flow: 'out', from: 'alice', status: 'sending', time: 0 }))
    sink.addOutgoing(msg({ id: 'o2', conversationID: 'C2Cbob', conversationType: 'C2C', flow: 'out', from: 'alice', to: 'bob', status: 'sending' }))
    expect(store.messages('r', 'GROUP1234')[0].status).toBe('sending')
    sink.markSent('o1', { time: 5000 })
    sink.markFailed('o2', 20007)
    expect(store.messages('r', 'GROUP1234')[0]).toMatchObject({ status: 'sent', time: 5000 })
    expect(store.messages('r', 'C2Cbob')[0]).toMatchObject({ status: 'failed', errorCode: 20007, conversationID: 'C2Cbob' })
    expect(store.conversations('r').find((c) => c.id === 'C2Cbob')!.peer).toBe('bob')
    expect(store.unreadTotal('r')).toBe(0)
    sink.markSent('gone', {}) // dropped from the bounded list: ignored
  })

  it('a new session of the room keeps the history but resets login/group state', () => {
    const store = useImStore()
    const sink = store.sinkFor('r')
    sink.begin({ userID: 'alice', groupID: '1234' })
    sink.setLogin('logged_in')
    sink.setJoinedGroup('1234')
    sink.receive([msg({ id: 'g1' })])
    sink.begin({ userID: 'alice', groupID: '1234' })
    expect(store.room('r')).toMatchObject({ login: 'logged_out', joinedGroup: null })
    expect(store.messages('r', 'GROUP1234')).toHaveLength(1)
  })
})

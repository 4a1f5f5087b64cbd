import { describe, expect, it, vi } from 'vitest'
import { DEMO_CUSTOM_EXT, chatMessageView, conversationOf, sendChat, type RoomImMethods } from '../../pages/room/chat'
import type { ImMessage } from '../../uni_modules/webrtc-room/im/types'

function fakeRoom() {
  const room = {
    sendC2CTextMsg: vi.fn(async () => 'c2c-text'),
    sendC2CCustomMsg: vi.fn(async () => 'c2c-custom'),
    sendGroupTextMsg: vi.fn(async () => 'group-text'),
    sendGroupCustomMsg: vi.fn(async () => 'group-custom'),
  } satisfies RoomImMethods
  return room
}

describe('chat box sending', () => {
  it('sends text to the group and to one member', async () => {
    const room = fakeRoom()
    await expect(sendChat(room, { kind: 'group' }, 'text', ' hello ')).resolves.toBe('group-text')
    expect(room.sendGroupTextMsg).toHaveBeenCalledWith('hello')
    await expect(sendChat(room, { kind: 'c2c', userID: 'bob' }, 'text', 'hi bob')).resolves.toBe('c2c-text')
    expect(room.sendC2CTextMsg).toHaveBeenCalledWith('bob', 'hi bob')
  })

  it('sends custom messages with the demo marker', async () => {
    const room = fakeRoom()
    await sendChat(room, { kind: 'group' }, 'custom', '{"like":1}')
    expect(room.sendGroupCustomMsg).toHaveBeenCalledWith({ data: '{"like":1}', ext: DEMO_CUSTOM_EXT, desc: '{"like":1}' })
    await sendChat(room, { kind: 'c2c', userID: 'bob' }, 'custom', 'x'.repeat(40))
    expect(room.sendC2CCustomMsg).toHaveBeenCalledWith('bob', { data: 'x'.repeat(40), ext: DEMO_CUSTOM_EXT, desc: 'x'.repeat(32) })
  })

  it('passes a failure of the plugin through', async () => {
    const room = fakeRoom()
    room.sendGroupTextMsg.mockRejectedValueOnce(new Error('IM disabled'))
    await expect(sendChat(room, { kind: 'group' }, 'text', 'x')).rejects.toThrow('IM disabled')
  })
})

describe('chat box reading', () => {
  const base: ImMessage = {
    id: 'm1', conversationID: 'GROUP424242', conversationType: 'GROUP', kind: 'text', timType: 'TIMTextElem',
    from: 'bob', to: '424242', nick: '', flow: 'in', time: 1_700_000_000_000, status: 'received', text: 'hi',
  }

  it('finds the conversation of a target in the IM store', () => {
    expect(conversationOf({ kind: 'group' }, '424242')).toBe('GROUP424242')
    expect(conversationOf({ kind: 'group' }, '')).toBe('')
    expect(conversationOf({ kind: 'c2c', userID: 'bob' }, '424242')).toBe('C2Cbob')
  })

  it('shows text, the data of custom messages, and the nick when known', () => {
    expect(chatMessageView(base)).toMatchObject({ id: 'm1', text: 'hi', from: 'bob', conversation: 'GROUP', flow: 'in', status: 'received' })
    const custom: ImMessage = { ...base, kind: 'custom', timType: 'TIMCustomElem', text: undefined, nick: 'Bobby', custom: { data: '{"like":1}', ext: DEMO_CUSTOM_EXT, desc: '' } }
    expect(chatMessageView(custom)).toMatchObject({ kind: 'custom', text: '{"like":1}', from: 'Bobby' })
    expect(chatMessageView({ ...base, kind: 'other', text: undefined }).text).toBe('')
  })
})

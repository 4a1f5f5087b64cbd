import { describe, expect, it, vi } from 'vitest'
import { DEMO_CUSTOM_EXT, sendChat, type RoomImMethods } from '../../pages/room/chat'

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

import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { getIMFactory, unregisterIM } from '../../uni_modules/webrtc-room/core/im-registry'
import type { ImRoomParams } from '../../uni_modules/webrtc-room/core/im-registry'
import { useImStore } from '../../uni_modules/webrtc-room/stores/im'
import type { FakeTim } from '../helpers/tim-mock'

// The entry imports 'tim-wx-sdk': swap it for the network-free mock (real EVENT/TYPES inside).
vi.mock('tim-wx-sdk', async () => {
  const { createTimMock } = await import('../helpers/tim-mock')
  const mock = createTimMock()
  mock.server.addGroup('1234')
  return { default: mock.sdk }
})

const params: ImRoomParams = {
  roomKey: 'room-e', sdkAppID: 1400000009, userID: 'alice', userSig: 's', groupID: '1234', groupType: 'AVChatRoom', nick: 'alice',
}

afterEach(() => unregisterIM())

describe('the opt-in IM entry', () => {
  it('registers the tim factory when imported; sessions write the IM store; enable/disable switch it', async () => {
    expect(getIMFactory()).toBeNull()
    setActivePinia(createPinia())
    const entry = await import('../../uni_modules/webrtc-room/im')
    const TIM = (await import('tim-wx-sdk')).default
    const factory = getIMFactory()
    expect(factory).toBeTypeOf('function')

    const session = factory!(params)
    await session.start()
    const tim = TIM.create({ SDKAppID: 1400000009 }) as unknown as FakeTim
    expect(tim.logLevel).toBe(1) // tim's release level unless the app asks for more
    expect(useImStore().room('room-e')).toMatchObject({ login: 'logged_in', joinedGroup: '1234' })
    await session.sendGroupTextMsg('via the entry')
    expect(useImStore().messages('room-e', 'GROUP1234')[0]).toMatchObject({ status: 'sent' })
    await session.stop()

    entry.disableWebrtcRoomIM()
    expect(getIMFactory()).toBeNull()
    entry.enableWebrtcRoomIM({ logLevel: 0, createGroupIfAbsent: false })
    const again = getIMFactory()!({ ...params, roomKey: 'room-f' })
    await again.start()
    expect((TIM.create({ SDKAppID: 1400000009 }) as unknown as FakeTim).logLevel).toBe(0)
    await again.stop()
  })

  it('works headless (no active Pinia): the session runs without a store', async () => {
    const entry = await import('../../uni_modules/webrtc-room/im')
    setActivePinia(undefined as never)
    entry.enableWebrtcRoomIM()
    const session = getIMFactory()!({ ...params, roomKey: 'headless' })
    const tags: string[] = []
    session.on((e) => tags.push(e.tag))
    await session.start()
    expect(tags).toEqual(['login_event', 'join_group_event'])
    await session.stop()
  })
})

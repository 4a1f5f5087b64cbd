/**
 * The room store (stores/room.ts): keyed rooms, members in join order, the writers the controller
 * uses, and the non-reactive controller registry.
 */
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { isReactive, watch } from 'vue'
import { createRoomState } from '../../uni_modules/webrtc-room/core/room-state'
import type { MemberState, RoomController } from '../../uni_modules/webrtc-room/core/types'
import { useRoomStore } from '../../uni_modules/webrtc-room/stores/room'
import { controllerCount, getController, registerController, unregisterController } from '../../uni_modules/webrtc-room/core/controllers'

const member = (userID: string): MemberState => ({ userID, joinedAt: 0, streams: {}, muteAudio: false, muteVideo: false, streamPref: 'auto' })

beforeEach(() => setActivePinia(createPinia()))

describe('room store', () => {
  it('keeps one RoomState per key; members(key) follows memberOrder', () => {
    const store = useRoomStore()
    store.putRoom(createRoomState('a', { sdkAppID: 1, userID: 'me', userSig: 's', roomID: 1 }))
    store.putRoom(createRoomState('b', { sdkAppID: 1, userID: 'me', userSig: 's', roomID: 2 }))
    expect(Object.keys(store.rooms)).toEqual(['a', 'b'])
    expect(store.room('b')?.roomID).toBe('2')
    store.patchMembers('a', { y: member('y'), x: member('x') }, [])
    store.patchRoom('a', { memberOrder: ['x', 'y'] })
    expect(store.members('a').map((m) => m.userID)).toEqual(['x', 'y'])
    // An id listed but not (yet) present is skipped, never undefined in the list.
    store.patchRoom('a', { memberOrder: ['x', 'ghost', 'y'] })
    expect(store.members('a').map((m) => m.userID)).toEqual(['x', 'y'])
    expect(store.members('nope')).toEqual([])
    store.patchMembers('a', {}, ['x'])
    expect(store.room('a')?.members.x).toBeUndefined()
    store.removeRoom('a')
    expect(store.room('a')).toBeUndefined()
    store.patchRoom('a', { status: 'in_room' }) // unknown key: ignored
    expect(store.room('a')).toBeUndefined()
  })

  it('a member change triggers watchers of that member only', () => {
    const store = useRoomStore()
    store.putRoom(createRoomState('r', { sdkAppID: 1, userID: 'me', userSig: 's', roomID: 1 }))
    store.patchMembers('r', { x: member('x'), y: member('y') }, [])
    let xRuns = 0
    let yRuns = 0
    watch(() => store.rooms.r.members.x, () => xRuns++, { flush: 'sync' })
    watch(() => store.rooms.r.members.y, () => yRuns++, { flush: 'sync' })
    store.patchMembers('r', { x: { ...member('x'), joinedAt: 5 } }, [])
    expect([xRuns, yRuns]).toEqual([1, 0])
  })

  it('the controller registry is a plain Map, outside reactive state', () => {
    const store = useRoomStore()
    const fake = { key: 'k' } as RoomController
    const before = controllerCount()
    registerController('k', fake)
    expect(getController('k')).toBe(fake)
    expect(store.getController('k')).toBe(fake)
    expect(isReactive(store.getController('k'))).toBe(false)
    expect(JSON.stringify(store.$state)).not.toContain('"k"')
    unregisterController('k')
    expect(getController('k')).toBeUndefined()
    expect(controllerCount()).toBe(before)
  })
})

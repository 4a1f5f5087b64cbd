/**
 * The room store: one `RoomState` per room instance, keyed by the controller's key. Components and
 * apps read it (`storeToRefs`, `rooms[key]`, `members(key)`); only a controller writes it, through
 * the `RoomSink` that `roomSink()` makes of it.
 *
 * Controllers are NOT state: they live in the registry (core/controllers.ts); `getController(key)`
 * is offered here for convenience.
 *
 * @example
 * const store = useRoomStore()
 * const members = computed(() => store.members(roomKey))
 * store.getController(roomKey)?.switchCamera()
 */
import { defineStore } from 'pinia'
import { reactive } from 'vue'
import { getController } from '../core/controllers'
import type { RoomSink } from '../core/room'
import type { MemberState, RoomState } from '../core/types'
import { copyMembers, orderedMembers } from '../core/room-state'

export const useRoomStore = /* @__PURE__ */ defineStore('webrtc-room/room', () => {
  const rooms = reactive<Record<string, RoomState>>({})

  function room(key: string): RoomState | undefined {
    return rooms[key]
  }

  /** Members of a room in join order (`memberOrder`); [] for an unknown room. */
  function members(key: string): MemberState[] {
    return orderedMembers(rooms[key])
  }

  // --- writers: the controller's only ---

  function putRoom(state: RoomState): void {
    rooms[state.key] = { ...state, members: copyMembers(state.members) }
  }

  /** Replace the top-level fields that changed (unchanged subtrees keep their identity). */
  function patchRoom(key: string, patch: Partial<RoomState>): void {
    const target = rooms[key]
    if (!target) return
    Object.assign(target, patch)
  }

  /** Set / delete single members (a member change does not touch the others' reactivity). */
  function patchMembers(key: string, changed: Record<string, MemberState>, removed: string[]): void {
    const target = rooms[key]
    if (!target) return
    for (const userID of removed) delete target.members[userID]
    Object.assign(target.members, changed)
  }

  function removeRoom(key: string): void {
    delete rooms[key]
  }

  return { rooms, room, members, getController, putRoom, patchRoom, patchMembers, removeRoom }
})

export type RoomStore = ReturnType<typeof useRoomStore>

/** The store as the controller's state sink. */
export function roomSink(store: RoomStore): RoomSink {
  return {
    put: store.putRoom,
    patch: store.patchRoom,
    patchMembers: store.patchMembers,
    remove: store.removeRoom,
    view: (key) => store.rooms[key],
  }
}

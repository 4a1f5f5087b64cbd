/**
 * The room store: one `RoomState` per room instance, keyed by the controller's key. Components and
 * apps read it (`storeToRefs`, `rooms[key]`, `members(key)`); only the controller (core/room.ts)
 * writes it, through `putRoom` / `patchRoom` / `removeRoom`.
 *
 * Controllers are NOT state: a controller holds timers, contexts and closures that must not become
 * reactive (or show up in devtools). They live in a module Map; `getController(key)` finds one.
 *
 * @example
 * const store = useRoomStore()
 * const members = computed(() => store.members(roomKey))
 * store.getController(roomKey)?.switchCamera()
 */
import { defineStore } from 'pinia'
import { reactive } from 'vue'
import type { MemberState, RoomController, RoomState } from '../core/types'
import { copyMembers, orderedMembers } from '../core/room-state'

/** Events kept per room (ring buffer, oldest first). */
export const ROOM_EVENT_LIMIT = 200

const controllers = new Map<string, RoomController>()

/** Called by `createRoom`; a key is registered once (the controller picks unique keys). */
export function registerController(key: string, controller: RoomController): void {
  controllers.set(key, controller)
}

export function unregisterController(key: string): void {
  controllers.delete(key)
}

export function getController(key: string): RoomController | undefined {
  return controllers.get(key)
}

/** How many controllers are registered (leak checks in tests). */
export function controllerCount(): number {
  return controllers.size
}

export const useRoomStore = defineStore('webrtc-room/room', () => {
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
    for (const userID of Object.keys(changed)) target.members[userID] = changed[userID]
  }

  function removeRoom(key: string): void {
    delete rooms[key]
  }

  return { rooms, room, members, getController, putRoom, patchRoom, patchMembers, removeRoom }
})

export type RoomStore = ReturnType<typeof useRoomStore>

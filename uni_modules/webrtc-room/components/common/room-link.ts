/**
 * How a building block finds its room: through the Pinia room store by the room key (SPEC.md 1 —
 * not provide/inject or functions in slot props, which do not survive mp-weixin's slot compilation).
 *
 * The store's `rooms[key]` is reactive; the controller registry is not, so the controller is looked up
 * again whenever the room's entry appears or disappears (a block may mount before its room registers).
 */
import { computed, type ComputedRef } from 'vue'
import { useRoomStore } from '../../stores/room'
import type { RoomController, RoomState } from '../../core/types'

export interface RoomLink {
  state: ComputedRef<RoomState | null>
  controller: ComputedRef<RoomController | null>
}

export function useRoomLink(roomKey: () => string): RoomLink {
  const store = useRoomStore()
  const state = computed<RoomState | null>(() => {
    const key = roomKey()
    return key ? (store.rooms[key] ?? null) : null
  })
  const controller = computed<RoomController | null>(() => (state.value ? (store.getController(state.value.key) ?? null) : null))
  return { state, controller }
}

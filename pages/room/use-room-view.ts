/**
 * What the room pages show from the plugin's stores: status, members in join order, the last
 * error, IM state and the unread count. The stores are the single source of truth (SPEC 2); this
 * only selects from them, by the room key `<webrtc-room>` exposes.
 */
import { computed, type Ref } from 'vue'
import { orderedMembers, useImStore, useRoomStore } from '@/uni_modules/webrtc-room'
import type { RoomState, RoomStatus, WebrtcRoomMethods } from '@/uni_modules/webrtc-room'

export function useRoomView(room: Ref<WebrtcRoomMethods | null>) {
  const roomStore = useRoomStore()
  const imStore = useImStore()
  const key = computed(() => room.value?.roomKey ?? '')

  const state = computed<RoomState | null>(() => (key.value ? (roomStore.rooms[key.value] ?? null) : null))
  const status = computed<RoomStatus>(() => state.value?.status ?? 'idle')
  const members = computed(() => orderedMembers(state.value))
  const lastError = computed(() => state.value?.lastError ?? null)
  const im = computed(() => (key.value ? (imStore.rooms[key.value] ?? null) : null))
  const unread = computed(() => (key.value ? imStore.unreadTotal(key.value) : 0))

  return { key, state, status, members, lastError, im, unread }
}

/**
 * What the room page shows from the plugin's stores: status, members in join order, chat messages.
 * The stores are the single source of truth (SPEC 2); this only selects from them.
 */
import { computed, type Ref } from 'vue'
import type { MemberState, RoomState, RoomStatus } from '@/uni_modules/webrtc-room/core/types'
import type { RoomMethods } from './room-methods'

export interface ChatMessageView {
  id: string
  conversation: 'C2C' | 'GROUP'
  kind: 'text' | 'custom'
  flow: 'in' | 'out'
  from: string
  text: string
  time: number
}

export function membersOf(state: RoomState | null): MemberState[] {
  if (!state) return []
  return state.memberOrder.map((id) => state.members[id]).filter((m): m is MemberState => Boolean(m))
}

export function useRoomView(_room: Ref<RoomMethods | null>) {
  // Filled from the room store once it is wired (the store lands with the core).
  const state = computed<RoomState | null>(() => null)
  const status = computed<RoomStatus>(() => state.value?.status ?? 'idle')
  const members = computed(() => membersOf(state.value))
  const chatMessages = computed<ChatMessageView[]>(() => [])
  return { state, status, members, chatMessages }
}

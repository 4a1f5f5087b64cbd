/**
 * What the room pages show from the plugin's stores: status, members in join order, IM state and
 * the chat of one conversation. The stores are the single source of truth (SPEC 2); this only
 * selects from them, by the room key `<webrtc-room>` exposes.
 */
import { computed, type Ref } from 'vue'
import type { RoomState, RoomStatus } from '@/uni_modules/webrtc-room/core/types'
import { useRoomStore } from '@/uni_modules/webrtc-room/stores/room'
import { useImStore } from '@/uni_modules/webrtc-room/stores/im'
import { orderedMembers } from '@/uni_modules/webrtc-room/components/common/room-view'
import type { RoomMethods } from './room-methods'
import { chatMessageView, conversationOf, type ChatTarget } from './chat'

export function useRoomView(room: Ref<RoomMethods | null>, chatTarget?: Ref<ChatTarget>) {
  const roomStore = useRoomStore()
  const imStore = useImStore()
  const key = computed(() => room.value?.roomKey ?? '')

  const state = computed<RoomState | null>(() => (key.value ? (roomStore.rooms[key.value] ?? null) : null))
  const status = computed<RoomStatus>(() => state.value?.status ?? 'idle')
  const members = computed(() => orderedMembers(state.value))
  const lastError = computed(() => state.value?.lastError ?? null)

  const im = computed(() => (key.value ? (imStore.rooms[key.value] ?? null) : null))
  const conversationID = computed(() => (chatTarget ? conversationOf(chatTarget.value, im.value?.groupID ?? '') : ''))
  const chatMessages = computed(() =>
    key.value && conversationID.value ? imStore.messages(key.value, conversationID.value).map(chatMessageView) : [],
  )
  const unread = computed(() => (key.value ? imStore.unreadTotal(key.value) : 0))

  /** The chat box is on screen showing this conversation (its messages are read), or not (null). */
  function showConversation(visible: boolean) {
    if (!key.value) return
    imStore.setActiveConversation(key.value, visible && conversationID.value ? conversationID.value : null)
  }

  return { key, state, status, members, lastError, im, conversationID, chatMessages, unread, showConversation }
}

/**
 * The IM store: per room key, login and connection state, the joined group, a bounded message
 * list per conversation, unread counts and each sent message's status (sending → sent | failed).
 *
 * The IM session writes it through `sinkFor(key)` (installed by the opt-in IM entry); a UI reads it.
 * Importing this store does not import tim-wx-sdk: an app without IM can render an empty chat.
 *
 * @example
 * const im = useImStore()
 * const room = computed(() => im.room(roomKey))                     // login, connection, joinedGroup
 * const groupChat = computed(() => im.messages(roomKey, im.groupConversation(roomKey)))
 * im.setActiveConversation(roomKey, im.groupConversation(roomKey))  // shown = read
 * const badge = computed(() => im.unreadTotal(roomKey))
 */
import { defineStore } from 'pinia'
import { reactive } from 'vue'
import type { CoHostState, ImMessage, ImStateSink } from '../im/types'
import * as state from './im-state'
import type { ImConversation, RoomImState } from './im-state'

export type { ImConversation, RoomImState } from './im-state'
export { IM_MESSAGE_LIMIT } from './im-state'

export const useImStore = /* @__PURE__ */ defineStore('webrtc-room/im', () => {
  const rooms = reactive<Record<string, RoomImState>>({})
  /** Applies to rooms created from now on (`setMessageLimit(key, n)` changes one room). */
  let defaultLimit = state.IM_MESSAGE_LIMIT

  function ensure(key: string): RoomImState {
    if (!rooms[key]) rooms[key] = state.createRoomImState(key, defaultLimit)
    return rooms[key]
  }

  // --- readers ---

  function room(key: string): RoomImState | undefined {
    return rooms[key]
  }

  /** The room group's conversation id ('' before the room's IM has started once). */
  function groupConversation(key: string): string {
    const groupID = rooms[key]?.groupID
    return groupID ? state.groupConversationID(groupID) : ''
  }

  /** Conversations in first-seen order (the room's group first). */
  function conversations(key: string): ImConversation[] {
    const target = rooms[key]
    if (!target) return []
    return target.conversationOrder.map((id) => target.conversations[id]).filter((c): c is ImConversation => !!c)
  }

  /** Messages of one conversation, oldest first ([] when unknown). */
  function messages(key: string, conversationID: string): ImMessage[] {
    return rooms[key]?.conversations[conversationID]?.messages ?? []
  }

  function unread(key: string, conversationID: string): number {
    return rooms[key]?.conversations[conversationID]?.unread ?? 0
  }

  function unreadTotal(key: string): number {
    const target = rooms[key]
    return target ? state.unreadTotal(target) : 0
  }

  // --- UI actions ---

  function markRead(key: string, conversationID: string): void {
    const target = rooms[key]
    if (target) state.markRead(target, conversationID)
  }

  function setActiveConversation(key: string, conversationID: string | null): void {
    state.setActiveConversation(ensure(key), conversationID)
  }

  function setMessageLimit(key: string, limit: number): void {
    state.setMessageLimit(ensure(key), limit)
  }

  function setDefaultMessageLimit(limit: number): void {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`message limit must be a positive integer, got ${limit}`)
    defaultLimit = limit
  }

  /** Forget a room's IM state (its messages too). */
  function removeRoom(key: string): void {
    delete rooms[key]
  }

  /** Co-hosting of a room (the live entry's `createCoHost` writes it). */
  function setCoHost(key: string, coHost: CoHostState): void {
    ensure(key).coHost = coHost
  }
  function setAudienceCount(key: string, count: number | null): void {
    ensure(key).audienceCount = count
  }

  // --- the session's writer ---

  /** The sink an IM session of room `key` writes through. */
  function sinkFor(key: string): ImStateSink {
    return {
      begin: (info) => state.beginSession(ensure(key), info),
      setLogin: (login) => { ensure(key).login = login },
      setConnection: (connection) => { ensure(key).connection = connection },
      setJoinedGroup: (groupID) => { ensure(key).joinedGroup = groupID },
      receive: (list) => state.receiveMessages(ensure(key), list),
      addOutgoing: (message) => state.addOutgoing(ensure(key), message),
      markSent: (id, update) => state.markSent(ensure(key), id, update),
      markFailed: (id, code) => state.markFailed(ensure(key), id, code),
      setError: (event) => { ensure(key).lastError = event },
      setAudienceCount: (count) => setAudienceCount(key, count),
    }
  }

  return {
    rooms,
    room, groupConversation, conversations, messages, unread, unreadTotal,
    markRead, setActiveConversation, setMessageLimit, setDefaultMessageLimit, removeRoom,
    sinkFor, setCoHost, setAudienceCount,
  }
})

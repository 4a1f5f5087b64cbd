/**
 * One room's IM state and the plain functions that change it (the IM store wraps them).
 *
 * Kept free of Pinia/Vue so the bookkeeping (bounded lists, unread counts, send status) is tested
 * as plain data. The functions mutate in place: inside the store the object is reactive, and an
 * in-place change touches only what changed.
 */
import type { CoHostState, ImConnectionState, ImConversationType, ImErrorDetail, ImLoginState, ImMessage } from '../im/types'
import type { ImEvent } from '../core/types'

/** tim's conversation id: `C2C<userID>` / `GROUP<groupID>`. */
export function conversationIdOf(type: ImConversationType, peer: string): string {
  return `${type}${peer}`
}

export function groupConversationID(groupID: string): string {
  return conversationIdOf('GROUP', groupID)
}

export function c2cConversationID(userID: string): string {
  return conversationIdOf('C2C', userID)
}

/** Messages kept per conversation by default (oldest dropped first). */
export const IM_MESSAGE_LIMIT = 200

export interface ImConversation {
  /** `C2C<userID>` | `GROUP<groupID>`. */
  id: string
  type: ImConversationType
  /** The other user (C2C) or the group id. */
  peer: string
  /** Oldest first, at most `messageLimit`. */
  messages: ImMessage[]
  /** Incoming text/custom messages not yet read (tips do not count). */
  unread: number
}

export interface RoomImState {
  key: string
  userID: string
  groupID: string
  login: ImLoginState
  connection: ImConnectionState
  /** The room's group once joined, null otherwise. */
  joinedGroup: string | null
  /** By conversation id; `conversationOrder` = first-seen order (the group first). */
  conversations: Record<string, ImConversation>
  conversationOrder: string[]
  /** The conversation the UI shows: its incoming messages do not count as unread. */
  activeConversation: string | null
  messageLimit: number
  lastError: ImEvent<ImErrorDetail> | null
  /** Live scene: co-host requests and co-hosts (written by the live entry's `createCoHost`). */
  coHost: CoHostState
  /** Live scene: the room group's online count (AVChatRoom, IM on); null = unknown (no IM: TRTC announces no audience). */
  audienceCount: number | null
}

export function createRoomImState(key: string, messageLimit = IM_MESSAGE_LIMIT): RoomImState {
  return {
    key, userID: '', groupID: '', login: 'logged_out', connection: 'unknown', joinedGroup: null,
    conversations: {}, conversationOrder: [], activeConversation: null, messageLimit, lastError: null,
    coHost: { requests: [], outgoing: null, coHosts: [] }, audienceCount: null,
  }
}

function peerOf(message: ImMessage): string {
  return message.conversationType === 'GROUP' ? message.to : message.flow === 'in' ? message.from : message.to
}

function ensureConversation(state: RoomImState, id: string, type: ImConversationType, peer: string): ImConversation {
  let conversation = state.conversations[id]
  if (!conversation) {
    conversation = { id, type, peer, messages: [], unread: 0 }
    state.conversations[id] = conversation
    state.conversationOrder.push(id)
  }
  return conversation
}

/** A new session of the room (start after stop): same conversations, fresh login/group state. */
export function beginSession(state: RoomImState, info: { userID: string; groupID: string }): void {
  state.userID = info.userID
  state.groupID = info.groupID
  state.login = 'logged_out'
  state.connection = 'unknown'
  state.joinedGroup = null
  state.lastError = null
  ensureConversation(state, groupConversationID(info.groupID), 'GROUP', info.groupID)
}

function append(state: RoomImState, conversation: ImConversation, message: ImMessage): void {
  const index = conversation.messages.findIndex((m) => m.id === message.id)
  if (index >= 0) {
    // The same message again (tim re-delivers after reconnect; our own send echoed back): update it.
    conversation.messages[index] = { ...conversation.messages[index], ...message }
    return
  }
  conversation.messages.push(message)
  const overflow = conversation.messages.length - state.messageLimit
  if (overflow > 0) conversation.messages.splice(0, overflow)
}

/** Incoming (or synced) messages, oldest first. */
export function receiveMessages(state: RoomImState, messages: readonly ImMessage[]): void {
  for (const message of messages) {
    const conversation = ensureConversation(state, message.conversationID, message.conversationType, peerOf(message))
    const isNew = !conversation.messages.some((m) => m.id === message.id)
    append(state, conversation, message)
    const counts = message.flow === 'in' && (message.kind === 'text' || message.kind === 'custom')
    if (isNew && counts && state.activeConversation !== conversation.id) conversation.unread++
  }
}

export function addOutgoing(state: RoomImState, message: ImMessage): void {
  const conversation = ensureConversation(state, message.conversationID, message.conversationType, peerOf(message))
  append(state, conversation, message)
}

function findMessage(state: RoomImState, id: string): ImMessage | undefined {
  for (const conversationID of state.conversationOrder) {
    const found = state.conversations[conversationID]?.messages.find((m) => m.id === id)
    if (found) return found
  }
  return undefined
}

export function markSent(state: RoomImState, id: string, update: { time?: number } = {}): void {
  const message = findMessage(state, id)
  if (!message) return // already dropped from the bounded list
  message.status = 'sent'
  delete message.errorCode
  if (update.time) message.time = update.time
}

export function markFailed(state: RoomImState, id: string, errorCode: number): void {
  const message = findMessage(state, id)
  if (!message) return
  message.status = 'failed'
  message.errorCode = errorCode
}

export function markRead(state: RoomImState, conversationID: string): void {
  const conversation = state.conversations[conversationID]
  if (conversation) conversation.unread = 0
}

/** The UI opened a conversation (or null = none): it is read, and stays read while shown. */
export function setActiveConversation(state: RoomImState, conversationID: string | null): void {
  state.activeConversation = conversationID
  if (conversationID) markRead(state, conversationID)
}

export function unreadTotal(state: RoomImState): number {
  let total = 0
  for (const id of state.conversationOrder) total += state.conversations[id]?.unread ?? 0
  return total
}

/** Lower (or raise) the per-conversation bound; longer lists drop their oldest messages now. */
export function setMessageLimit(state: RoomImState, limit: number): void {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`message limit must be a positive integer, got ${limit}`)
  state.messageLimit = limit
  for (const id of state.conversationOrder) {
    const messages = state.conversations[id]?.messages
    if (messages && messages.length > limit) messages.splice(0, messages.length - limit)
  }
}

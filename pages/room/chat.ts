/**
 * The chat box's sending rules: to the room's group or to one member (C2C), as text or as a
 * custom message. The room's IM methods do the sending; this picks which one and checks input.
 */
import { c2cConversationID, groupConversationID } from '@/uni_modules/webrtc-room'
import type { CustomMsgInput, ImConversationType, ImMessage, ImMessageKind, ImMessageStatus, WebrtcRoomMethods } from '@/uni_modules/webrtc-room'

export type ChatTarget = { kind: 'group' } | { kind: 'c2c'; userID: string }
export type ChatKind = 'text' | 'custom'

/** The IM half of `<webrtc-room>`'s methods (the room's controller has the same ones). */
export type RoomImMethods = Pick<WebrtcRoomMethods, 'sendC2CTextMsg' | 'sendC2CCustomMsg' | 'sendGroupTextMsg' | 'sendGroupCustomMsg'>

/** Marks custom messages sent by this demo, so receivers can tell them from other apps' payloads. */
export const DEMO_CUSTOM_EXT = 'webrtc-room-demo'

/** What a custom message carries: the typed text as `data`, a short `desc` for notifications. */
export function customPayload(text: string): CustomMsgInput {
  return { data: text, ext: DEMO_CUSTOM_EXT, desc: text.slice(0, 32) }
}

/** Sends through the matching method; the plugin itself rejects bad input (empty, too long) with a typed IM error. */
export function sendChat(room: RoomImMethods, target: ChatTarget, kind: ChatKind, rawText: string): Promise<unknown> {
  const text = rawText.trim()
  if (target.kind === 'group') {
    return kind === 'text' ? room.sendGroupTextMsg(text) : room.sendGroupCustomMsg(customPayload(text))
  }
  return kind === 'text' ? room.sendC2CTextMsg(target.userID, text) : room.sendC2CCustomMsg(target.userID, customPayload(text))
}

/** The IM store's conversation id for a chat target ('' while the room's group is not known yet). */
export function conversationOf(target: ChatTarget, groupID: string): string {
  if (target.kind === 'c2c') return c2cConversationID(target.userID)
  return groupID ? groupConversationID(groupID) : ''
}

/** The targets on offer: the group, then each member; a C2C partner who left falls back to the group. */
export function chatTargets(memberIDs: readonly string[]): ChatTarget[] {
  return [{ kind: 'group' }, ...memberIDs.map((userID) => ({ kind: 'c2c' as const, userID }))]
}

export function sameTarget(a: ChatTarget, b: ChatTarget): boolean {
  return a.kind === b.kind && (a.kind === 'group' || (b.kind === 'c2c' && a.userID === b.userID))
}

/** One chat bubble. */
export interface ChatMessageView {
  id: string
  conversation: ImConversationType
  kind: ImMessageKind
  flow: 'in' | 'out'
  from: string
  text: string
  time: number
  status: ImMessageStatus
}

/** A store message as a bubble: custom messages show their data (the demo sends text there). */
export function chatMessageView(message: ImMessage): ChatMessageView {
  const text = message.kind === 'custom' ? (message.custom?.data ?? '') : (message.text ?? '')
  return {
    id: message.id,
    conversation: message.conversationType,
    kind: message.kind,
    flow: message.flow,
    from: message.nick || message.from,
    text,
    time: message.time,
    status: message.status,
  }
}

/**
 * The chat box's sending rules: to the room's group or to one member (C2C), as text or as a
 * custom message. The component's IM methods do the sending; this picks which one and checks input.
 */
import type { CustomMsgInput } from '@/uni_modules/webrtc-room/core/im-registry'

export type ChatTarget = { kind: 'group' } | { kind: 'c2c'; userID: string }
export type ChatKind = 'text' | 'custom'

/** The IM half of `<webrtc-room>`'s exposed methods (SPEC 1, "Methods"). */
export interface RoomImMethods {
  sendC2CTextMsg(receiveUser: string, msg: string): Promise<unknown>
  sendC2CCustomMsg(receiveUser: string, msg: CustomMsgInput): Promise<unknown>
  sendGroupTextMsg(msg: string): Promise<unknown>
  sendGroupCustomMsg(msg: CustomMsgInput): Promise<unknown>
}

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

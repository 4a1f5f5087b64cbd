/**
 * tim `Message` → the plugin's plain `ImMessage`, and the conversation ids both sides use.
 *
 * The string constants are tim-wx-sdk's `TIM.TYPES` values (a test checks them against the real
 * package), written out so this module, the store and the demo never import the SDK.
 */
import type { ImConversationType, ImMessage, ImMessageKind, ImMessageStatus } from './types'
import type { TimMessage } from './tim-types'
import { conversationIdOf } from '../lib/runtime'

// Public helpers apps import from here (the demo's chat does).
export { c2cConversationID, groupConversationID } from '../lib/runtime'

export const TIM_CONV_C2C = 'C2C'
export const TIM_CONV_GROUP = 'GROUP'
export const TIM_CONV_SYSTEM = '@TIM#SYSTEM'
export const TIM_MSG_TEXT = 'TIMTextElem'
export const TIM_MSG_CUSTOM = 'TIMCustomElem'
export const TIM_MSG_GRP_TIP = 'TIMGroupTipElem'
export const TIM_MSG_GRP_SYS_NOTICE = 'TIMGroupSystemNoticeElem'
/** `TIM.TYPES.GRP_TIP_GRP_PROFILE_UPDATED`. */
export const TIM_TIP_GROUP_PROFILE_UPDATED = 6

function kindOf(timType: string): ImMessageKind {
  if (timType === TIM_MSG_TEXT) return 'text'
  if (timType === TIM_MSG_CUSTOM) return 'custom'
  if (timType === TIM_MSG_GRP_TIP) return 'tip'
  return 'other'
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/**
 * Maps one tim message. The conversation peer is the other side: for C2C the sender of an incoming
 * message or the receiver of an outgoing one; for a group the group id (`to`).
 */
export function toImMessage(message: TimMessage, status: ImMessageStatus): ImMessage {
  const conversationType: ImConversationType = message.conversationType === TIM_CONV_GROUP ? 'GROUP' : 'C2C'
  const peer = conversationType === 'GROUP' ? message.to : message.flow === 'in' ? message.from : message.to
  const kind = kindOf(message.type)
  const payload = message.payload ?? {}
  const mapped: ImMessage = {
    id: message.ID,
    conversationID: conversationIdOf(conversationType, peer),
    conversationType,
    kind,
    timType: message.type,
    from: message.from,
    to: message.to,
    nick: message.nick ?? '',
    flow: message.flow,
    // tim counts seconds; 0 before the server has stamped an outgoing message.
    time: (message.time || 0) * 1000,
    status,
  }
  if (kind === 'text') mapped.text = str(payload.text)
  if (kind === 'custom') {
    mapped.custom = { data: str(payload.data), ext: str(payload.extension), desc: str(payload.description) }
  }
  return mapped
}

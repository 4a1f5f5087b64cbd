/**
 * Sending one message through tim and recording it: create → store 'sending' → sendMessage →
 * store 'sent' (server time) | 'failed' (tim code). Input checks and readiness are the session's.
 */
import { IM_SEND_FAILED, WebrtcRoomError, type CustomMsgInput } from '../lib/runtime'
import { toImMessage } from './map-message'
import { timErrorCode, timErrorMessage } from './tim-client-pool'
import type { TimInstance, TimMessage } from './tim-types'
import type { ImMessage, ImStateSink } from './types'

/** The original's `{data, ext, desc}` → tim's `{data, extension, description}`. */
export function customPayload(msg: CustomMsgInput): { data: string; description: string; extension: string } {
  return { data: msg.data, description: msg.desc ?? '', extension: msg.ext ?? '' }
}

/** tim's message as a plain outgoing one (tim's Message is a class instance: read fields, don't spread). */
function outgoingView(message: TimMessage, selfUserID: string): TimMessage {
  return {
    ID: message.ID,
    type: message.type,
    payload: message.payload,
    conversationID: message.conversationID,
    conversationType: message.conversationType,
    to: message.to,
    from: message.from || selfUserID,
    flow: 'out',
    time: message.time,
    nick: message.nick,
  }
}

/** Creates the message with `create` and sends it; resolves with the sent message, rejects IM_SEND_FAILED. */
export async function sendThroughTim(
  tim: TimInstance,
  sink: ImStateSink,
  selfUserID: string,
  create: (tim: TimInstance) => TimMessage,
): Promise<ImMessage> {
  let message: TimMessage
  try {
    message = create(tim)
    // When it considers itself logged out, tim returns a rejected Promise instead of a message.
    if (typeof (message as unknown as PromiseLike<unknown>)?.then === 'function') await message
    if (!message || typeof message.ID !== 'string') throw new Error('tim returned no message')
  } catch (error) {
    throw new WebrtcRoomError(IM_SEND_FAILED, `creating the message failed: ${timErrorMessage(error)}`, {
      nativeCode: timErrorCode(error),
    })
  }
  const outgoing = toImMessage(outgoingView(message, selfUserID), 'sending')
  sink.addOutgoing(outgoing)
  try {
    const response = await tim.sendMessage(message)
    const sent = response?.data?.message
    const time = sent?.time ? sent.time * 1000 : outgoing.time
    sink.markSent(outgoing.id, { time })
    return { ...outgoing, status: 'sent', time }
  } catch (error) {
    const nativeCode = timErrorCode(error) ?? IM_SEND_FAILED
    sink.markFailed(outgoing.id, nativeCode)
    throw new WebrtcRoomError(IM_SEND_FAILED, `sending failed: ${timErrorMessage(error)}`, {
      nativeCode,
      messageID: outgoing.id,
    })
  }
}

/**
 * The 2018 original's send-callback codes, for apps ported from it.
 *
 * The plugin's `fail(code, message)` carries its own IM codes (-903xx, each with zh/en advice in the
 * code tables). The original used -1 no receiver, -2 empty, -3 too long, -4 SDK error;
 * this maps one onto the other so old `switch (code)` blocks keep working:
 *
 *     import { toOriginalSendCode } from '@/uni_modules/webrtc-room/im/original-codes'
 *     room.value.sendGroupTextMsg(text, undefined, (code) => legacyHandler(toOriginalSendCode(code)))
 *
 * Pure and SDK-free: importing it does not bring tim-wx-sdk in.
 */
import { IM_EMPTY_MESSAGE, IM_INVALID_DATA, IM_INVALID_RECEIVER, IM_MESSAGE_TOO_LONG } from '../lib/runtime'

export const ORIGINAL_SEND_CODE = {
  NO_RECEIVER: -1,
  EMPTY: -2,
  TOO_LONG: -3,
  SDK_ERROR: -4,
} as const

/** -90305 → -1, -90306 / -90308 → -2, -90307 → -3, any other failure → -4. */
export function toOriginalSendCode(code: number): number {
  switch (code) {
    case IM_INVALID_RECEIVER:
      return ORIGINAL_SEND_CODE.NO_RECEIVER
    case IM_EMPTY_MESSAGE:
    case IM_INVALID_DATA: // the original only knew "no content"
      return ORIGINAL_SEND_CODE.EMPTY
    case IM_MESSAGE_TOO_LONG:
      return ORIGINAL_SEND_CODE.TOO_LONG
    default:
      return ORIGINAL_SEND_CODE.SDK_ERROR
  }
}

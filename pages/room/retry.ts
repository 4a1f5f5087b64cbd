/**
 * Retry after an error, with the same settings: the room is stopped and started again; the
 * signature is asked for again first when it has expired (or is about to), or when the error says
 * the room refused it.
 */
import { RoomErrorCode } from '@/uni_modules/webrtc-room'
import type { ErrorDetail, RoomEvent } from '@/uni_modules/webrtc-room'
import type { SignResult } from '../shared/sign-client'

/** Less than this left on a signature = sign again (entering takes a few seconds). */
export const SIGNATURE_MARGIN_S = 60

const SIGNATURE_ERRORS: ReadonlySet<number> = new Set([
  RoomErrorCode.USERSIG_EXPIRED,
  RoomErrorCode.USERSIG_MALFORMED,
  RoomErrorCode.INVALID_USERSIG,
  RoomErrorCode.ROOM_SIG_FAILED,
])

export function needsNewSignature(sign: Pick<SignResult, 'expireAt'>, lastError: RoomEvent<ErrorDetail> | null, nowMs: number): boolean {
  if (lastError && SIGNATURE_ERRORS.has(lastError.code)) return true
  return sign.expireAt - nowMs / 1000 < SIGNATURE_MARGIN_S
}

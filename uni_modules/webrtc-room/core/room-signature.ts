/**
 * The legacy (2018) room-signature request: one POST before pushing, whose
 * `RspBody` becomes the URL's `roomsig`. Pure builders + a parser; the controller performs the request
 * through `platform.request`.
 */
import { buildQuery } from './push-url'
import type { ValidOptions } from './options'
import type { HttpRequest, HttpResponse } from './types'

export const ROOM_SIG_HOSTS = {
  cloud: 'https://official.opensso.tencent-cloud.com/v4/openim/jsonvideoapp',
  tim: 'https://yun.tim.qq.com/v4/openim/jsonvideoapp',
} as const

/** The original retried once after 1 s before reporting -9. */
export const ROOM_SIG_RETRIES = 1
export const ROOM_SIG_RETRY_DELAY_MS = 1000

/** `random` is a uint32 the caller draws (platform.random) so this stays pure. */
export function buildRoomSigRequest(o: ValidOptions, random: number): HttpRequest {
  const query = buildQuery([
    ['sdkappid', o.sdkAppID],
    ['identifier', o.userID],
    ['usersig', o.userSig],
    ['random', random],
    ['contenttype', 'json'],
  ])
  return {
    url: `${o.useCloud ? ROOM_SIG_HOSTS.cloud : ROOM_SIG_HOSTS.tim}?${query}`,
    method: 'POST',
    header: { 'content-type': 'application/json' },
    data: {
      ReqHead: { Cmd: 1, SeqNo: 1, BusType: 7, GroupId: o.room.id },
      ReqBody: { PrivMapEncrypt: o.privateMapKey, TerminalType: 1, FromType: 3, SdkVersion: 26280566 },
    },
    timeout: 10000,
  }
}

export type RoomSigResult = { ok: true; roomSig: string } | { ok: false; message: string; errorCode?: number }

/** Success = HTTP 2xx, no top-level `ErrorCode`, `RspHead.ErrorCode === 0`; roomSig = JSON of `RspBody`. */
export function parseRoomSigResponse(res: HttpResponse): RoomSigResult {
  if (res.statusCode < 200 || res.statusCode >= 300) return { ok: false, message: `HTTP ${res.statusCode}` }
  let data = res.data
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data)
    } catch {
      return { ok: false, message: 'room signature response is not JSON' }
    }
  }
  if (typeof data !== 'object' || data === null) return { ok: false, message: 'empty room signature response' }
  const body = data as { ErrorCode?: number; ErrorInfo?: string; RspHead?: { ErrorCode?: number; ErrorInfo?: string }; RspBody?: unknown }
  if (body.ErrorCode !== undefined && body.ErrorCode !== 0) {
    return { ok: false, errorCode: body.ErrorCode, message: body.ErrorInfo || `ErrorCode ${body.ErrorCode}` }
  }
  if (!body.RspHead || body.RspHead.ErrorCode !== 0) {
    const code = body.RspHead?.ErrorCode
    return { ok: false, errorCode: code, message: body.RspHead?.ErrorInfo || `RspHead.ErrorCode ${String(code)}` }
  }
  if (body.RspBody === undefined) return { ok: false, message: 'room signature response has no RspBody' }
  return { ok: true, roomSig: JSON.stringify(body.RspBody) }
}

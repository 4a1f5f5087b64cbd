/**
 * The legacy (2018) enter flow for WeChat < 7.0.8, shipped only by the opt-in `legacy` entry: one
 * room-signature POST before pushing, whose `RspBody` becomes the URL's `roomsig` in
 * `room://cloud.tencent.com?sdkappid&roomid&userid&roomsig[&bizbuf]`; privateMapKey travels only in
 * that request's body. Pure builders + a parser, and `requestSignedURL` that runs them over
 * `platform.request` (what the entry installs into the controller, room-platform.ts).
 */
import { errorText } from './error-codes'
import { buildQuery } from './push-url'
import type { ValidOptions } from './options'
import type { SignedURLAnswer } from './room-platform'
import type { HttpRequest, HttpResponse, Platform } from './types'

export const ROOM_SIG_HOSTS = {
  cloud: 'https://official.opensso.tencent-cloud.com/v4/openim/jsonvideoapp',
  tim: 'https://yun.tim.qq.com/v4/openim/jsonvideoapp',
} as const

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

/** `bizbuf` of the legacy URL: only the keys that are set; undefined when none is. */
export function legacyBizbuf(o: ValidOptions): string | undefined {
  const params: Record<string, number> = {}
  if (o.pureAudioPushMod !== undefined) params.pure_audio_push_mod = o.pureAudioPushMod
  if (o.recordId !== undefined) params.record_id = o.recordId
  return Object.keys(params).length > 0 ? JSON.stringify({ Str_uc_params: params }) : undefined
}

export function buildLegacyPushURL(o: ValidOptions, roomSig: string): string {
  const base = buildQuery([
    ['sdkappid', o.sdkAppID],
    ['roomid', o.room.id],
    ['userid', o.userID],
  ])
  // Exactly the original: plain encodeURIComponent of the JSON texts.
  const bizbuf = legacyBizbuf(o)
  const tail = bizbuf === undefined ? '' : `&bizbuf=${encodeURIComponent(bizbuf)}`
  return `room://cloud.tencent.com?${base}&roomsig=${encodeURIComponent(roomSig)}${tail}`
}

/** Request the room signature (over `send`, the platform's HTTP by default) and build the legacy URL; never rejects. */
export function requestSignedURL(platform: Platform, options: ValidOptions, send = platform.request): Promise<SignedURLAnswer> {
  const random = Math.floor(platform.random() * 0xffffffff) >>> 0
  let request
  try {
    if (!send) throw new Error('the platform has no request()')
    request = send(buildRoomSigRequest(options, random))
  } catch (err) {
    request = Promise.reject(err)
  }
  return request.then(
    (res): SignedURLAnswer => {
      const answer = parseRoomSigResponse(res)
      return answer.ok ? { ok: true, pushURL: buildLegacyPushURL(options, answer.roomSig) } : answer
    },
    (err): SignedURLAnswer => ({ ok: false, message: errorText(err, 'room signature request failed') }),
  )
}

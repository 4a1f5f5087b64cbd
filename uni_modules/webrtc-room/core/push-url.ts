/**
 * The live-pusher URLs: modern `room://cloud.tencent.com/rtc?…` and the legacy signed one. Pure.
 *
 * Modern: `room://cloud.tencent.com/rtc?sdkappid&roomid|strroomid&userid&usersig&appscene&encsmall&cloudenv`
 * plus the optional parameters that are set — no request before the URL exists.
 * Legacy (2018): `room://cloud.tencent.com?sdkappid&roomid&userid&roomsig[&bizbuf]` after the room-signature
 * request (room-signature.ts); privateMapKey travels only in that request's body.
 */
import { buildQuery } from './query'
import type { ValidOptions } from './options'

export function buildModernPushURL(o: ValidOptions): string {
  const params: Array<[string, string | number]> = [
    ['sdkappid', o.sdkAppID],
    o.room.kind === 'numeric' ? ['roomid', o.room.id] : ['strroomid', o.room.id],
    ['userid', o.userID],
    ['usersig', o.userSig],
    ['appscene', 'videocall'],
    ['encsmall', 0],
    ['cloudenv', 'PRO'],
  ]
  if (o.privateMapKey) params.push(['privatemapkey', o.privateMapKey])
  if (o.pureAudioPushMod !== undefined) params.push(['pureaudiomode', o.pureAudioPushMod])
  if (o.recordId !== undefined) params.push(['userdefinerecordid', o.recordId])
  if (o.streamID !== undefined) params.push(['streamid', o.streamID])
  if (o.recvMode !== undefined) params.push(['recvmode', o.recvMode])
  if (o.enableBlackStream !== undefined) params.push(['enableBlackStream', o.enableBlackStream ? 1 : 0])
  return `room://cloud.tencent.com/rtc?${buildQuery(params)}`
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

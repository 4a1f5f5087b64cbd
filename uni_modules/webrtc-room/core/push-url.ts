/**
 * The live-pusher URLs: modern `room://cloud.tencent.com/rtc?…` and the legacy signed one. Pure.
 *
 * Modern: `room://cloud.tencent.com/rtc?sdkappid&roomid|strroomid&userid&usersig&appscene&encsmall&cloudenv`
 * plus the optional parameters that are set — no request before the URL exists.
 * Legacy (2018): `room://cloud.tencent.com?sdkappid&roomid&userid&roomsig[&bizbuf]` after the room-signature
 * request (room-signature.ts); privateMapKey travels only in that request's body.
 */
import type { ValidOptions } from './options'

/*
 * Query-string encoding for the `room://` URLs (also the legacy room-signature request).
 *
 * encodeURIComponent, except `@` (legal in a query per RFC 3986 and allowed in user ids) stays as is.
 * Values of the validated alphabets (user ids, userSig's `A-Za-z0-9*-_`) therefore pass unchanged —
 * byte-identical to trtc-wx-sdk, which does not encode — while string room ids with `&`, `=`, `#`, `%`,
 * `+` or spaces cannot break the URL.
 */
export function encodeQueryValue(value: string | number): string {
  return encodeComponent(String(value)).replace(/%40/g, '@')
}

/** encodeURIComponent that never throws: a lone UTF-16 surrogate (URIError there) becomes U+FFFD. */
function encodeComponent(text: string): string {
  try {
    return encodeURIComponent(text)
  } catch {
    return encodeURIComponent(wellFormed(text))
  }
}

/** Replace unpaired surrogates with U+FFFD (no lookbehind regex: older iOS engines lack it). */
function wellFormed(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i] + text[i + 1]
        i++
        continue
      }
      out += '\ufffd'
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      out += '\ufffd'
    } else {
      out += text[i]
    }
  }
  return out
}

export function buildQuery(params: Array<[string, string | number]>): string {
  return params.map(([key, value]) => `${key}=${encodeQueryValue(value)}`).join('&')
}

export function buildModernPushURL(o: ValidOptions): string {
  const params: Array<[string, string | number]> = [
    ['sdkappid', o.sdkAppID],
    o.room.kind === 'numeric' ? ['roomid', o.room.id] : ['strroomid', o.room.id],
    ['userid', o.userID],
    ['usersig', o.userSig],
    // The live scene changes only this: anchor and audience URLs are the same (docs/live-scene.md §1.1).
    ['appscene', o.scene === 'live' ? 'live' : 'videocall'],
    ['encsmall', o.enableSmallStream ? 1 : 0],
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

/**
 * The modern live-pusher URL `room://cloud.tencent.com/rtc?sdkappid&roomid|strroomid&userid&usersig&appscene&encsmall&cloudenv`
 * plus the optional parameters that are set — no request before the URL exists. Pure. (The legacy
 * signed URL is the opt-in `legacy` entry's, room-signature.ts.)
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
  // encodeURIComponent throws on an unpaired UTF-16 surrogate: those become U+FFFD, pairs stay.
  const text = String(value).replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (unit) => (unit.length > 1 ? unit : '\ufffd'))
  return encodeURIComponent(text).replace(/%40/g, '@')
}

export function buildQuery(params: Array<[string, string | number]>): string {
  return params.map(([key, value]) => `${key}=${encodeQueryValue(value)}`).join('&')
}

export function buildModernPushURL(o: ValidOptions): string {
  const params: Array<[string, string | number | undefined]> = [
    ['sdkappid', o.sdkAppID],
    o.room.kind === 'numeric' ? ['roomid', o.room.id] : ['strroomid', o.room.id],
    ['userid', o.userID],
    ['usersig', o.userSig],
    // The live scene changes only this: anchor and audience URLs are the same (docs/live-scene.md §1.1).
    ['appscene', o.scene === 'live' ? 'live' : 'videocall'],
    ['encsmall', o.enableSmallStream ? 1 : 0],
    ['cloudenv', 'PRO'],
    // Optional: only the ones that are set.
    ['privatemapkey', o.privateMapKey || undefined],
    ['pureaudiomode', o.pureAudioPushMod],
    ['userdefinerecordid', o.recordId],
    ['streamid', o.streamID],
    ['recvmode', o.recvMode],
    ['enableBlackStream', o.enableBlackStream === undefined ? undefined : o.enableBlackStream ? 1 : 0],
  ]
  return `room://cloud.tencent.com/rtc?${buildQuery(params.filter((param): param is [string, string | number] => param[1] !== undefined))}`
}

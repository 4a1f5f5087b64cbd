/**
 * Query-string encoding for the `room://` URLs.
 *
 * encodeURIComponent, except `@` (legal in a query per RFC 3986 and allowed in user ids) stays as is.
 * Values of the validated alphabets (user ids, userSig's `A-Za-z0-9*-_`) therefore pass unchanged —
 * byte-identical to trtc-wx-sdk, which does not encode — while string room ids with `&`, `=`, `#`, `%`,
 * `+` or spaces cannot break the URL.
 */
export function encodeQueryValue(value: string | number): string {
  return encodeURIComponent(String(value)).replace(/%40/g, '@')
}

export function buildQuery(params: Array<[string, string | number]>): string {
  return params.map(([key, value]) => `${key}=${encodeQueryValue(value)}`).join('&')
}

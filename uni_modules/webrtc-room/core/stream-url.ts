/**
 * Big / small stream in a mini-program play URL: the member notifications deliver
 * `room://…&streamtype=main`; the small stream is the same URL with `streamtype=small` (PROTOCOL.md §9,
 * trtc-wx-sdk's switchStreamType — which replaces the first "main" anywhere; we touch the parameter only).
 */
const MAIN = /([?&]streamtype=)main(?=&|$)/
const SMALL = /([?&]streamtype=)small(?=&|$)/

/** The URL that plays the small (`small`) or the big stream; a URL without the parameter is returned as is. */
export function streamURL(url: string, small: boolean): string {
  return small ? url.replace(MAIN, '$1small') : url.replace(SMALL, '$1main')
}

/** Whether the small stream can be asked for: H5 (no URL: the SDK switches) or a URL with `streamtype=`. */
export function canPlaySmall(url: string): boolean {
  return url === '' || MAIN.test(url) || SMALL.test(url)
}

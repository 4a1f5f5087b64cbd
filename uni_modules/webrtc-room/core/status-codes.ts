/**
 * The original component's success/status codes, kept on status events (`{tag: 'status', code}`).
 * One `const` each and `RoomStatusCode` assembled from them, for the reason error-codes.ts gives: inside the
 * one-module runtime a constant minifies to a short name, a property keeps its name in every use.
 */
export const PUSH_OK = 10
export const JOINED = 11
export const MEMBER_LIST = 12
export const NETWORK_CHANGE = 13
export const PUSHER_LOADING = 14
export const PUSHER_PLAYING = 15
export const PLAYER_LOADING = 16
export const PLAYER_PLAYING = 17
export const PLAYER_DISCONNECTED = 18
export const LEFT = 19

/** Every status code by name (public API: `RoomStatusCode.JOINED`). */
export const RoomStatusCode = {
  PUSH_OK, JOINED, MEMBER_LIST, NETWORK_CHANGE, PUSHER_LOADING, PUSHER_PLAYING, PLAYER_LOADING, PLAYER_PLAYING,
  PLAYER_DISCONNECTED, LEFT,
} as const

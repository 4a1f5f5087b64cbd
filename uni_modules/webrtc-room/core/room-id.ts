/**
 * The numeric roomID range, shared by the client (core/options.ts) and the server signer (src/):
 * TRTC's numeric rooms are 1 … 4294967294 (2^32 − 2; 4294967295 is reserved). One constant, so the
 * server never signs a room the client refuses. Pure data: the signer package compiles this file.
 */
export const ROOM_ID_MIN = 1
export const ROOM_ID_MAX = 4294967294

/** Bounds shared by the generators, the verifiers, the CLI and the HTTP service. */
import { ROOM_ID_MAX } from '../uni_modules/webrtc-room/core/room-id'

/** TRTC and IM: "userID up to 32 bytes". Counted in UTF-8 bytes, as the services count them. */
export const MAX_USER_ID_BYTES = 32
/** TRTC string room ids: up to 64 bytes. */
export const MAX_STR_ROOM_ID_LENGTH = 64
/**
 * Largest numeric room id TRTC accepts (2^32 − 2): the client plugin's own constant, so the server
 * never signs a room the client refuses. The privateMapKey record itself stores a u32.
 */
export const MAX_ROOM_ID: number = ROOM_ID_MAX
export const MAX_SDKAPPID = 0xffffffff
/** expire is a signed 32-bit count of seconds in Tencent's verifiers; more than ~68 years makes no sense. */
export const MAX_EXPIRE_SECONDS = 0x7fffffff
/** The eight privilege bits of a privateMapKey (1 create … 128 receive aux video); 255 = all. */
export const ALL_PRIVILEGES = 0xff
/** A decoded signature larger than this is not one (guards the inflate against zip bombs). */
export const MAX_SIG_CHARS = 16 * 1024
export const MAX_INFLATED_BYTES = 64 * 1024
/** Defaults of the official signers: userSig 180 days (tls-sig-api), privateMapKey v1 300 s (the 2018 PHP sample). */
export const DEFAULT_USERSIG_V1_EXPIRE = 180 * 24 * 3600
export const DEFAULT_PRIVATE_MAP_KEY_V1_EXPIRE = 300
/** Lifetime the sign service and the cloud function issue: a minute to 30 days (long-lived credentials in a client are a liability). */
export const MIN_ISSUED_EXPIRE = 60
export const MAX_ISSUED_EXPIRE = 30 * 86400
export const DEFAULT_ISSUED_EXPIRE = 86400

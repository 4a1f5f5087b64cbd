/**
 * Every failure of the signer is a SignError with a stable `code`, so callers (CLI, HTTP service,
 * apps) can map it without parsing messages. Messages never contain key material.
 */
export type SignErrorCode =
  | 'INVALID_USER_ID'
  | 'INVALID_SDKAPPID'
  | 'INVALID_EXPIRE'
  | 'INVALID_KEY'
  | 'INVALID_PRIVILEGE'
  | 'INVALID_ROOM_ID'
  | 'INVALID_USERBUF'
  | 'MALFORMED_SIG'

export class SignError extends Error {
  readonly code: SignErrorCode
  constructor(code: SignErrorCode, message: string) {
    super(message)
    this.name = 'SignError'
    this.code = code
  }
}

/** A 4xx/5xx answer with a stable code, sent as `{"error": {"code", "message"}}` (what the demo's sign client reads). */
export type HttpErrorCode =
  | 'BAD_JSON'
  | 'BAD_REQUEST'
  | 'BODY_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INVALID_USER_ID'
  | 'INVALID_ROOM_ID'
  | 'INVALID_PRIVILEGE'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN_ORIGIN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'RATE_LIMITED'
  | 'INTERNAL'

export class HttpError extends Error {
  readonly status: number
  readonly code: HttpErrorCode
  readonly headers: Record<string, string>
  constructor(status: number, code: HttpErrorCode, message: string, headers: Record<string, string> = {}) {
    super(message)
    this.name = 'HttpError'
    this.status = status
    this.code = code
    this.headers = headers
  }
}

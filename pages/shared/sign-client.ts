/**
 * Client of the demo sign service (`npm run sign-server`, src/): POST {base}/api/usersig.
 * The HTTP call is injected (uni.request in the app, a fake in tests), so the parsing and the
 * error mapping below are plain functions.
 */

export interface SignRequest {
  userID: string
  roomID: number
  /** privateMapKey privilege bitmap; 255 = all (PROTOCOL.md 6). */
  privilege?: number
}

export interface SignResult {
  sdkAppID: number
  userID: string
  userSig: string
  privateMapKey?: string
  /** Unix seconds. */
  expireAt: number
}

export type SignErrorKind = 'network' | 'http' | 'bad_response' | 'sdkappid_mismatch'

/** A failure the enter page shows in full: what went wrong and, for HTTP errors, the service's own words. */
export class SignServiceError extends Error {
  readonly kind: SignErrorKind
  readonly status?: number
  readonly code?: string
  constructor(kind: SignErrorKind, message: string, extra: { status?: number; code?: string } = {}) {
    super(message)
    this.name = 'SignServiceError'
    this.kind = kind
    this.status = extra.status
    this.code = extra.code
  }
}

export interface HttpPost {
  (url: string, body: unknown, headers?: Record<string, string>): Promise<{ statusCode: number; data: unknown }>
}

export const DEFAULT_SIGN_BASE_URL = 'http://127.0.0.1:8787'

export function signEndpoint(baseURL: string): string {
  return `${baseURL.replace(/\/+$/, '')}/api/usersig`
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** uni.request hands over text when the body is not JSON; accept both. */
function asObject(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data)
  } catch {
    return data
  }
}

/** Turns the service's answer into a SignResult, or throws a SignServiceError that says why. */
export function parseSignResponse(statusCode: number, rawData: unknown): SignResult {
  const data = asObject(rawData)
  if (statusCode < 200 || statusCode >= 300) {
    const error = isRecord(data) && isRecord(data.error) ? data.error : null
    const code = error && error.code !== undefined ? String(error.code) : undefined
    const message = error && typeof error.message === 'string' ? error.message : `HTTP ${statusCode}`
    throw new SignServiceError('http', message, { status: statusCode, code })
  }
  if (!isRecord(data)) throw new SignServiceError('bad_response', 'the sign service did not answer with JSON')
  const sdkAppID = Number(data.sdkAppID)
  const { userID, userSig, privateMapKey } = data
  const expireAt = Number(data.expireAt)
  if (!Number.isInteger(sdkAppID) || sdkAppID <= 0) throw new SignServiceError('bad_response', 'sdkAppID missing in the answer')
  if (typeof userID !== 'string' || !userID) throw new SignServiceError('bad_response', 'userID missing in the answer')
  if (typeof userSig !== 'string' || !userSig) throw new SignServiceError('bad_response', 'userSig missing in the answer')
  if (!Number.isFinite(expireAt)) throw new SignServiceError('bad_response', 'expireAt missing in the answer')
  return {
    sdkAppID,
    userID,
    userSig,
    privateMapKey: typeof privateMapKey === 'string' && privateMapKey ? privateMapKey : undefined,
    expireAt,
  }
}

/**
 * Asks the sign service for a userSig (+ privateMapKey for the room). When the form named an
 * sdkAppID, the service must sign for that one: a mismatch would only fail later inside TRTC.
 * `accessToken`: the service's ACCESS_TOKEN when it requires one (sent as a bearer token).
 */
export async function requestSignature(
  post: HttpPost,
  baseURL: string,
  req: SignRequest,
  expectedSdkAppID: number | null = null,
  accessToken: string | null = null,
): Promise<SignResult> {
  const url = signEndpoint(baseURL)
  const headers = accessToken ? { authorization: `Bearer ${accessToken}` } : undefined
  let response: { statusCode: number; data: unknown }
  try {
    response = await post(url, { userID: req.userID, roomID: req.roomID, privilege: req.privilege ?? 255 }, headers)
  } catch (err) {
    const reason = err instanceof Error ? err.message : isRecord(err) && typeof err.errMsg === 'string' ? err.errMsg : String(err)
    // uni says only 'request:fail' on H5: the address is what the user needs to check.
    throw new SignServiceError('network', `POST ${url}: ${reason}`)
  }
  const result = parseSignResponse(response.statusCode, response.data)
  if (expectedSdkAppID !== null && result.sdkAppID !== expectedSdkAppID) {
    throw new SignServiceError('sdkappid_mismatch', `the sign service signs for sdkAppID ${result.sdkAppID}, not ${expectedSdkAppID}`)
  }
  if (result.userID !== req.userID) {
    throw new SignServiceError('bad_response', `the sign service signed for userID ${result.userID}, not ${req.userID}`)
  }
  return result
}

/**
 * The demo's other way to get a userSig: the uniCloud cloud function `webrtc-room-sign` (shipped in
 * uni_modules/webrtc-room/uniCloud/cloudfunctions/) instead of the Node sign service. It answers
 * `{errCode: 0, …}` or `{errCode, errMsg}`; `cloudPost` turns that into the HttpPost shape, so
 * requestSignature's checks (sdkAppID, userID) and error display apply unchanged:
 *
 *   requestSignature(cloudPost(uniCloudCall), CLOUD_SIGN_BASE, { userID, roomID }, sdkAppID)
 */
import type { HttpPost } from './sign-client'

export const SIGN_FUNCTION_NAME = 'webrtc-room-sign'
/** Stands in for the service's base URL in messages ("POST uniCloud:webrtc-room-sign/api/usersig: …"). */
export const CLOUD_SIGN_BASE = `uniCloud:${SIGN_FUNCTION_NAME}`

/** uniCloud.callFunction's shape (injected: tests run the real function's handler instead). */
export type CallFunction = (options: { name: string; data: Record<string, unknown> }) => Promise<{ result: unknown }>

/** The function's errCodes as the HTTP statuses the sign client already knows how to show. */
const STATUS: Record<string, number> = { UNAUTHORIZED: 401, FORBIDDEN_USER_ID: 403, CONFIG: 500, INTERNAL: 500 }

export function cloudPost(callFunction: CallFunction, name = SIGN_FUNCTION_NAME): HttpPost {
  return async (_url, body) => {
    const { result } = await callFunction({ name, data: body as Record<string, unknown> })
    const answer = (typeof result === 'object' && result !== null ? result : {}) as Record<string, unknown>
    if (answer.errCode === 0) return { statusCode: 200, data: answer }
    const code = typeof answer.errCode === 'string' ? answer.errCode : 'BAD_RESPONSE'
    const message = typeof answer.errMsg === 'string' ? answer.errMsg : `${name} answered without errCode 0`
    return { statusCode: STATUS[code] ?? 400, data: { error: { code, message } } }
  }
}

/** The real uniCloud client (only in a project bound to a uniCloud service space). */
export const uniCloudCall: CallFunction = (options) => uniCloud.callFunction(options) as Promise<{ result: unknown }>

/**
 * The uniCloud cloud function `webrtc-room-sign`: `uniCloud.callFunction({name: 'webrtc-room-sign',
 * data: {userID, roomID?|strRoomID?, privilege?}})` → `{errCode: 0, sdkAppID, userID, userSig,
 * expire, expireAt, privateMapKey?}`, or `{errCode: '<CODE>', errMsg}`. Same validation and
 * signing as the HTTP service (src/server/sign-request.ts); the secret comes from the function's
 * configuration (cloud-config.ts), never from the client.
 */
import { createV2Signer, type V2Signer } from '../usersig-v2'
import { HttpError } from '../server/http-error'
import { parseSignRequest, signRequest } from '../server/sign-request'
import { CloudConfigError, type CloudSignConfig } from './cloud-config'

export interface CloudSignSuccess {
  errCode: 0
  sdkAppID: number
  userID: string
  userSig: string
  /** Lifetime in seconds of userSig (and privateMapKey). */
  expire: number
  /** Unix seconds. */
  expireAt: number
  privateMapKey?: string
}

export interface CloudSignFailure {
  errCode: string
  errMsg: string
}

export type CloudSignResult = CloudSignSuccess | CloudSignFailure

/** What uni-id-common's `createInstance({context}).checkToken(token)` resolves to (the part used here). */
export interface TokenCheck {
  errCode?: unknown
  errMsg?: unknown
  uid?: unknown
}

export interface SignFunctionDeps {
  /** Reads the configuration (throws CloudConfigError); called until it succeeds once. */
  loadConfig(): CloudSignConfig
  /** For `userIDFrom: 'uni-id'`: checks the caller's uni-id token. */
  checkToken?(token: string, context: unknown): Promise<TokenCheck>
  /** Where failures are reported for the developer (uniCloud's log); never with the secret. */
  logError?(message: string): void
}

const fail = (errCode: string, errMsg: string): CloudSignFailure => ({ errCode, errMsg })
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

export function createSignFunction(deps: SignFunctionDeps): (event: unknown, context?: unknown) => Promise<CloudSignResult> {
  let ready: { config: CloudSignConfig; signer: V2Signer } | null = null

  /** The userID to sign for: the logged-in uni-id user, or (demo) the one the caller names. */
  async function callerUserID(config: CloudSignConfig, event: Record<string, unknown>, context: unknown): Promise<string | CloudSignFailure> {
    if (config.userIDFrom !== 'uni-id') return event.userID as string
    const token = event.uniIdToken
    if (typeof token !== 'string' || !token) return fail('UNAUTHORIZED', 'log in first: no uni-id token came with the call')
    if (!deps.checkToken) return fail('CONFIG', 'userIDFrom "uni-id" needs the uni-id-common module (add it to the function\'s dependencies)')
    const checked = await deps.checkToken(token, context)
    if (checked.errCode || typeof checked.uid !== 'string' || !checked.uid) return fail('UNAUTHORIZED', `the uni-id token was refused (${String(checked.errCode ?? 'no uid')})`)
    if (event.userID !== undefined && event.userID !== checked.uid) return fail('FORBIDDEN_USER_ID', 'a user can only get a signature for their own userID')
    return checked.uid
  }

  return async (event, context) => {
    if (!ready) {
      try {
        const config = deps.loadConfig()
        ready = { config, signer: createV2Signer({ sdkAppID: config.sdkAppID, secretKey: config.secretKey }) }
      } catch (err) {
        const message = err instanceof CloudConfigError ? err.message : 'the configuration could not be read'
        deps.logError?.(`webrtc-room-sign: ${message}`)
        return fail('CONFIG', 'the sign function is not configured; see its log and README')
      }
    }
    const { config, signer } = ready
    if (!isRecord(event)) return fail('BAD_REQUEST', 'call it with data like {userID: "alice", roomID: 1234}')
    const userID = await callerUserID(config, event, context)
    if (typeof userID === 'object') return userID
    try {
      const request = parseSignRequest({ userID, roomID: event.roomID, strRoomID: event.strRoomID, privilege: event.privilege })
      const signed = signRequest(signer, request, config.expire)
      return { errCode: 0, sdkAppID: config.sdkAppID, userID: request.userID, userSig: signed.userSig, expire: config.expire, expireAt: signed.expireAt, ...(signed.privateMapKey ? { privateMapKey: signed.privateMapKey } : {}) }
    } catch (err) {
      if (err instanceof HttpError) return fail(err.code, err.message)
      deps.logError?.(`webrtc-room-sign: unexpected failure: ${err instanceof Error ? err.message : String(err)}`)
      return fail('INTERNAL', 'the sign function failed; see its log')
    }
  }
}

/**
 * A signature for the validated form, from the sign service the user chose: the enter page asks on
 * "Enter room", the room page again on Retry when the first one has expired.
 */
import type { EnterParams } from '../index/form'
import { requestSignature, type SignResult } from './sign-client'
import { uniPost } from './uni-http'

export function signFor(params: EnterParams): Promise<SignResult> {
  return requestSignature(uniPost, params.signBaseURL, { userID: params.userID, roomID: params.roomID }, params.sdkAppID, params.signToken)
}

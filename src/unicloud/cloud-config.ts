/**
 * Configuration of the `webrtc-room-sign` cloud function. The usual uniCloud place is the
 * uni-config-center plugin: `uniCloud/cloudfunctions/common/uni-config-center/webrtc-room-sign/config.json`
 * `{"sdkAppID": 1400000001, "secretKey": "…", "expire": 86400, "userIDFrom": "uni-id"}`. Without it,
 * the environment variables TRTC_SDKAPPID / TRTC_SECRETKEY (/ USERSIG_EXPIRE) are read.
 */
import { assertSdkAppID, assertSecretKey } from '../validate'
import { DEFAULT_ISSUED_EXPIRE, MAX_ISSUED_EXPIRE, MIN_ISSUED_EXPIRE } from '../limits'

export const CONFIG_ID = 'webrtc-room-sign'

export interface CloudSignConfig {
  sdkAppID: number
  secretKey: string
  /** Lifetime of every userSig / privateMapKey, seconds (60 … 30 days; default 86400). */
  expire: number
  /**
   * Who the caller is. 'uni-id': the user logged in with uni-id (production). 'event': the userID
   * the caller sends, validated only (the demo; anyone may then sign as anyone).
   */
  userIDFrom: 'event' | 'uni-id'
}

export class CloudConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CloudConfigError'
  }
}

/** uni-config-center's factory: `require('uni-config-center')({pluginId}).config()` is config.json. */
export type ConfigCenter = (options: { pluginId: string }) => { config(): unknown }

type Env = Record<string, string | undefined>

function fromEnv(env: Env): Record<string, unknown> {
  const number = (text: string | undefined) => (text?.trim() ? Number(text.trim()) : undefined)
  return { sdkAppID: number(env.TRTC_SDKAPPID), secretKey: env.TRTC_SECRETKEY?.trim(), expire: number(env.USERSIG_EXPIRE), userIDFrom: env.USERSIG_USER_ID_FROM?.trim() || undefined }
}

export function loadCloudConfig(env: Env, configCenter?: ConfigCenter): CloudSignConfig {
  const fromCenter = configCenter?.({ pluginId: CONFIG_ID }).config()
  const centerHasIt = typeof fromCenter === 'object' && fromCenter !== null && 'secretKey' in fromCenter
  const raw = (centerHasIt ? fromCenter : fromEnv(env)) as Record<string, unknown>
  const where = centerHasIt ? `uni-config-center/${CONFIG_ID}/config.json` : 'the environment (TRTC_SDKAPPID, TRTC_SECRETKEY)'
  if (raw.secretKey === undefined || raw.sdkAppID === undefined) {
    throw new CloudConfigError(`no sdkAppID / secretKey: put {"sdkAppID": …, "secretKey": "…"} in uniCloud/cloudfunctions/common/uni-config-center/${CONFIG_ID}/config.json, or set TRTC_SDKAPPID and TRTC_SECRETKEY`)
  }
  try {
    assertSdkAppID(raw.sdkAppID)
    assertSecretKey(raw.secretKey)
  } catch (err) {
    throw new CloudConfigError(`${where}: ${(err as Error).message}`)
  }
  const expire = raw.expire ?? DEFAULT_ISSUED_EXPIRE
  if (typeof expire !== 'number' || !Number.isInteger(expire) || expire < MIN_ISSUED_EXPIRE || expire > MAX_ISSUED_EXPIRE) {
    throw new CloudConfigError(`${where}: expire must be a whole number of seconds from ${MIN_ISSUED_EXPIRE} to ${MAX_ISSUED_EXPIRE}`)
  }
  const userIDFrom = raw.userIDFrom ?? 'event'
  if (userIDFrom !== 'event' && userIDFrom !== 'uni-id') throw new CloudConfigError(`${where}: userIDFrom must be "uni-id" or "event"`)
  return { sdkAppID: raw.sdkAppID, secretKey: raw.secretKey, expire, userIDFrom }
}

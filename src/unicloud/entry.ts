/**
 * Entry of the generated cloud function (uni_modules/webrtc-room/uniCloud/cloudfunctions/
 * webrtc-room-sign/index.js, built by `npm run build:cloud-function`): `exports.main`, with the
 * optional uniCloud modules looked up at run time.
 */
import { createSignFunction, type TokenCheck } from './sign-function'
import { loadCloudConfig, type ConfigCenter } from './cloud-config'

/** A uniCloud common module when the function depends on it, else undefined. */
function optional<T>(load: () => T, name: string): T | undefined {
  try {
    return load()
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && (err as Error).message.includes(`'${name}'`)) return undefined
    throw err
  }
}

interface UniIdCommon {
  createInstance(options: { context: unknown }): { checkToken(token: string): Promise<TokenCheck> }
}

export const main = createSignFunction({
  loadConfig: () => loadCloudConfig(process.env, optional<ConfigCenter>(() => require('uni-config-center'), 'uni-config-center')),
  checkToken: async (token, context) => {
    const uniId = optional<UniIdCommon>(() => require('uni-id-common'), 'uni-id-common')
    if (!uniId) return { errCode: 'uni-id-common is not a dependency of this function' }
    return uniId.createInstance({ context }).checkToken(token)
  },
  logError: (message) => console.error(message),
})

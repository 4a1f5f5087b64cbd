/** The only door from the plugin to `uni`: the Platform adapter, native contexts and the settings guide. */
export { createUniPlatform, buildPlatformName, authorizeScope } from './uni-platform'
export type { UniPlatformOptions } from './uni-platform'
export { createPusherContext, createPlayerContext } from './native-context'
export { guideToSettings, guideText } from './permission-guide'
export type { GuideOutcome, GuideLang } from './permission-guide'
export { redactSecrets, maskSecret } from './redact'

/**
 * The opt-in live scene of webrtc-room (直播 + 连麦): the `scene` / `role` props, co-hosting by a role
 * change in the room (permissions, the engine's switchRole, the 50-anchor limit), anchors-only
 * layouts, `anchorsOf` and `createCoHost`. An app with live rooms imports it once, in main.ts:
 *
 *     import '@/uni_modules/webrtc-room/live'
 *
 * Without it a room is rtc only: `scene: 'live'` or a `role` gives one `error` room-event
 * (INVALID_PROP, naming this import) and the room does not enter — never a silent rtc fallback, in
 * which an audience would publish. Apps with rtc rooms only ship none of these bytes.
 *
 * Co-hosting signalling (`createCoHost`) also needs IM: the `im` entry and `enableIM`.
 */
// The short messages of the -906xx codes only this entry emits.
import './code-summary'
import { installLiveScene } from '../core/live-role'
import { LIVE_SCENE } from './scene'

installLiveScene(LIVE_SCENE)

export { anchorsOf, anchorCount, checkLive, isAnchor, MAX_ANCHORS } from './scene'
export { createCoHost, parseCoHostMessage, COHOST_BUSINESS_ID, COHOST_VERSION, COHOST_TIMEOUT_MS } from './cohost'
export type { CoHost, CoHostOptions, CoHostMessage, CoHostMessageType } from './cohost'
export type { CoHostEvent, CoHostRequest, CoHostState } from '../im/types'

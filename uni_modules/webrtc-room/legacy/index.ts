/**
 * The opt-in legacy enter flow of webrtc-room, for WeChat clients older than 7.0.8 (iOS 7.0.9) or base
 * library < 2.10.0: the 2018 room-signature request, then the signed `room://` URL. An app that must
 * still reach such clients imports it once, in main.ts:
 *
 *     import '@/uni_modules/webrtc-room/legacy'
 *
 * Without it `enterMode: 'auto'` enters modern clients as before, and an old client (or
 * `enterMode: 'legacy'`) gets one `error` room-event naming this import — apps that never serve old
 * clients ship none of these bytes.
 */
import { LEGACY_ROOM, installLegacyRoom, installLegacyFlow, requestSignedURL } from '../lib/runtime'
import { uniRequest } from '../platform/uni-request'

// The platform's own HTTP when it has one (tests, custom platforms), else uni.request.
installLegacyFlow((platform, options) => requestSignedURL(platform, options, platform.request ?? uniRequest))
// The reducer's legacy part: the room signature's answer, members by the full list (1020).
installLegacyRoom(LEGACY_ROOM)

export { buildLegacyPushURL, buildRoomSigRequest, parseRoomSigResponse, requestSignedURL, ROOM_SIG_HOSTS } from '../lib/runtime'
export type { RoomSigResult } from '../lib/runtime'
export { uniRequest } from '../platform/uni-request'

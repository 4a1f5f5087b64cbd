/**
 * The userSig refresh is opt-in, checked on the real mp-weixin builds of the bench apps
 * (bench/bench-apps.ts): `room` (one `<webrtc-room template="grid">`, IM off, no entry) and `headless`
 * ship no refresh module and none of its code; `room-sig` (the same app, main.ts imports
 * '@/uni_modules/webrtc-room/sig-refresh') ships it. The bytes the entry adds are printed, not asserted.
 */
import { describeOptIn } from '../helpers/opt-in-bytes'

describeOptIn({
  what: 'the userSig refresh',
  variant: 'room-sig',
  modules: ['sig-refresh/index.js', 'core/sig-refresh.js'],
  // Its failure texts, its reconnecting reason, the seam's installer.
  markers: ['sign a new userSig', 'answered no userSig', 'reason:"usersig"', 'installSigRefresh'],
})

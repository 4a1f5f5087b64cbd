/**
 * The opt-in per-member media choices of webrtc-room: mute one member's audio or video for this
 * client (`muteMemberAudio` / `muteMemberVideo`), pick its big or small stream (`setMemberStream`),
 * and `enableSmallStream`'s small-stream playback ('auto': the grid / bigsmall templates play small
 * above 4 tiles). An app that uses any of them imports it once, in main.ts:
 *
 *     import '@/uni_modules/webrtc-room/member-media'
 *
 * Without it each of those calls is one `warning` room-event naming this import and changes
 * nothing; `enableSmallStream: true` is one `warning` and counts as false (no small stream is
 * published, everyone plays big). `playMember` / `stopMember` need no entry.
 */
import { installMemberMedia, chooseMemberMedia, settlePlayback, streamURL } from '../lib/runtime'

installMemberMedia({ choose: chooseMemberMedia, settle: settlePlayback, smallURL: (url) => streamURL(url, true) })

/**
 * The opt-in userSig refresh of webrtc-room. An app that passes `getUserSig` (the prop, or the
 * createRoom option) imports it once, in main.ts:
 *
 *     import '@/uni_modules/webrtc-room/sig-refresh'
 *
 * Then a userSig that TRTC (-100018, a legacy room signature's 700xx) or IM (login 70001, kicked out
 * `userSigExpired`) refuses is replaced by asking `getUserSig`: the room re-enters / IM logs in again
 * and keeps its messages, the user's choices and the event log. Without it those end in `error`
 * -90200 (-90201 for an invalid userSig) as without `getUserSig`, and a `getUserSig` given anyway
 * gets one `warning` (-90001) at start naming this import.
 */
import { installSigRefresh, createSigRefresh, enterFailed, refreshed, roomSigRefused } from '../lib/runtime'

installSigRefresh({ enterFailed, roomSigRefused, refreshed, create: createSigRefresh })

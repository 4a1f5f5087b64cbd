/**
 * The `<webrtc-room>` props both room pages take from the session the enter page left: identity,
 * signature, room, IM, beauty, aspect, autoplay. Each page adds its own template and live toggles
 * (`v-bind="sessionRoomProps(session)"` plus `:muted`, `:enable-camera`, `:lang` ...).
 */
import type { RoomSession } from './session'

export function sessionRoomProps(session: RoomSession) {
  return {
    sdkAppID: session.sign.sdkAppID,
    userID: session.params.userID,
    userSig: session.sign.userSig,
    privateMapKey: session.sign.privateMapKey,
    roomID: session.params.roomID,
    enableIM: session.params.enableIM,
    beauty: session.params.beauty,
    aspect: session.params.aspect,
    autoplay: true,
  }
}

/**
 * Where the opt-in IM entry plugs in.
 *
 * The room core never imports an IM SDK: on mp-weixin even a dynamic `import()` is bundled into
 * `common/vendor.js`, so the only way for an app without IM to ship 0 IM bytes is that nothing it
 * imports reaches tim-wx-sdk. An app that wants IM imports the plugin's IM entry once (main.ts),
 * which calls `registerIM(factory)`. A room with `enableIM` and no registered factory fails with
 * `IM_NOT_INSTALLED`, telling the developer what to import.
 */
import { installImLink } from './im-link'
import { createImLink } from './room-im'
import type { ImEvent, Platform } from './types'

export interface ImRoomParams {
  /** Room instance key: IM state in the IM store is kept per room. */
  roomKey: string
  sdkAppID: number
  userID: string
  userSig: string
  /** The room's group id: `String(roomID)`. */
  groupID: string
  groupType: 'AVChatRoom' | 'ChatRoom' | 'Public' | 'Meeting'
  /** Nick: userName || userID. */
  nick: string
}

export interface CustomMsgInput {
  data: string
  ext?: string
  desc?: string
}

/** One room's IM session: created by the registered factory on `start()` with enableIM. */
export interface ImSession {
  /** Login, wait until ready, create/join the room's group. Rejects with a WebrtcRoomError. */
  start(): Promise<void>
  /** Quit the group, logout, remove every listener. Idempotent; safe during a pending start. */
  stop(): Promise<void>
  sendC2CTextMsg(receiveUser: string, msg: string): Promise<unknown>
  sendC2CCustomMsg(receiveUser: string, msg: CustomMsgInput): Promise<unknown>
  sendGroupTextMsg(msg: string): Promise<unknown>
  sendGroupCustomMsg(msg: CustomMsgInput): Promise<unknown>
  /** Every im-event of this session. Returns an unsubscribe function. */
  on(handler: (event: ImEvent) => void): () => void
}

export type ImFactory = (params: ImRoomParams, platform?: Platform) => ImSession

let registered: ImFactory | null = null

/** Called by the plugin's IM entry (`uni_modules/webrtc-room/im`), once, from the app. */
export function registerIM(factory: ImFactory): void {
  registered = factory
  installImLink((host) => createImLink(host, getIMFactory))
}

/** For tests and apps that switch IM off again. */
export function unregisterIM(): void {
  registered = null
  installImLink(undefined)
}

export function getIMFactory(): ImFactory | null {
  return registered
}

/**
 * The subset of tim-wx-sdk 2.27.6 this plugin uses, typed by hand (the package ships no typings).
 *
 * Names and shapes were read from the package itself (`node_modules/tim-wx-sdk/tim-wx.js`): event
 * names are the values of `TIM.EVENT`, string constants the values of `TIM.TYPES`. Only what the IM
 * session touches is declared, so a reader can see the whole SDK surface we depend on in one page.
 */

/** The values of `TIM.EVENT` we subscribe to. */
export interface TimEventNames {
  SDK_READY: string
  SDK_NOT_READY: string
  SDK_DESTROY: string
  MESSAGE_RECEIVED: string
  NET_STATE_CHANGE: string
  KICKED_OUT: string
  ERROR: string
}

/** The values of `TIM.TYPES` we read (conversation/group/message types, join status). */
export interface TimTypes {
  CONV_C2C: string
  CONV_GROUP: string
  CONV_SYSTEM: string
  MSG_TEXT: string
  MSG_CUSTOM: string
  MSG_GRP_TIP: string
  MSG_GRP_SYS_NOTICE: string
  GRP_TIP_GRP_PROFILE_UPDATED: number
  JOIN_STATUS_SUCCESS: string
  JOIN_STATUS_ALREADY_IN_GROUP: string
  JOIN_STATUS_WAIT_APPROVAL: string
  [key: string]: string | number
}

/** A tim `Message` (fields we read). `payload` depends on `type`. */
export interface TimMessage {
  ID: string
  type: string
  payload: Record<string, unknown>
  conversationID?: string
  conversationType: string
  to: string
  from: string
  flow: 'in' | 'out'
  /** Seconds since epoch (server time). */
  time: number
  nick?: string
  avatar?: string
  status?: 'unSend' | 'success' | 'fail'
}

/** What tim passes to event handlers: `{ name, data }`. */
export interface TimEvent<D = unknown> {
  name?: string
  data: D
}

/** tim's promise results: `{ code, data }`; rejections are `{ code, message }` objects. */
export interface TimResponse<D = unknown> {
  code?: number
  data: D
}

export interface TimErrorLike {
  code?: number
  message?: string
}

export interface TimInstance {
  login(options: { userID: string; userSig: string }): Promise<TimResponse<{ repeatLogin?: boolean; errorInfo?: string }>>
  logout(): Promise<unknown>
  destroy(): Promise<unknown>
  on(event: string, handler: (event: TimEvent<any>) => void, context?: unknown): void
  off(event: string, handler: (event: TimEvent<any>) => void, context?: unknown): void
  setLogLevel?(level: number): void
  updateMyProfile(options: { nick?: string }): Promise<unknown>
  joinGroup(options: { groupID: string; type?: string }): Promise<TimResponse<{ status: string; group?: unknown }>>
  quitGroup(groupID: string): Promise<unknown>
  createGroup(options: { type: string; groupID: string; name: string }): Promise<unknown>
  /** A message, or (not logged in) a rejected Promise `{code: 2024}` instead: tim's API guard. */
  createTextMessage(options: { to: string; conversationType: string; payload: { text: string } }): TimMessage
  createCustomMessage(options: {
    to: string
    conversationType: string
    payload: { data: string; description: string; extension: string }
  }): TimMessage
  sendMessage(message: TimMessage): Promise<TimResponse<{ message: TimMessage }>>
  /** AVChatRoom online count (tim ≥ 2.8; cached ~60 s by tim). */
  getGroupOnlineMemberCount?(groupID: string): Promise<TimResponse<{ memberCount: number }>>
}

/** The default export of `tim-wx-sdk`. */
export interface TimStatic {
  create(options: { SDKAppID: number }): TimInstance
  EVENT: TimEventNames
  TYPES: TimTypes
  VERSION?: string
}

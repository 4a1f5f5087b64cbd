/**
 * Public IM types: the messages the plugin hands out, the typed `detail` of every im-event tag and
 * the sink through which an IM session writes the IM store.
 *
 * Pure types, no SDK import: the IM store and apps import these without pulling tim-wx-sdk in.
 */
import type { ImEvent } from '../lib/runtime'

export type ImConversationType = 'C2C' | 'GROUP'

/** `received` for incoming messages; outgoing ones go sending → sent | failed. */
export type ImMessageStatus = 'sending' | 'sent' | 'failed' | 'received'

/** text / custom are sendable; `tip` = group tip (member joined, profile changed, ...); `other` = anything else tim delivers. */
export type ImMessageKind = 'text' | 'custom' | 'tip' | 'other'

export interface ImCustomContent {
  data: string
  ext: string
  desc: string
}

/** One chat message as the plugin stores and emits it (plain data, safe for the store and setData). */
export interface ImMessage {
  /** Stable local id: tim's message ID (it exists before the send completes). */
  id: string
  /** `C2C<userID>` or `GROUP<groupID>` (tim's conversation id format). */
  conversationID: string
  conversationType: ImConversationType
  kind: ImMessageKind
  /** tim's element type ('TIMTextElem', 'TIMCustomElem', 'TIMGroupTipElem', ...). */
  timType: string
  from: string
  to: string
  /** Sender nick when tim knows it ('' otherwise). */
  nick: string
  flow: 'in' | 'out'
  /** ms since epoch. */
  time: number
  status: ImMessageStatus
  text?: string
  custom?: ImCustomContent
  /** tim's error code when `status === 'failed'`. */
  errorCode?: number
}

export type ImLoginState = 'logged_out' | 'logging_in' | 'logged_in' | 'failed' | 'kicked_out'

/** tim's `NET_STATE_CHANGE` states, plus 'unknown' before the first one. */
export type ImConnectionState = 'unknown' | 'connected' | 'connecting' | 'disconnected'

// ---------------------------------------------------------------------------------------------
// `detail` per im-event tag

/** `login_event`: code 0 ok, else the tim error code. */
export interface ImLoginDetail {
  userID: string
  message: string
  /** tim resolved `repeatLogin` (another room of this app had already logged in as this user). */
  repeatLogin?: boolean
}

/** `connection_event`: code as the original (-1 init, 0 connected, 1 connecting, 9999 disconnected). */
export interface ImConnectionDetail {
  state: ImConnectionState
}

/** `join_group_event`: code 0 joined, else the tim error code. */
export interface ImJoinGroupDetail {
  groupID: string
  groupType: string
  /** tim's join status ('JoinedSuccess' | 'AlreadyInGroup' | 'WaitAdminApproval') or '' on failure. */
  status: string
  /** true when the plugin created the group first (it did not exist). */
  created: boolean
  message?: string
}

/** `big_group_msg_notify` / `msg_notify`: the new messages, oldest first (code 0). */
export type ImMessagesDetail = ImMessage[]

/** `group_system_notify`: a tim group system notice for the room's group. */
export interface ImGroupSystemDetail {
  groupID: string
  /** tim's `payload.operationType` (e.g. 4 kicked out of group, 5 group dismissed). */
  operationType: number
  operatorID: string
  payload: Record<string, unknown>
}

/** `group_info_change`: the room's group profile changed (tim group tip, operationType 6). */
export interface ImGroupInfoDetail {
  groupID: string
  operatorID: string
  newGroupProfile: Record<string, unknown>
}

/** `kicked_out`: code RoomErrorCode.KICKED_OUT; no automatic re-login. */
export interface ImKickedOutDetail {
  /** tim's `data.type`: 'multipleAccount' | 'multipleDevice' | 'userSigExpired' | 'REST_API_Kick'. */
  reason: string
  message: string
}

/** `error`: code is the plugin's IM code (-903xx); the SDK's code travels in `nativeCode`. */
export interface ImErrorDetail {
  message: string
  nativeCode?: number
}

export interface ImEventDetailMap {
  login_event: ImLoginDetail
  connection_event: ImConnectionDetail
  join_group_event: ImJoinGroupDetail
  big_group_msg_notify: ImMessagesDetail
  msg_notify: ImMessagesDetail
  group_system_notify: ImGroupSystemDetail
  group_info_change: ImGroupInfoDetail
  kicked_out: ImKickedOutDetail
  error: ImErrorDetail
}

/** An im-event whose `detail` type follows from its tag. */
export type TypedImEvent = {
  [T in keyof ImEventDetailMap]: ImEvent<ImEventDetailMap[T]> & { tag: T }
}[keyof ImEventDetailMap]

// ---------------------------------------------------------------------------------------------
// What an IM session writes (the IM store implements it per room; a no-op sink when no Pinia)

export interface ImStateSink {
  begin(info: { userID: string; groupID: string }): void
  setLogin(state: ImLoginState): void
  setConnection(state: ImConnectionState): void
  setJoinedGroup(groupID: string | null): void
  /** Incoming messages (any conversation), oldest first. */
  receive(messages: ImMessage[]): void
  /** An outgoing message in state 'sending'. */
  addOutgoing(message: ImMessage): void
  markSent(id: string, update: { time?: number }): void
  markFailed(id: string, errorCode: number): void
  setError(event: ImEvent<ImErrorDetail> | null): void
  /** AVChatRoom: the group's online count (the live audience), null when unknown. */
  setAudienceCount?(count: number | null): void
}

// ---------------------------------------------------------------------------------------------
// Co-hosting (连麦) over IM: the opt-in `live` entry's `createCoHost` (live/cohost.ts, docs/cohost.md)

/** One co-host request as both sides track it (`requestId` is the sender's, unique per request). */
export interface CoHostRequest {
  requestId: string
  /** The audience member asking to co-host. */
  userID: string
  /** The anchor asked. */
  anchorID: string
  /** ms (IM server time of the request message on the anchor's side, local time on the requester's). */
  createdAt: number
  expiresAt: number
  reason: string
}

/** What the IM store shows of a room's co-hosting (`useImStore().room(key).coHost`). */
export interface CoHostState {
  /** Anchor: requests waiting for an answer, oldest first. */
  requests: CoHostRequest[]
  /** Audience: this user's own request while it waits. */
  outgoing: CoHostRequest | null
  /** Users co-hosting through this client's accepts (anchor), or [self] while this user co-hosts. */
  coHosts: string[]
}

/** Typed co-host events (`coHost.on`): `code` 0, or the warning code (timeout -90606). */
export type CoHostEvent =
  | { type: 'request' | 'accepted' | 'cancelled'; code: 0; request: CoHostRequest }
  | { type: 'rejected'; code: 0; request: CoHostRequest; reason: string }
  | { type: 'timeout'; code: number; request: CoHostRequest }
  /** `userID` stopped co-hosting; `by` who ended it. */
  | { type: 'ended'; code: 0; userID: string; by: string }

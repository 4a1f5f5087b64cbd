/**
 * Public entry of the webrtc-room plugin: the headless controller, the Pinia stores, code lookups,
 * the error codes and every contract type. IM, the live scene, the per-member media choices and the full
 * code texts are NOT reachable from here: an app that wants them imports the plugin's `im` / `live` /
 * `member-media` / `codes` entry once (main.ts),
 * so apps without them ship none of their bytes.
 *
 * @example
 * import { createRoom, useRoomStore } from '@/uni_modules/webrtc-room'
 * const room = createRoom({ sdkAppID, userID, userSig, roomID: 1234, autoplay: true })
 * room.on((e) => console.log(e.tag, e.code, e.detail))
 * await room.start()
 */
// `createRoom(options, platform?, config?)`: this build's platform and engine, the Pinia stores as sink.
export { createRoom } from './room-factory'
export type { CreateRoomConfig } from './room-factory'
// The Pinia-free controller under it, for apps that keep state elsewhere.
export { createController } from './core/room'
export type { ControllerConfig, RoomSink } from './core/room'

// Engines (the seam an H5 / custom engine implements).
export { createLiveTagsEngine } from './engines/mp-weixin/live-tags-engine'
export type { RoomEngine, EngineFactory, EngineSink, EngineEnterParams, EngineEnvironment, EngineStream, NativeEvent } from './core/engine'

// Stores and the controller registry.
export { useRoomStore, roomSink } from './stores/room'
export type { RoomStore } from './stores/room'
export { getController, registerController, unregisterController } from './core/controllers'
export { ROOM_EVENT_LIMIT } from './core/room-state'
export { useMediaCodesStore, RECENT_CODES_LIMIT } from './stores/media-codes'
export type { MediaCodesStore, RecentCode } from './stores/media-codes'
// The IM store is pure state (no SDK): reading it costs no IM bytes; the IM entry fills it.
export { useImStore, IM_MESSAGE_LIMIT } from './stores/im'
export type { ImConversation, RoomImState } from './stores/im'

// Code lookups (level + short message; the full meanings and advice, CODE_TABLES and ALL_CODES are
// the opt-in `codes` entry) and error codes.
export { describeCode, codeMessage, SOURCE_PRIORITY } from './core/codes'
export type { CodeInfo, CodeSummary, CodeAdvice, CodeSource, CodeLevel } from './core/codes'
export { RoomErrorCode, RoomStatusCode, WebrtcRoomError } from './core/error-codes'
export type { RoomErrorCodeName, RoomErrorCodeValue } from './core/error-codes'

// IM seam (types + registration; the tim-wx-sdk implementation is in the opt-in `im` entry).
export { registerIM, unregisterIM, getIMFactory } from './core/im-registry'
export type { ImFactory, ImSession, ImRoomParams, CustomMsgInput } from './core/im-registry'
// Typed im-event details and messages (type-only: no IM bytes in apps without the IM entry).
export type * from './im/types'
// The IM store's conversation ids (tim's `GROUP<groupID>` / `C2C<userID>`; the store already uses them).
export { groupConversationID, c2cConversationID } from './im/map-message'

// Pure helpers apps driving their own tags may want.
export { validateOptions } from './core/options'
export type { ValidOptions, OptionIssue, ValidationResult } from './core/options'
export { buildModernPushURL } from './core/push-url'
export { createUniPlatform } from './platform/uni-platform'
// Native contexts on the component that owns the tag (mp-weixin; null elsewhere).
export { createPusherContext, createPlayerContext } from './platform/uni-platform'
export { LEGAL_TRANSITIONS, isLegalTransition } from './core/room-state'
// Members in join order (self excluded), as the built-in layouts list them.
export { orderedMembers } from './core/room-state'
// H5: the element ids the browser engine plays into (render them when you draw your own layout),
// and this build's engine (the TRTC web engine on H5, null elsewhere).
export { localViewId, remoteViewId } from './core/view-ids'
export { platformEngine } from './room-factory'

// Every contract type.
export type * from './core/types'
export type { EngineAction, ControlAction, RoomAction, Effect } from './core/actions'

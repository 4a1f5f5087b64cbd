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
export { createController } from './lib/runtime'
export type { ControllerConfig, RoomSink } from './lib/runtime'

// Engines (the seam an H5 / custom engine implements).
export { createLiveTagsEngine } from './lib/runtime'
export type { RoomEngine, EngineFactory, EngineSink, EngineEnterParams, EngineEnvironment, EngineStream, NativeEvent } from './lib/runtime'

// Stores and the controller registry.
export { useRoomStore, roomSink } from './lib/runtime'
export type { RoomStore } from './lib/runtime'
export { getController, registerController, unregisterController } from './lib/runtime'
export { ROOM_EVENT_LIMIT } from './lib/runtime'
export { useMediaCodesStore, RECENT_CODES_LIMIT } from './lib/runtime'
export type { MediaCodesStore, RecentCode } from './lib/runtime'
// The IM store is pure state (no SDK): reading it costs no IM bytes; the IM entry fills it.
export { useImStore, IM_MESSAGE_LIMIT } from './lib/runtime'
export type { ImConversation, RoomImState } from './lib/runtime'

// Code lookups (level + short message; the full meanings and advice, CODE_TABLES and ALL_CODES are
// the opt-in `codes` entry) and error codes.
export { describeCode, codeMessage, SOURCE_PRIORITY } from './lib/runtime'
export type { CodeInfo, CodeSummary, CodeAdvice, CodeSource, CodeLevel } from './lib/runtime'
export { RoomErrorCode, RoomStatusCode, WebrtcRoomError } from './lib/runtime'
export type { RoomErrorCodeName, RoomErrorCodeValue } from './lib/runtime'

// IM seam (types + registration; the tim-wx-sdk implementation is in the opt-in `im` entry).
export { registerIM, unregisterIM, getIMFactory } from './lib/runtime'
export type { ImFactory, ImSession, ImRoomParams, CustomMsgInput } from './lib/runtime'
// Typed im-event details and messages (type-only: no IM bytes in apps without the IM entry).
export type * from './im/types'
// The IM store's conversation ids (tim's `GROUP<groupID>` / `C2C<userID>`; the store already uses them).
export { groupConversationID, c2cConversationID } from './im/map-message'

// Pure helpers apps driving their own tags may want.
export { validateOptions } from './lib/runtime'
export type { ValidOptions, OptionIssue, ValidationResult } from './lib/runtime'
export { buildModernPushURL } from './lib/runtime'
export { createUniPlatform } from './lib/runtime'
// Native contexts on the component that owns the tag (mp-weixin; null elsewhere).
export { createPusherContext, createPlayerContext } from './lib/runtime'
export { LEGAL_TRANSITIONS, isLegalTransition } from './lib/runtime'
// Members in join order (self excluded), as the built-in layouts list them.
export { orderedMembers } from './lib/runtime'
// H5: the element ids the browser engine plays into (render them when you draw your own layout),
// and this build's engine (the TRTC web engine on H5, null elsewhere).
export { localViewId, remoteViewId } from './lib/runtime'
export { platformEngine } from './room-factory'

// Every contract type.
export type * from './lib/runtime'
export type { EngineAction, ControlAction, RoomAction, Effect } from './lib/runtime'

/**
 * The one place rooms are made: the public `createRoom` (index.ts) and `<webrtc-room>` both call it.
 * It picks this build's platform and media engine once and hands the controller the Pinia stores as
 * its state sink (room store) and code recorder (media-codes store).
 *
 * @example
 * const room = createRoom({ sdkAppID, userID, userSig, roomID: 1234 })
 * useRoomStore().rooms[room.key].status
 */
import { createPinia, getActivePinia, setActivePinia, type Pinia } from 'pinia'
import { type EngineFactory, createController, type ControllerConfig, type Platform, type RoomController, type RoomOptions, createLiveTagsEngine, useMediaCodesStore, roomSink, useRoomStore, createUniPlatform } from './lib/runtime'
// #ifdef H5
import { createTrtcWebEngineFactory } from './engines/h5/trtc-web-engine'
import { loadTrtc } from './engines/h5/load-trtc'
import { createBrowserEnv } from './platform/h5-browser'
// #endif

export interface CreateRoomConfig extends Partial<Omit<ControllerConfig, 'sink'>> {
  /** Pinia instance; the active one by default (a private one when the app has none). */
  pinia?: Pinia
}

/**
 * The room engine for this build, chosen by uni's conditional compilation: on H5 the TRTC web SDK
 * engine (the SDK itself is loaded lazily, in its own chunk, when a room starts); everywhere else
 * null = the mp-weixin live-pusher / live-player engine. Because the imports sit inside `#ifdef H5`,
 * an mp-weixin build contains no byte of the H5 engine or of trtc-sdk-v5.
 */
export function platformEngine(): EngineFactory | null {
  let factory: EngineFactory | null = null
  // #ifdef H5
  factory = createTrtcWebEngineFactory({ loadSdk: loadTrtc, browser: createBrowserEnv() })
  // #endif
  return factory
}

/** Headless use without `app.use(pinia)`: a private Pinia keeps the stores working. */
function ownPinia(): Pinia {
  const pinia = createPinia()
  setActivePinia(pinia)
  return pinia
}

/**
 * `createRoom(options, platform?, config?)`: without a platform, the uni adapter; without an
 * engine, this build's (H5: the TRTC web SDK engine; mp-weixin: the live-pusher / live-player one).
 */
export function createRoom(options: RoomOptions, platform?: Platform, config: CreateRoomConfig = {}): RoomController {
  const { pinia = getActivePinia() ?? ownPinia(), engine = platformEngine() ?? createLiveTagsEngine, ...rest } = config
  return createController(options, platform ?? createUniPlatform(), {
    ...rest,
    engine,
    sink: { ...roomSink(useRoomStore(pinia)), record: useMediaCodesStore(pinia).record },
  })
}

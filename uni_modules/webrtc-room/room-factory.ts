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
import { createController, type ControllerConfig } from './core/room'
import type { Platform, RoomController, RoomOptions } from './core/types'
import { createLiveTagsEngine } from './engines/mp-weixin/live-tags-engine'
import { platformEngine } from './platform/h5-engine'
import { createUniPlatform } from './platform/uni-platform'
import { useMediaCodesStore } from './stores/media-codes'
import { roomSink, useRoomStore } from './stores/room'

export interface CreateRoomConfig extends Partial<Omit<ControllerConfig, 'sink'>> {
  /** Pinia instance; the active one by default (a private one when the app has none). */
  pinia?: Pinia
}

function resolvePinia(pinia?: Pinia): Pinia {
  if (pinia) return pinia
  const active = getActivePinia()
  if (active) return active
  // Headless use without `app.use(pinia)`: a private Pinia keeps the stores working.
  const own = createPinia()
  setActivePinia(own)
  return own
}

/**
 * `createRoom(options, platform?, config?)`: without a platform, the uni adapter; without an
 * engine, this build's (H5: the TRTC web SDK engine; mp-weixin: the live-pusher / live-player one).
 */
export function createRoom(options: RoomOptions, platform?: Platform, config: CreateRoomConfig = {}): RoomController {
  const pinia = resolvePinia(config.pinia)
  return createController(options, platform ?? createUniPlatform(), {
    key: config.key,
    eventLimit: config.eventLimit,
    engine: config.engine ?? platformEngine() ?? createLiveTagsEngine,
    sink: { ...roomSink(useRoomStore(pinia)), record: useMediaCodesStore(pinia).record },
  })
}

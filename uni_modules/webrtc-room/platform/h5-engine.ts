/**
 * The room engine for this build, chosen by uni's conditional compilation: on H5 the TRTC web SDK
 * engine (the SDK itself is loaded lazily, in its own chunk, when a room starts); everywhere else
 * null = the mp-weixin live-pusher / live-player engine (room-factory.ts). Because the import sits inside `#ifdef H5`,
 * an mp-weixin build contains no byte of the H5 engine or of trtc-sdk-v5.
 *
 * @example
 * createRoom(options, platform, { engine: platformEngine() ?? createLiveTagsEngine })
 */
import type { EngineFactory } from '../core/engine'
// #ifdef H5
import { createTrtcWebEngineFactory } from '../engines/h5/trtc-web-engine'
import { loadTrtc } from '../engines/h5/load-trtc'
import { createBrowserEnv } from './h5-browser'
// #endif

export function platformEngine(): EngineFactory | null {
  let factory: EngineFactory | null = null
  // #ifdef H5
  factory = createTrtcWebEngineFactory({ loadSdk: loadTrtc, browser: createBrowserEnv() })
  // #endif
  return factory
}

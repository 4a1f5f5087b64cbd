/**
 * The opt-in IM entry of webrtc-room: the only module that imports tim-wx-sdk.
 *
 * An app that wants IM imports it once, in main.ts:
 *
 *     import '@/uni_modules/webrtc-room/im'          // registers IM with the defaults
 *     // or, to configure it:
 *     import { enableWebrtcRoomIM } from '@/uni_modules/webrtc-room/im'
 *     enableWebrtcRoomIM({ logLevel: 1, createGroupIfAbsent: true })
 *
 * then sets `enableIM` on `<webrtc-room>`. Why not a lazy `import()` behind `enableIM`: on
 * mp-weixin uni inlines dynamic imports into `common/vendor.js` (~600 KB of tim for every app),
 * see TOOLCHAIN.md. An app that never imports this file ships none of tim-wx-sdk
 * (tests/build/im-bytes.test.ts proves it on the built output).
 */
import TIM from 'tim-wx-sdk'
// The short messages of the IM codes only this entry emits.
import './code-summary'
import { registerIM, unregisterIM, type ImFactory, type ImRoomParams, useImStore } from '../lib/runtime'
import { TimClientPool } from './tim-client-pool'
import { TimSession } from './tim-session'
import type { TimStatic } from './tim-types'
import type { ImStateSink } from './types'

export interface WebrtcRoomIMOptions {
  /** tim-wx-sdk log level: 0 all … 4 none. Default 1 (tim's "release" level). */
  logLevel?: number
  /** Create the room's group when it does not exist yet (default true, as the original did). */
  createGroupIfAbsent?: boolean
  /** ms to wait for tim's SDK_READY after login (default 15000). */
  readyTimeoutMs?: number
  /** Group messages held while the join is still pending (default 500). */
  pendingLimit?: number
}

export interface TimImFactoryOptions extends WebrtcRoomIMOptions {
  /** Where each room's session writes (default: the IM store, when Pinia is active). */
  sinkFor?: (roomKey: string) => ImStateSink | undefined
}

/** The IM store's writer for a room, or none when the app runs without an active Pinia (headless). */
function storeSink(roomKey: string): ImStateSink | undefined {
  try {
    return useImStore().sinkFor(roomKey)
  } catch {
    return undefined
  }
}

const pools = new WeakMap<TimStatic, TimClientPool>()

function poolFor(sdk: TimStatic, options: WebrtcRoomIMOptions): TimClientPool {
  const poolOptions = { logLevel: options.logLevel ?? 1, readyTimeoutMs: options.readyTimeoutMs }
  let pool = pools.get(sdk)
  if (pool) pool.configure(poolOptions)
  else pools.set(sdk, (pool = new TimClientPool(sdk, poolOptions)))
  return pool
}

/** An ImFactory over any tim-compatible SDK object (the real one by default; tests pass a mock). */
export function createTimImFactory(sdk: TimStatic = TIM, options: TimImFactoryOptions = {}): ImFactory {
  const pool = poolFor(sdk, options)
  const sinkFor = options.sinkFor ?? storeSink
  return (params: ImRoomParams) =>
    new TimSession(params, {
      TIM: sdk,
      pool,
      sink: sinkFor(params.roomKey),
      createGroupIfAbsent: options.createGroupIfAbsent,
      pendingLimit: options.pendingLimit,
    })
}

/** Registers tim-wx-sdk as the IM of every `<webrtc-room enableIM>` (importing this module already did, with defaults). */
export function enableWebrtcRoomIM(options: WebrtcRoomIMOptions = {}): void {
  registerIM(createTimImFactory(TIM, options))
}

/** Unregisters IM: rooms started afterwards with enableIM fail with IM_NOT_INSTALLED. */
export function disableWebrtcRoomIM(): void {
  unregisterIM()
}

export { TimSession } from './tim-session'
export { TimClientPool } from './tim-client-pool'
export type * from './types'

enableWebrtcRoomIM()

/**
 * Loads trtc-sdk-v5 on demand. The dynamic import makes vite split the SDK into its own chunk on
 * H5, fetched only when a room starts. It imports the package's ES module build (trtc.esm.js,
 * ~875 KB, modern syntax), not its `main` UMD build (trtc.js, ~1030 KB, ES5): every browser with
 * WebRTC runs ES2017+. This module is reachable only from H5 code
 * (`#ifdef H5` in the engine selector), so the mp-weixin build never sees it.
 */
import type TRTC from 'trtc-sdk-v5'
import type { TrtcClient, TrtcStatic } from './trtc-sdk'

export type TrtcLoader = () => Promise<TrtcStatic>

// Compile-time guard: every method our slice declares exists on the real SDK (a rename in a new
// SDK version fails typecheck here). Signatures are not compared: the SDK types stream types as a
// `const enum` whose runtime values are the plain strings 'main' / 'sub' we pass.
type MissingOnClient = Exclude<keyof TrtcClient, keyof TRTC>
type MissingOnStatic = Exclude<keyof TrtcStatic, keyof typeof TRTC>
const sdkShapeMatches: [MissingOnClient | MissingOnStatic] extends [never] ? true : false = true

export const loadTrtc: TrtcLoader = async () => {
  const mod = await import('trtc-sdk-v5/trtc.esm.js')
  void sdkShapeMatches
  return mod.default as unknown as TrtcStatic
}

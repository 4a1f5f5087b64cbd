/**
 * The seam of the opt-in levels concern — audio volume, speaking, the active speaker and network
 * quality. The `levels` entry installs it (`import '@/uni_modules/webrtc-room/levels'` in main.ts);
 * without it the engines report no level actions and ask the native side for no volume, the reducer
 * drops any that arrive, and every participant keeps `volume` 0, `speaking` false, `quality` 0 with
 * `activeSpeaker` null: no `active_speaker` / `network_quality` events.
 */
import type { EngineAction } from './actions'
import type { NativeEvent } from './engine'
import type { Step } from './reduce-session'

export type LevelAction = Extract<EngineAction, { type: 'audio_volume' | 'network_quality' }>

export interface LevelsConcern {
  /** Reducer: one volume sample or quality level (core/reduce-levels.ts). */
  reduce(step: Step, action: LevelAction): void
  /** Reducer, after every step: who stops speaking, whose quality is unknown again. */
  settle(step: Step): void
  /** mp-weixin engine: the level actions of a native tag event (volume samples, quality from netstatus). */
  native?(event: NativeEvent): LevelAction[]
  /** H5 engine: the level actions of a TRTC web SDK event (audio-volume, network-quality). */
  trtc?(name: string, payload: unknown, selfUserID: string): LevelAction[]
  /** H5 engine: the SDK's volume evaluation interval (ms). */
  volumeInterval?: number
}

/** The installed concern (null: no levels). */
export let levels: LevelsConcern | null = null

export function installLevels(concern: LevelsConcern | null): void {
  levels = concern
}

/** The methods `<webrtc-room>` exposes through a template ref (SPEC 1, "Methods"), as the demo uses them. */
import type { RoomImMethods } from './chat'

export interface RoomMethods extends RoomImMethods {
  /** The room's key in the plugin's stores. */
  readonly roomKey: string
  start(): Promise<void>
  stop(): Promise<void>
  pause(): void
  resume(): void
  switchCamera(): void
}

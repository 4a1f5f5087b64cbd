/**
 * Our side again, one level up: the headless controller `createRoom` (room-factory.ts) as the component
 * uses it — the same translate + reduce, plus writing the Pinia room store (reactive), the event
 * handlers and the engine effects (players started / stopped on fake contexts). This is the cost an
 * app actually pays per notification; core-room.ts isolates the pure core.
 */
import { createPinia } from 'pinia'
import { createFakePlatform } from '../tests/helpers/fake-platform'
import { createLiveTagsEngine } from '../uni_modules/webrtc-room/engines/mp-weixin/live-tags-engine'
import { createRoom } from '../uni_modules/webrtc-room/room-factory'
import type { PlayerContext, PusherContext } from '../uni_modules/webrtc-room/core/types'
import { benchOptions, type BenchRoom } from './core-room'
import { snapshotOfRoom } from './room-snapshot'

const noop = () => {}
const fakeContext = (): PusherContext & PlayerContext =>
  ({ start: noop, stop: noop, pause: noop, resume: noop, switchCamera: noop, play: noop, mute: noop }) as unknown as PusherContext & PlayerContext

let seq = 0

/** A controller that has started (fake platform: preflight passes) and received 1018. */
export async function createControllerRoom(selfID: string): Promise<BenchRoom> {
  const platform = createFakePlatform()
  seq += 1
  const room = createRoom(benchOptions(selfID), platform, { pinia: createPinia(), key: `bench-${seq}`, engine: createLiveTagsEngine })
  room.on(noop) // an app listens to room-event
  room.attachPusher(fakeContext())
  await room.start()
  platform.advance(0)
  room.onPusherStateChange({ code: 1018, message: 'entered room' })
  if (room.status !== 'in_room') throw new Error(`controller bench room did not enter: ${room.status} ${JSON.stringify(room.state.lastError)}`)
  return {
    apply: (detail) => room.onPusherStateChange(detail),
    snapshot: () => snapshotOfRoom(room.state),
    dispose: () => room.stop(),
  }
}

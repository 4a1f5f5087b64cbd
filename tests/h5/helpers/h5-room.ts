/** Test-only: a real controller (core/room.ts) on the H5 engine over a fake SDK, page and platform. */
import { createPinia, setActivePinia } from 'pinia'
import { createRoom } from '../../../uni_modules/webrtc-room/room-factory'
import type { RoomController, RoomEvent, RoomOptions } from '../../../uni_modules/webrtc-room/core/types'
import { createTrtcWebEngineFactory } from '../../../uni_modules/webrtc-room/engines/h5/trtc-web-engine'
import { localViewId, remoteViewId } from '../../../uni_modules/webrtc-room/core/view-ids'
import type { TrtcLoader } from '../../../uni_modules/webrtc-room/engines/h5/load-trtc'
import { createFakeBrowser, type FakeBrowser } from './fake-browser'
import { createFakePlatform, type FakePlatform } from '../../helpers/fake-platform'
import { createFakeTrtc, type FakeTrtc, type FakeTrtcClient } from './fake-trtc'

export const BASE_OPTIONS: RoomOptions = {
  sdkAppID: '1400000001',
  userID: 'me',
  userSig: 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1OKS1VIK8QNQ-',
  roomID: 1234,
  autoplay: true,
}

export interface H5Room {
  room: RoomController
  sdk: FakeTrtc
  browser: FakeBrowser
  platform: FakePlatform
  events: RoomEvent[]
  loads: number
  /** Events with this tag, in order. */
  tagged(tag: string): RoomEvent[]
  mountLocal(): HTMLElement
  mountRemote(userID: string, streamType?: 'main' | 'aux'): HTMLElement
}

let seq = 0

/** Lets the engine's promise chains (SDK load, isSupported, enterRoom ...) run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0))
}

export function createH5Room(options: Partial<RoomOptions> = {}, loader?: (sdk: FakeTrtc) => TrtcLoader): H5Room {
  setActivePinia(createPinia())
  const sdk = createFakeTrtc()
  const browser = createFakeBrowser()
  const platform = createFakePlatform({ name: 'h5' })
  const events: RoomEvent[] = []
  seq += 1
  const key = `h5-room-${seq}`
  const h5: H5Room = {
    sdk,
    browser,
    platform,
    events,
    loads: 0,
    room: null as unknown as RoomController,
    tagged: (tag) => events.filter((e) => e.tag === tag),
    mountLocal: () => browser.mount(localViewId(key)),
    mountRemote: (userID, streamType = 'main') => browser.mount(remoteViewId(key, userID, streamType)),
  }
  const loadSdk: TrtcLoader = loader
    ? loader(sdk)
    : async () => {
        h5.loads += 1
        return sdk
      }
  h5.room = createRoom({ ...BASE_OPTIONS, ...options }, platform, { key, engine: createTrtcWebEngineFactory({ loadSdk, browser }) })
  h5.room.on((event) => events.push(event))
  return h5
}

/** start() and let the engine enter (enterRoom resolves unless the test made it hang or fail). */
export async function startAndEnter(h5: H5Room): Promise<void> {
  await h5.room.start()
  await settle()
}

/** A remote user enters and publishes audio and main video. */
export function joinPublishing(client: FakeTrtcClient, userId: string): void {
  client.emit('remote-user-enter', { userId })
  client.emit('remote-audio-available', { userId })
  client.emit('remote-video-available', { userId, streamType: 'main' })
}

/**
 * trtc-wx-sdk 1.1.15 (Tencent's current mini-program SDK) running in Node, as the reference for the
 * event-cost benchmark. It needs a `wx` global only for players' contexts and its telemetry; with
 * `{env: 'test'}` its logging and telemetry are switched off, so what we time is its member handling.
 */
import { createRequire } from 'node:module'
import { sortStreams, type RoomSnapshot } from './room-snapshot'

interface TrtcPlayerAttributes {
  userID: string
  streamType: string
  streamID: string
  src: string
  hasVideo: unknown
  hasAudio: unknown
}

interface TrtcInstance {
  createPusher(config: Record<string, unknown>): unknown
  enterRoom(params: Record<string, unknown>): unknown
  exitRoom(): unknown
  pusherEventHandler(event: { detail: { code: number; message: string } }): void
  getPlayerList(): TrtcPlayerAttributes[]
  userController: { getUserList(): Array<{ userID: string }> }
}

type TrtcConstructor = new (page: object, options: { env: 'test' }) => TrtcInstance

const fakeContext = () => ({ play() {}, stop() {}, mute() {}, pause() {}, resume() {}, start() {}, switchCamera() {} })

/** The few `wx` APIs trtc-wx-sdk touches on the member path (contexts) and at construction. */
function installFakeWx(): void {
  const g = globalThis as Record<string, unknown>
  if (g.wx) return
  g.wx = {
    createLivePlayerContext: fakeContext,
    createLivePusherContext: fakeContext,
    getSystemInfo: () => {},
    getStorage: () => {},
    getStorageSync: () => '',
    request: () => {},
  }
  if (typeof g.getApp !== 'function') g.getApp = () => ({ globalData: {} })
}

let ctor: TrtcConstructor | null = null

export function loadTrtcWx(): TrtcConstructor {
  if (ctor) return ctor
  installFakeWx()
  // It prints its version with console.info at load; keep the benchmark output to figures.
  const info = console.info
  console.info = () => {}
  try {
    ctor = createRequire(__filename)('trtc-wx-sdk') as TrtcConstructor
  } finally {
    console.info = info
  }
  return ctor
}

/** A trtc-wx-sdk room that has entered (pusher created, URL built) and takes pusher events. */
export function createTrtcWxRoom(selfID: string): TrtcInstance {
  const TRTC = loadTrtcWx()
  const trtc = new TRTC({}, { env: 'test' })
  trtc.createPusher({})
  trtc.enterRoom({ sdkAppID: 1400000001, userID: selfID, userSig: 'test-only-sig', roomID: 1234 })
  return trtc
}

/** trtc-wx-sdk keeps raw 0/1 flags; the snapshot normalizes them to booleans. */
export function snapshotOfTrtcWx(trtc: TrtcInstance): RoomSnapshot {
  return {
    users: trtc.userController.getUserList().map((u) => u.userID),
    streams: sortStreams(
      trtc.getPlayerList().map((p) => ({ key: p.streamID, hasVideo: !!p.hasVideo, hasAudio: !!p.hasAudio, playURL: p.src ?? '' })),
    ),
  }
}

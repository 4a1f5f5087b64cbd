/** trtc-wx-sdk's side of the event-cost benchmark, behind the same tiny interface as ours. */
import type { BenchRoom } from './core-room'
import { createTrtcWxRoom, snapshotOfTrtcWx } from './trtc-wx-oracle'

export function createTrtcWxBenchRoom(selfID: string): BenchRoom {
  const trtc = createTrtcWxRoom(selfID)
  return {
    apply(detail) {
      trtc.pusherEventHandler({ detail: { code: detail.code, message: detail.message ?? '' } })
    },
    snapshot: () => snapshotOfTrtcWx(trtc),
  }
}

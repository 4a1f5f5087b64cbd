/**
 * The live audience count: TRTC announces no audience, so it comes from the room's IM group —
 * `getGroupOnlineMemberCount`, AVChatRoom only, cached by tim for ~60 s (docs/live-scene.md §3).
 * Polled once a minute while the group is joined; null when it cannot be known.
 */
import type { TimInstance } from './tim-types'

export const AUDIENCE_POLL_MS = 60000

/** Starts polling; returns the stop function. `write(null)` once stopped. */
export function pollAudienceCount(tim: TimInstance, groupID: string, write: (count: number | null) => void, intervalMs = AUDIENCE_POLL_MS): () => void {
  let stopped = false
  const ask = () => {
    tim.getGroupOnlineMemberCount!(groupID).then(
      (res) => {
        const count = res?.data?.memberCount
        if (!stopped && typeof count === 'number') write(count)
      },
      () => {}, // a failed poll keeps the last count; the next one retries
    )
  }
  ask()
  const timer = setInterval(ask, intervalMs)
  return () => {
    stopped = true
    clearInterval(timer)
    write(null)
  }
}

/**
 * The live scene (直播 + 连麦), pure: who publishes, the `scene` / `role` props, who is an anchor.
 *
 * TRTC's live scene has anchors (publish, at most 50) and an audience (only watches, invisible to the
 * member notifications). The mini-program has no role parameter: the audience starts the same
 * `appscene=live` pusher with camera and microphone off and co-hosts by turning them on (docs/live-scene.md §1).
 */
import { RoomErrorCode } from './error-codes'
import type { LiveRole, LiveScene, MemberState, RoomOptions, RoomState } from './types'

/** TRTC: "Up to 50 anchors can publish at the same time" (live scene). */
export const MAX_ANCHORS = 50

/** Whether this user publishes: everyone in the rtc scene, anchors in the live scene. */
export function publishes(o: { scene?: unknown; role?: unknown }): boolean {
  return o.scene !== 'live' || o.role !== 'audience'
}

/** `scene` and `role` of raw options, or the problem with them (`role` belongs to the live scene only). */
export function checkLive(raw: RoomOptions, fail: (code: number, prop: string, message: string) => void): { scene: LiveScene; role: LiveRole } {
  const scene = raw.scene == null ? 'rtc' : raw.scene
  if (scene !== 'rtc' && scene !== 'live') {
    fail(RoomErrorCode.INVALID_PROP, 'scene', `scene must be 'rtc' or 'live' (got ${String(raw.scene)})`)
    return { scene: 'rtc', role: 'anchor' }
  }
  const role = raw.role
  if (role == null) return { scene, role: 'anchor' }
  if (role !== 'anchor' && role !== 'audience') {
    fail(RoomErrorCode.INVALID_ROLE, 'role', `role must be 'anchor' or 'audience' (got ${String(role)})`)
  } else if (scene !== 'live') {
    fail(RoomErrorCode.ROLE_NEEDS_LIVE, 'role', `role '${role}' needs scene 'live' (the rtc scene has no roles)`)
  } else {
    return { scene, role }
  }
  return { scene, role: 'anchor' }
}

/** A member is an anchor while it publishes a stream (audio or video); others are audience TRTC happened to announce. */
export function isAnchor(member: MemberState): boolean {
  for (const stream of [member.streams.main, member.streams.aux]) if (stream && (stream.hasVideo || stream.hasAudio)) return true
  return false
}

/** How many members publish now (self excluded). */
export function anchorCount(state: RoomState): number {
  let n = 0
  for (const id of state.memberOrder) if (state.members[id] && isAnchor(state.members[id])) n++
  return n
}

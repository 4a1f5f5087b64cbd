/**
 * The live scene (直播 + 连麦), installed into the core by the `live` entry: the `scene` / `role`
 * props, the in-room role switch and who is an anchor.
 *
 * TRTC's live scene has anchors (publish, at most 50) and an audience (only watches, invisible to the
 * member notifications). The mini-program has no role parameter: the audience starts the same
 * `appscene=live` pusher (core/push-url.ts) with camera and microphone off (core/room-state.ts
 * `publishes`) and co-hosts by turning them on.
 */
import { errorCode, errorText, ANCHOR_LIMIT, INVALID_PROP, INVALID_ROLE, ROLE_NEEDS_LIVE, ROLE_SWITCH_FAILED, type LiveHooks, type OptionIssue, mediaScopes, isActive, orderedMembers, pusherFromOptions, type LiveRole, type LiveScene, type MemberState, type RoomOptions, type RoomState } from '../lib/runtime'

/** TRTC: "Up to 50 anchors can publish at the same time" (live scene). */
export const MAX_ANCHORS = 50

/** `scene` and `role` of raw options, or the problem with them (`role` belongs to the live scene only). */
export function checkLive(raw: RoomOptions, errors: OptionIssue[]): { scene: LiveScene; role: LiveRole } {
  const fail = (code: number, prop: string, message: string) => errors.push({ code, prop, message })
  const scene = raw.scene == null ? 'rtc' : raw.scene
  if (scene !== 'rtc' && scene !== 'live') {
    fail(INVALID_PROP, 'scene', `scene must be 'rtc' or 'live' (got ${String(raw.scene)})`)
    return { scene: 'rtc', role: 'anchor' }
  }
  if (scene === 'live' && raw.enterMode === 'legacy') fail(INVALID_PROP, 'scene', "scene 'live' needs the modern enter mode (the legacy URL has no scene)")
  const role = raw.role
  if (role == null) return { scene, role: 'anchor' }
  if (role !== 'anchor' && role !== 'audience') {
    fail(INVALID_ROLE, 'role', `role must be 'anchor' or 'audience' (got ${String(role)})`)
  } else if (scene !== 'live') {
    fail(ROLE_NEEDS_LIVE, 'role', `role '${role}' needs scene 'live' (the rtc scene has no roles)`)
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

/**
 * The members of a room publishing a stream, in join order (live scene: the anchors; TRTC announces no
 * audience, so the audience count is the IM store's `audienceCount`); [] for no room.
 *
 * @example anchorsOf(useRoomStore().room(roomKey))
 */
export function anchorsOf(state: RoomState | undefined | null): MemberState[] {
  return orderedMembers(state ?? undefined).filter(isAnchor)
}

/** How many members publish now (self excluded). */
export function anchorCount(state: RoomState): number {
  return anchorsOf(state).length
}

export const LIVE_SCENE: LiveHooks = {
  check: checkLive,
  isAnchor,

  /**
   * A `role` change in the room co-hosts or steps down without leaving it. The change is asked of
   * the controller (`switch_role`: permissions, the engine's switchRole) and applied when `role_done`
   * answers; until then the session keeps its role, so the pusher publishes nothing early and a
   * failure leaves everything as it was.
   */
  requestRole(step, next) {
    const role = step.state.options!.role
    if (next.role === role) return next
    if (next.role === 'anchor' && anchorCount(step.room) >= MAX_ANCHORS) {
      step.state.raw = { ...step.state.raw, role }
      step.notice('warning', ANCHOR_LIMIT, { message: `${MAX_ANCHORS} anchors already publish: co-hosting refused`, anchors: anchorCount(step.room) })
    } else {
      step.effect({ type: 'switch_role', role: next.role, epoch: step.state.epoch })
    }
    return { ...next, role }
  },

  roleDone(step, a) {
    const options = step.state.options
    if (a.epoch !== step.state.epoch || !options || !isActive(step.room.status) || options.role === a.role) return
    if (!a.ok) {
      // The prop goes back to the role the room still has: a later update does not retry by surprise.
      step.state.raw = { ...step.state.raw, role: options.role }
      step.notice('warning', a.code ?? ROLE_SWITCH_FAILED, { message: a.message, role: a.role })
      return
    }
    step.state.options = { ...options, role: a.role }
    step.room.pusher = pusherFromOptions(step.state.options, step.room.pusher)
    step.room.self = { ...step.room.self, role: a.role, cameraOn: step.room.pusher.enableCamera }
    step.emit('self_update', 0, { message: a.role === 'anchor' ? 'co-hosting: publishing' : 'stepped down: watching', role: a.role })
  },

  /**
   * Co-hosting on a mini-program asks for the camera / microphone scopes first (the audience never
   * did); then the engine switches (H5 `switchRole`; the mini-program pusher follows its attributes,
   * no call needed).
   */
  async switchRole(platform, engine, options, role) {
    try {
      const denied = role === 'anchor' && platform.name !== 'h5' ? await mediaScopes(platform, options.enableCamera) : null
      if (denied) return { ok: false, code: ROLE_SWITCH_FAILED, message: `co-hosting needs ${denied.detail.scope}: ${denied.message}` }
      await engine.switchRole?.(role)
      return { ok: true }
    } catch (err) {
      return { ok: false, code: errorCode(err, ROLE_SWITCH_FAILED), message: errorText(err, `switching to ${role} failed`) }
    }
  },
}

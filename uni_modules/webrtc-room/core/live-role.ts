/**
 * The seam of the live scene (直播 + 连麦). The scene itself — `scene` / `role` validation, the
 * in-room role switch, the 50-anchor limit, who is an anchor — is the opt-in `live` entry, which
 * installs it here. Without it a room is rtc only: `scene: 'live'` or a `role` is one INVALID_PROP
 * error naming the import and the room does not enter (an audience never publishes by accident).
 */
import * as E from './error-codes'
import type { RoomEngine } from './engine'
import type { OptionIssue, ValidOptions } from './options'
import type { ActionOf, Step } from './reduce-session'
import type { LiveRole, LiveScene, MemberState, Platform, RoomOptions } from './types'

export interface RoleAnswer {
  ok: boolean
  code?: number
  message?: string
}

/** What the `live` entry installs. */
export interface LiveHooks {
  /** `scene` and `role` of raw options; problems go to `errors`. */
  check(raw: RoomOptions, errors: OptionIssue[]): { scene: LiveScene; role: LiveRole }
  /** An in-room update's options with the session's current role (a new role is requested, not applied). */
  requestRole(step: Step, next: ValidOptions): ValidOptions
  /** The answer to a `switch_role` effect. */
  roleDone(step: Step, action: ActionOf<'role_done'>): void
  /** Permissions, then the engine's switchRole; never rejects. */
  switchRole(platform: Platform, engine: RoomEngine, options: ValidOptions, role: LiveRole): Promise<RoleAnswer>
  /** Shown in the live scene: a member publishing a stream. */
  isAnchor(member: MemberState): boolean
}

let live: LiveHooks | null = null

export function installLiveScene(hooks: LiveHooks | null): void {
  live = hooks
}

/** The installed live scene, or null (rtc rooms only). */
export function liveScene(): LiveHooks | null {
  return live
}

/** Whether this user publishes: everyone in the rtc scene, anchors in the live scene. */
export function publishes(o: { scene?: unknown; role?: unknown }): boolean {
  return o.scene !== 'live' || o.role !== 'audience'
}

/** `scene` and `role` of raw options: the entry's check, or without it rtc only (anything else names the import). */
export function checkScene(raw: RoomOptions, errors: OptionIssue[]): { scene: LiveScene; role: LiveRole } {
  if (live) return live.check(raw, errors)
  const prop = raw.scene != null && raw.scene !== 'rtc' ? 'scene' : raw.role != null ? 'role' : ''
  if (prop) errors.push({ code: E.INVALID_PROP, prop, message: `${prop} needs the live entry: import '@/uni_modules/webrtc-room/live' (main.ts)` })
  return { scene: 'rtc', role: 'anchor' }
}

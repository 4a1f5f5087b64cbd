/**
 * The seam of the opt-in per-member media choices — `muteMemberAudio` / `muteMemberVideo` /
 * `setMemberStream` and the small-stream playback of `enableSmallStream` (core/reduce-playback.ts).
 * The `member-media` entry installs it (`import '@/uni_modules/webrtc-room/member-media'` in main.ts).
 * Without it each of those calls is one `warning` naming the import and changes nothing, and
 * `enableSmallStream: true` is one `warning` at validation and counts as false (no small stream is
 * published, every member plays big): members keep `muteAudio` / `muteVideo` false, `streamPref`
 * 'auto', `StreamState.small` false. `playMember` / `stopMember` are not part of it.
 */
import type { MemberChoiceAction } from './actions'
import type { RoomController } from './controller-types'
import * as E from './error-codes'
import type { OptionIssue } from './options'
import type { ActionOf, Step } from './reduce-session'
import type { CoreState } from './room-state'

/** What the `member-media` entry installs. */
export interface MemberMediaHooks {
  /** A checked `member_choice`: the member's `muteAudio` / `muteVideo` / `streamPref`. */
  choose(step: Step, action: MemberChoiceAction): void
  /** After every step: streams follow the choices (`StreamState.small`, play URL, `member_media` effects). */
  settle(step: Step, prev: CoreState): void
  /** The small-stream URL of an announced (`streamtype=main`) play URL. */
  smallURL(url: string): string
}

/** The installed choices (null: none — the calls warn, everyone plays big and unmuted). */
export let memberMedia: MemberMediaHooks | null = null

export function installMemberMedia(hooks: MemberMediaHooks | null): void {
  memberMedia = hooks
}

const NEEDS = "needs import '@/uni_modules/webrtc-room/member-media' (main.ts)"
const CHOICES: Array<MemberChoiceAction['method']> = ['muteMemberAudio', 'muteMemberVideo', 'setMemberStream']

type MemberMethods = Pick<RoomController, MemberChoiceAction['method'] | 'playMember' | 'stopMember'>

/**
 * The controller's per-member methods: `playMember` / `stopMember`, and the three choices whose
 * arguments go to the reducer as given (the entry checks them; without it they warn).
 */
export function memberMethods(dispatch: (action: MemberChoiceAction | ActionOf<'play_member'>) => void): MemberMethods {
  const methods: Record<string, (userID: unknown, value?: unknown) => void> = {
    playMember: (userID) => dispatch({ type: 'play_member', userID: userID as string, play: true }),
    stopMember: (userID) => dispatch({ type: 'play_member', userID: userID as string, play: false }),
  }
  for (const method of CHOICES) methods[method] = (userID, value) => dispatch({ type: 'member_choice', method, userID, value })
  return methods as unknown as MemberMethods
}

/** The `member_choice` handler: the entry's, or one warning naming the import. */
export function memberChoice(step: Step, action: MemberChoiceAction): void {
  if (memberMedia) memberMedia.choose(step, action)
  else step.notice('warning', E.INVALID_STATE, { message: `${action.method}() ${NEEDS}`, method: action.method })
}

/** An announced (`streamtype=main`) play URL for a stream that plays `small` now (only with the entry). */
export function announcedURL(url: string, small: boolean): string {
  return small && memberMedia ? memberMedia.smallURL(url) : url
}

/** `enableSmallStream` as validated: without the entry a `true` is one warning and counts as false. */
export function smallStream(value: boolean, warnings: OptionIssue[]): boolean {
  if (!value || memberMedia) return value
  warnings.push({ code: E.INVALID_PROP, prop: 'enableSmallStream', message: `enableSmallStream ${NEEDS}` })
  return false
}

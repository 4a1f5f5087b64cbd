/**
 * The playback concern of the reducer: what this client plays of each member, by its own choice —
 * local mute of audio / video (`muteMemberAudio` / `muteMemberVideo`) and the big or small video
 * stream (`setMemberStream`). The choices live on the member (`muteAudio`, `muteVideo`,
 * `streamPref`), so they survive the member's streams going and coming back (a re-publish) and end
 * when it leaves; they are independent of `playMember` / `stopMember`.
 *
 * After every step `settlePlayback` brings the streams in line with the choices: `StreamState.small`
 * and the mini-program play URL (`streamtype=small`) change only when the resolved choice changes, and
 * a `member_media` effect tells engines without tags (H5) what changed (`small` once the member has a
 * camera stream: the effect comes before that step's play call).
 *
 * 'auto' (the default) is the built-in templates' choice: once more than SMALL_STREAM_TILES tiles
 * (self included) are on screen, every tile but the featured one plays small — grid: all, bigsmall:
 * all but the big view; float never shows more than 4 tiles, custom layouts pick with setMemberStream.
 * Only in rooms that publish a small stream themselves (`enableSmallStream`): an app turns it on for
 * all its users, so its peers publish one too (a member without one is served its big stream).
 *
 * The opt-in `member-media` entry installs these (core/member-media.ts); without it none of this runs.
 */
import type { MemberChoiceAction } from './actions'
import * as E from './error-codes'
import type { MemberMedia } from './engine'
import type { ValidOptions } from './options'
import { setMember } from './reduce-members'
import type { Step } from './reduce-session'
import { copyMembers, memberOf, type CoreState } from './room-state'
import type { MemberState, RoomState, StreamPref } from './types'

/**
 * Big / small stream in a mini-program play URL: the member notifications deliver
 * `room://…&streamtype=main`, the small stream is `streamtype=small` (PROTOCOL.md §9; trtc-wx-sdk's
 * switchStreamType replaces the first "main" anywhere — we touch the parameter only).
 */
const STREAM_TYPE_PARAM = /([?&]streamtype=)(main|small)(?=&|$)/

/** The URL of the small or the big stream; a URL without the parameter (legacy) is returned as is. */
export function streamURL(url: string, small: boolean): string {
  return url.replace(STREAM_TYPE_PARAM, `$1${small ? 'small' : 'main'}`)
}

/** Whether the small stream can be asked for: H5 (no URL: the SDK switches) or a URL with `streamtype=`. */
export function canPlaySmall(url: string): boolean {
  return url === '' || STREAM_TYPE_PARAM.test(url)
}

/** More tiles than this on screen (self included) and 'auto' plays the small streams. */
export const SMALL_STREAM_TILES = 4

const FIELD = { muteMemberAudio: 'muteAudio', muteMemberVideo: 'muteVideo', setMemberStream: 'streamPref' } as const
const PREFS: readonly unknown[] = ['auto', 'big', 'small'] satisfies StreamPref[]

/** A `member_choice`: the arguments are checked, then set on the member. */
export function chooseMemberMedia(step: Step, a: MemberChoiceAction): void {
  const { method, userID, value } = a
  const field = FIELD[method]
  const pref = field === 'streamPref'
  const member = typeof userID === 'string' ? memberOf(step.room, userID) : undefined
  if (pref ? !PREFS.includes(value) : typeof value !== 'boolean') {
    step.notice('warning', E.INVALID_PROP, { message: `${method}(): ${pref ? "'auto', 'big' or 'small'" : 'a boolean'} expected, got ${String(value)}`, method })
  } else if (!member) {
    step.notice('warning', E.INVALID_STATE, { message: `${method}(): no member ${String(userID)}`, method })
  } else if (member[field] !== value) {
    // The store shows the choice (no event: a change of the app's own making).
    setMember(step, { ...member, [field]: value })
  }
}

/**
 * The member 'auto' plays big when small streams are on ('' = none), or null when 'auto' means big
 * for everyone.
 */
function featured(room: RoomState, options: ValidOptions | null): string | null {
  const template = options?.template
  if (!options?.enableSmallStream || (template !== 'grid' && template !== 'bigsmall')) return null
  let tiles = 1
  for (const userID of room.memberOrder) tiles += room.members[userID]?.streams.aux ? 2 : 1
  if (tiles <= SMALL_STREAM_TILES) return null
  return template === 'bigsmall' ? room.memberOrder[0] : ''
}

function wantsSmall(member: MemberState, feature: string | null): boolean {
  return member.streamPref === 'small' || (member.streamPref === 'auto' && feature !== null && member.userID !== feature)
}

/** After a step: streams follow the choices; engines hear of each member whose media changed. */
export function settlePlayback(step: Step, prev: CoreState): void {
  const room = step.room
  const before = prev.room
  const options = step.state.options
  if (room.members === before.members && room.memberOrder === before.memberOrder && options === prev.options) return
  const feature = featured(room, options)
  let members: Record<string, MemberState> | null = null
  const changes: Array<[string, MemberMedia]> = []
  for (const userID of room.memberOrder) {
    let member = room.members[userID]
    const small = wantsSmall(member, feature)
    const main = member.streams.main
    const playsSmall = small && !!main && canPlaySmall(main.playURL)
    if (main && main.small !== playsSmall) {
      members ??= copyMembers(room.members)
      member = members[userID] = { ...member, streams: { ...member.streams, main: { ...main, small: playsSmall, playURL: streamURL(main.playURL, playsSmall) } } }
    }
    const was = before.members[userID]
    const next: MemberMedia = { muteAudio: member.muteAudio, muteVideo: member.muteVideo, small: playsSmall }
    if (was ? was.muteAudio !== next.muteAudio || was.muteVideo !== next.muteVideo || !!was.streams.main?.small !== playsSmall : next.muteAudio || next.muteVideo || playsSmall) {
      changes.push([userID, next])
    }
  }
  if (members) step.setMembers(members, room.memberOrder)
  // Before this step's player calls: a stream that starts now starts with its member's choices.
  step.effects.unshift(...changes.map(([userID, media]) => ({ type: 'member_media' as const, userID, media })))
}

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
 */
import type { MemberChoiceAction } from './actions'
import type { RoomController } from './controller-types'
import { RoomErrorCode } from './error-codes'
import type { MemberMedia } from './engine'
import type { ValidOptions } from './options'
import { setMember } from './reduce-members'
import type { ActionOf, Handlers, Step } from './reduce-session'
import { canPlaySmall, copyMembers, memberOf, streamURL, type CoreState } from './room-state'
import type { MemberState, RoomState, StreamPref } from './types'

/** More tiles than this on screen (self included) and 'auto' plays the small streams. */
export const SMALL_STREAM_TILES = 4

const FIELD = { muteMemberAudio: 'muteAudio', muteMemberVideo: 'muteVideo', setMemberStream: 'streamPref' } as const
const PREFS: readonly unknown[] = ['auto', 'big', 'small'] satisfies StreamPref[]

type MemberMethods = Pick<RoomController, MemberChoiceAction['method'] | 'playMember' | 'stopMember'>

/**
 * The controller's per-member methods: `playMember` / `stopMember`, and `muteMemberAudio` /
 * `muteMemberVideo` / `setMemberStream` whose arguments go to the reducer as given (it checks them).
 */
export function memberMethods(dispatch: (action: MemberChoiceAction | ActionOf<'play_member'>) => void): MemberMethods {
  const methods: Record<string, (userID: unknown, value: unknown) => void> = {}
  for (const method of Object.keys(FIELD) as Array<MemberChoiceAction['method']>) methods[method] = (userID, value) => dispatch({ type: 'member_choice', method, userID, value })
  return {
    ...(methods as unknown as MemberMethods),
    playMember: (userID) => dispatch({ type: 'play_member', userID, play: true }),
    stopMember: (userID) => dispatch({ type: 'play_member', userID, play: false }),
  }
}

export const memberChoice: Handlers<'member_choice'>['member_choice'] = (step, a) => {
  const { method, userID, value } = a
  const field = FIELD[method]
  const pref = field === 'streamPref'
  const member = typeof userID === 'string' ? memberOf(step.room, userID) : undefined
  if (pref ? !PREFS.includes(value) : typeof value !== 'boolean') {
    step.notice('warning', RoomErrorCode.INVALID_PROP, { message: `${method}(): ${pref ? "'auto', 'big' or 'small'" : 'a boolean'} expected, got ${String(value)}`, method })
  } else if (!member) {
    step.notice('warning', RoomErrorCode.INVALID_STATE, { message: `${method}(): no member ${String(userID)}`, method })
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

/** One member's stream as the room store has it, and what a tile shows for it. Pure selectors. */
import { memberOf as findMember } from '../../core/room-state'
import type { MemberState, RoomState, StreamState, StreamType } from '../../core/types'

export function memberOf(state: RoomState | null, userID: string): MemberState | null {
  return findMember(state, userID) ?? null
}

export function streamOf(state: RoomState | null, userID: string, streamType: StreamType): StreamState | null {
  return memberOf(state, userID)?.streams[streamType] ?? null
}

export { orderedMembers } from '../../core/room-state'

/** Name under a member's video: userName when known, else userID. */
export function captionOf(member: Pick<MemberState, 'userID' | 'userName'>): string {
  return member.userName || member.userID
}

/** A place on screen for one remote stream: each member's main stream, plus its screen share. */
export interface Tile {
  /** `${userID}_${streamType}`: stable v-for key. */
  key: string
  userID: string
  streamType: StreamType
}

export function tilesOf(members: readonly MemberState[]): Tile[] {
  const tiles: Tile[] = []
  for (const member of members) {
    tiles.push({ key: `${member.userID}_main`, userID: member.userID, streamType: 'main' })
    if (member.streams.aux) tiles.push({ key: `${member.userID}_aux`, userID: member.userID, streamType: 'aux' })
  }
  return tiles
}

/** Split `items` into pages of `size` (grid paging); at least one (empty) page. */
export function pagesOf<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = []
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size))
  return pages.length > 0 ? pages : [[]]
}

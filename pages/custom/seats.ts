/**
 * The '1v3' layout's seating: self large on top, the first three members (join order) below,
 * empty seats shown as such so the grid does not jump as people come and go.
 */
import type { LayoutMember } from '@/uni_modules/webrtc-room'

export const SEAT_COUNT = 3

export interface Seat {
  /** 1-based seat number, also the caption of an empty seat. */
  index: number
  member: LayoutMember | null
}

export function seatsFor(members: readonly LayoutMember[], count = SEAT_COUNT): Seat[] {
  return Array.from({ length: count }, (_, i) => ({ index: i + 1, member: members[i] ?? null }))
}

/** True until the member's main stream shows its first frame (the loading cover stays up). */
export function isLoading(member: LayoutMember): boolean {
  const main = member.streams.main
  return !main || main.loading
}

export function captionOf(member: LayoutMember): string {
  return member.userName || member.userID
}

/** Members who joined after the seats filled (shown as "+N"). */
export function overflowCount(members: readonly LayoutMember[], count = SEAT_COUNT): number {
  return Math.max(0, members.length - count)
}

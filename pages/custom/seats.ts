/**
 * The '1v3' layout: self large on top, three seats below (`<webrtc-room :seats="SEAT_COUNT">`: the
 * plugin keeps each member in its seat until it leaves, empty seats show as such so nothing jumps).
 */
import type { LayoutMember } from '@/uni_modules/webrtc-room'

export const SEAT_COUNT = 3

/** True until the member's main stream shows its first frame (the loading cover stays up). */
export function isLoading(member: LayoutMember): boolean {
  const main = member.streams.main
  return !main || main.loading
}

export function captionOf(member: LayoutMember): string {
  return member.userName || member.userID
}

/** Members waiting for a seat (shown as "+N"). */
export function overflowCount(members: readonly LayoutMember[], count = SEAT_COUNT): number {
  return Math.max(0, members.length - count)
}

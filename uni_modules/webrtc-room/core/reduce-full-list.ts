/**
 * The legacy rooms' full member list (1020; modern rooms ignore it, as trtc-wx-sdk does). Only the
 * 2018 enter flow receives it, so it ships with the opt-in `legacy` entry, which installs it
 * (installFullList, reduce-members.ts).
 */
import type { AnnouncedUser } from './actions'
import { addMember, applyStreamChanges, checkCapacity, removeMember, withoutRemoved } from './reduce-members'
import type { Step } from './reduce-session'
import { copyMembers } from './room-state'

/**
 * Legacy 1020: members become exactly `users` (self excluded, first entry per userID wins). Entries
 * without a userID were skipped by the parser; a list of only such entries says nothing (not "everyone left").
 */
export function applyFullList(step: Step, users: AnnouncedUser[], skipped: number): void {
  if (users.length === 0 && skipped > 0) return
  const members = copyMembers(step.room.members)
  const listed = new Map<string, AnnouncedUser>()
  for (const user of users) if (!listed.has(user.userID) && user.userID !== step.room.self.userID) listed.set(user.userID, user)
  for (const userID of step.room.memberOrder) if (!listed.has(userID)) removeMember(step, members, userID, 'left')
  const order = withoutRemoved(step.room.memberOrder, members)
  for (const user of listed.values()) addMember(step, members, order, user.userID)
  step.setMembers(members, order)
  applyStreamChanges(
    step,
    [...listed.values()].map((user) => ({
      userID: user.userID,
      streamType: user.streamType ?? 'main',
      playURL: user.playURL,
      // The legacy list says nothing about tracks: a listed user publishes audio and video.
      hasVideo: user.hasVideo ?? true,
      hasAudio: user.hasAudio ?? true,
    })),
  )
  checkCapacity(step)
}


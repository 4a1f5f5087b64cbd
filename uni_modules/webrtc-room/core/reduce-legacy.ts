/**
 * The legacy (2018) enter flow's part of the reducer: the room signature's answer and the full member
 * list (1020; modern rooms ignore it, as trtc-wx-sdk does). Only that flow reaches them, so they ship
 * with the opt-in `legacy` entry, which installs them (`installLegacyRoom`, reduce-session.ts).
 */
import type { AnnouncedUser } from './actions'
import * as E from './error-codes'
import { addMember, applyStreamChanges, checkCapacity, removeMember, withoutRemoved } from './reduce-members'
import { enterWith, fatal, type ActionOf, type LegacyRoom, type Step } from './reduce-session'
import { copyMembers } from './room-state'
import { refresher } from './refresher'

/** The legacy room signature: retried once after 1 s (as the original did) before reporting -9. */
export const ROOM_SIG_RETRIES = 1
export const ROOM_SIG_RETRY_DELAY_MS = 1000

/** The room signature's answer, for the session that waits for it. */
function signed(step: Step, a: ActionOf<'room_sig_done'>): void {
  if (a.ok) {
    enterWith(step, a.pushURL)
  } else if (refresher?.roomSigRefused(step, a.errorCode, a.message)) {
    // getUserSig asked (the sig-refresh entry): the room signs again with the new userSig.
  } else if (step.state.roomSigAttempts < ROOM_SIG_RETRIES) {
    step.state.roomSigAttempts += 1
    step.effect({ type: 'set_timer', name: 'room_sig_retry', ms: ROOM_SIG_RETRY_DELAY_MS, epoch: step.state.epoch })
  } else {
    fatal(step, E.ROOM_SIG_FAILED, { message: a.message, errorCode: a.errorCode, attempts: step.state.roomSigAttempts + 1 })
  }
}

/**
 * Legacy 1020: members become exactly `users` (self excluded, first entry per userID wins). Entries
 * without a userID were skipped by the parser; a list of only such entries says nothing (not "everyone left").
 */
function fullList(step: Step, users: AnnouncedUser[], skipped: number): void {
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


export const LEGACY_ROOM: LegacyRoom = { fullList, signed }

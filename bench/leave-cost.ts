/**
 * The cost of one big 1032 (remote users left) through the controller (`createRoom` + fake platform,
 * bench/controller-room.ts): n users join with a video stream each (1031 + 1033, outside the clock),
 * then ONE 1032 lists all n and is timed. A leave must cost O(n): trtc-wx-sdk-sized rooms never get
 * there, but a live-room's audience can, and the whole notification runs in one main-thread task.
 */
import { performance } from 'node:perf_hooks'
import type { StateChangeDetail } from '../uni_modules/webrtc-room/core/types'
import { createControllerRoom } from './controller-room'
import { SELF_ID } from './edge-cases'
import type { Figure } from './format'

export const FULL_LEAVE_SIZES = [1_000, 10_000]
export const QUICK_LEAVE_SIZES = [1_000]

export interface LeaveCost {
  users: number
  /** The joins (1031 + 1033 of all n users), for comparison. */
  joinMs: number
  leaveMs: number
}

function notice(code: number, userIDs: string[], extra: (userID: string) => Record<string, unknown> = () => ({})): StateChangeDetail {
  return { code, message: JSON.stringify({ userlist: userIDs.map((userid) => ({ userid, ...extra(userid) })) }) }
}

export async function measureLeave(users: number): Promise<LeaveCost> {
  const ids = Array.from({ length: users }, (_, i) => `user_${i}`)
  const room = await createControllerRoom(SELF_ID)
  try {
    const joinStart = performance.now()
    room.apply(notice(1031, ids))
    room.apply(notice(1033, ids, (id) => ({ streamtype: 'main', hasvideo: 1, playurl: `room://cloud.tencent.com/rtc?userid=${id}` })))
    const joinMs = performance.now() - joinStart
    const before = room.snapshot()
    if (before.users.length !== users || before.streams.length !== users) {
      throw new Error(`leave bench: expected ${users} users with streams before the leave, got ${before.users.length} / ${before.streams.length}`)
    }
    const leave = notice(1032, ids)
    const start = performance.now()
    room.apply(leave)
    const leaveMs = performance.now() - start
    const after = room.snapshot()
    if (after.users.length !== 0 || after.streams.length !== 0) throw new Error(`leave bench: ${after.users.length} users / ${after.streams.length} streams left after the 1032`)
    return { users, joinMs, leaveMs }
  } finally {
    await room.dispose?.()
  }
}

export async function runLeaveCost(sizes: number[]): Promise<{ results: LeaveCost[]; figures: Figure[] }> {
  const results: LeaveCost[] = []
  for (const users of sizes) results.push(await measureLeave(users))
  const smallest = results[0]
  const figures = results.map((r): Figure => {
    const perUser = r.leaveMs / r.users
    const growth = r === smallest ? '' : `; ${(perUser / (smallest.leaveMs / smallest.users)).toFixed(1)}× the per-user cost of ${smallest.users} users (1.0× = linear)`
    return {
      name: `event-cost.leave-1032.${r.users}-users.controller`,
      value: Number(r.leaveMs.toFixed(1)),
      unit: 'ms',
      note: `one 1032 listing ${r.users} users who each had a video stream; the joins before it (1031 + 1033) took ${r.joinMs.toFixed(1)} ms${growth}`,
    }
  })
  return { results, figures }
}

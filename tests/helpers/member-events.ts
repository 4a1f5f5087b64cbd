/**
 * Generators of live-pusher member notifications (1031–1034, legacy 1020), shared by the property
 * tests, the differential test against trtc-wx-sdk and the event-cost benchmark.
 *
 * Two flavours over the same event model:
 * - `memberEventArb` / `memberEventsArb`: fast-check arbitraries (shrinkable, for property tests);
 * - `generateMemberEvents(count, seed)`: a seeded plain generator (no fast-check at run time, same
 *   sequence for the same seed — for benchmarks and reproducible fixtures).
 *
 * Message shapes follow trtc-wx-sdk 1.1.15 (PROTOCOL.md section 2): 1031/1032 `{userlist:[{userid}]}`,
 * 1033 `{userlist:[{userid, streamtype, hasvideo, playurl}]}`, 1034 `{userlist:[{userid, hasaudio, playurl}]}`,
 * flags as 0/1 numbers. Play URLs are a pure function of (userID, streamType), as the server's are
 * stable within a session.
 */
import fc from 'fast-check'
import type { StateChangeDetail, StreamType } from '../../uni_modules/webrtc-room/core/types'

export const USER_ENTER = 1031
export const USER_LEAVE = 1032
export const USER_VIDEO = 1033
export const USER_AUDIO = 1034
export const MEMBER_LIST = 1020

/** One member notification before it is serialized into a live-pusher `detail`. */
export type MemberEvent =
  | { code: typeof USER_ENTER | typeof USER_LEAVE; userIDs: string[] }
  | { code: typeof USER_VIDEO; users: Array<{ userID: string; streamType: StreamType; hasVideo: boolean }> }
  | { code: typeof USER_AUDIO; users: Array<{ userID: string; hasAudio: boolean }> }
  | { code: typeof MEMBER_LIST; userIDs: string[] }

export interface MemberEventOptions {
  /** Remote user ids to draw from (small pools make joins/leaves collide, which is the point). */
  userPool?: readonly string[]
  /** At most this many users per notification. */
  maxUsersPerEvent?: number
  /** Also produce legacy 1020 full lists (off for the trtc-wx-sdk differential: it ignores 1020). */
  includeFullList?: boolean
}

export const DEFAULT_USER_POOL: readonly string[] = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank']

export function playURLFor(userID: string, streamType: StreamType): string {
  return `room://cloud.tencent.com/rtc?userid=${userID}&streamtype=${streamType}`
}

/** The live-pusher `event.detail` WeChat would deliver for `event`. */
export function toDetail(event: MemberEvent): StateChangeDetail {
  let userlist: Array<Record<string, unknown>>
  switch (event.code) {
    case USER_ENTER:
    case USER_LEAVE:
      userlist = event.userIDs.map((userid) => ({ userid }))
      break
    case MEMBER_LIST:
      userlist = event.userIDs.map((userid) => ({ userid, playurl: playURLFor(userid, 'main') }))
      break
    case USER_VIDEO:
      userlist = event.users.map((u) => ({ userid: u.userID, streamtype: u.streamType, hasvideo: u.hasVideo ? 1 : 0, playurl: playURLFor(u.userID, u.streamType) }))
      break
    case USER_AUDIO:
      userlist = event.users.map((u) => ({ userid: u.userID, hasaudio: u.hasAudio ? 1 : 0, playurl: playURLFor(u.userID, 'main') }))
      break
  }
  return { code: event.code, message: JSON.stringify({ userlist }) }
}

// -------------------------------------------------------------------------------------------------
// fast-check

export function memberEventArb(options: MemberEventOptions = {}): fc.Arbitrary<MemberEvent> {
  const pool = options.userPool ?? DEFAULT_USER_POOL
  const maxUsers = options.maxUsersPerEvent ?? 2
  const user = fc.constantFrom(...pool)
  const users = fc.array(user, { minLength: 1, maxLength: maxUsers })
  const arbs: Array<fc.Arbitrary<MemberEvent>> = [
    users.map((userIDs) => ({ code: USER_ENTER, userIDs })),
    users.map((userIDs) => ({ code: USER_LEAVE, userIDs })),
    fc
      .array(fc.record({ userID: user, streamType: fc.constantFrom<StreamType>('main', 'aux'), hasVideo: fc.boolean() }), { minLength: 1, maxLength: maxUsers })
      .map((list) => ({ code: USER_VIDEO, users: list })),
    fc.array(fc.record({ userID: user, hasAudio: fc.boolean() }), { minLength: 1, maxLength: maxUsers }).map((list) => ({ code: USER_AUDIO, users: list })),
  ]
  if (options.includeFullList) {
    arbs.push(fc.uniqueArray(user, { maxLength: pool.length }).map((userIDs) => ({ code: MEMBER_LIST, userIDs })))
  }
  return fc.oneof(...arbs)
}

export function memberEventsArb(options: MemberEventOptions & { maxLength?: number } = {}): fc.Arbitrary<MemberEvent[]> {
  // size 'max': lengths spread over 0..maxLength (fast-check's default bias keeps arrays near 10).
  return fc.array(memberEventArb(options), { maxLength: options.maxLength ?? 40, size: 'max' })
}

// -------------------------------------------------------------------------------------------------
// Seeded plain generator

/** mulberry32: tiny, fast, good enough to spread test inputs; same seed = same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * `count` member notifications from `seed`. Joins are weighted up a little so rooms fill; the
 * mix is 30 % join, 20 % leave, 25 % video, 25 % audio (plus 1020 lists when asked for).
 */
export function generateMemberEvents(count: number, seed = 1, options: MemberEventOptions = {}): MemberEvent[] {
  const random = seededRandom(seed)
  const pool = options.userPool ?? DEFAULT_USER_POOL
  const maxUsers = options.maxUsersPerEvent ?? 2
  const pick = () => pool[Math.floor(random() * pool.length)]
  const some = () => Array.from({ length: 1 + Math.floor(random() * maxUsers) }, pick)
  const events: MemberEvent[] = []
  for (let i = 0; i < count; i++) {
    const roll = random()
    if (options.includeFullList && roll < 0.05) {
      events.push({ code: MEMBER_LIST, userIDs: [...new Set(some())] })
    } else if (roll < 0.3) {
      events.push({ code: USER_ENTER, userIDs: some() })
    } else if (roll < 0.5) {
      events.push({ code: USER_LEAVE, userIDs: some() })
    } else if (roll < 0.75) {
      events.push({
        code: USER_VIDEO,
        users: some().map((userID) => ({ userID, streamType: random() < 0.75 ? ('main' as const) : ('aux' as const), hasVideo: random() < 0.6 })),
      })
    } else {
      events.push({ code: USER_AUDIO, users: some().map((userID) => ({ userID, hasAudio: random() < 0.6 })) })
    }
  }
  return events
}

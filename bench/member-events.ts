/**
 * A realistic stream of member notifications for the event-cost benchmark, in the shared event model
 * of tests/helpers/member-events.ts (serialize with its `toDetail`).
 *
 * The shared `generateMemberEvents` draws events independently (stray "video off" for streams never
 * on, leaves of absent users): right for fuzzing, but a TRTC server does not send that. Here a join
 * always precedes the user's stream changes, a stream is switched off only after it was on, and the
 * room size wanders between 1 and `maxMembers` — so both implementations must agree exactly.
 */
import { seededRandom, USER_AUDIO, USER_ENTER, USER_LEAVE, USER_VIDEO, type MemberEvent } from '../tests/helpers/member-events'

export interface RealisticStreamOptions {
  seed: number
  /** Number of notifications to produce. */
  count: number
  /** Never more remote members than this at once. */
  maxMembers: number
}

interface Present {
  mainVideo: boolean
  mainAudio: boolean
  auxVideo: boolean
}

export function userPool(size: number): string[] {
  return Array.from({ length: size }, (_, i) => `user_${i + 1}`)
}

export function realisticMemberEvents({ seed, count, maxMembers }: RealisticStreamOptions): MemberEvent[] {
  const random = seededRandom(seed)
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]
  const present = new Map<string, Present>()
  const pool = userPool(maxMembers * 2)
  const out: MemberEvent[] = []
  while (out.length < count) {
    const roll = random()
    const size = present.size
    if (size === 0 || (size < maxMembers && roll < 0.2)) {
      const userID = pick(pool.filter((u) => !present.has(u)))
      present.set(userID, { mainVideo: false, mainAudio: false, auxVideo: false })
      out.push({ code: USER_ENTER, userIDs: [userID] })
    } else if (roll < 0.3) {
      const userID = pick([...present.keys()])
      present.delete(userID)
      out.push({ code: USER_LEAVE, userIDs: [userID] })
    } else {
      const userID = pick([...present.keys()])
      const state = present.get(userID)!
      const kind = random()
      if (kind < 0.55) {
        state.mainVideo = !state.mainVideo
        out.push({ code: USER_VIDEO, users: [{ userID, streamType: 'main', hasVideo: state.mainVideo }] })
      } else if (kind < 0.9) {
        state.mainAudio = !state.mainAudio
        out.push({ code: USER_AUDIO, users: [{ userID, hasAudio: state.mainAudio }] })
      } else {
        state.auxVideo = !state.auxVideo
        out.push({ code: USER_VIDEO, users: [{ userID, streamType: 'aux', hasVideo: state.auxVideo }] })
      }
    }
  }
  return out
}

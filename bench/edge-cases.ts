/**
 * Member-notification edge cases run through both implementations one at a time, so every result
 * difference has a name. The difference itself is measured on each run; `verdict` is our reading of
 * which side is wrong (issue #10: "any difference in results is a bug in one of them").
 */
import { toDetail, USER_AUDIO, USER_ENTER, USER_LEAVE, USER_VIDEO, MEMBER_LIST, type MemberEvent } from '../tests/helpers/member-events'
import type { StateChangeDetail } from '../uni_modules/webrtc-room/core/types'
import { createCoreRoom } from './core-room'
import { diffSnapshots } from './room-snapshot'
import { createTrtcWxBenchRoom } from './trtc-wx-room'

export const SELF_ID = 'self_user'

export interface EdgeCase {
  name: string
  details: StateChangeDetail[]
  /** Whether the final results are expected to differ (checked on every run: a stale verdict shows). */
  differs: boolean
  /** Which side is wrong when they differ, and why. */
  verdict: string
}

const d = (...events: MemberEvent[]) => events.map(toDetail)

export const EDGE_CASES: EdgeCase[] = [
  {
    name: 'duplicate 1031 for a present user',
    details: d({ code: USER_ENTER, userIDs: ['a'] }, { code: USER_ENTER, userIDs: ['a'] }),
    differs: false,
    verdict: 'same state; trtc-wx-sdk emits REMOTE_USER_JOIN twice (an app adding a tile per join shows a duplicate)',
  },
  {
    name: '1033 video off for a stream that was never on',
    details: d({ code: USER_ENTER, userIDs: ['a'] }, { code: USER_VIDEO, users: [{ userID: 'a', streamType: 'main', hasVideo: false }] }),
    differs: true,
    verdict: 'trtc-wx-sdk bug: it creates a player with neither audio nor video (an empty live-player); we create none',
  },
  {
    name: '1034 audio off for a stream that was never on',
    details: d({ code: USER_ENTER, userIDs: ['a'] }, { code: USER_AUDIO, users: [{ userID: 'a', hasAudio: false }] }),
    differs: true,
    verdict: 'trtc-wx-sdk bug: same empty player as above',
  },
  {
    name: 'stream change before the user was announced',
    details: d({ code: USER_VIDEO, users: [{ userID: 'b', streamType: 'main', hasVideo: true }] }, { code: USER_ENTER, userIDs: ['b'] }),
    differs: false,
    verdict: 'both ignore the early 1033 (the video of b stays unknown until its next 1033)',
  },
  {
    name: '1032 for an absent user',
    details: d({ code: USER_ENTER, userIDs: ['a'] }, { code: USER_LEAVE, userIDs: ['c'] }),
    differs: false,
    verdict: 'both ignore it',
  },
  {
    name: 'own userID announced by 1031',
    details: d({ code: USER_ENTER, userIDs: [SELF_ID, 'a'] }, { code: USER_VIDEO, users: [{ userID: SELF_ID, streamType: 'main', hasVideo: true }] }),
    differs: true,
    verdict: 'trtc-wx-sdk bug: it lists the local user as a remote member and would play our own stream back; we never list ourselves',
  },
  {
    name: 'several users in one notification',
    details: d(
      { code: USER_ENTER, userIDs: ['a', 'b', 'c'] },
      { code: USER_VIDEO, users: [{ userID: 'a', streamType: 'main', hasVideo: true }, { userID: 'c', streamType: 'aux', hasVideo: true }] },
      { code: USER_AUDIO, users: [{ userID: 'b', hasAudio: true }, { userID: 'c', hasAudio: true }] },
      { code: USER_LEAVE, userIDs: ['b'] },
    ),
    differs: false,
    verdict: 'both agree',
  },
  {
    name: 'leave with live streams, then rejoin',
    details: d(
      { code: USER_ENTER, userIDs: ['a'] },
      { code: USER_VIDEO, users: [{ userID: 'a', streamType: 'main', hasVideo: true }] },
      { code: USER_LEAVE, userIDs: ['a'] },
      { code: USER_ENTER, userIDs: ['a'] },
    ),
    differs: false,
    verdict: 'both agree: the rejoined user has no streams until its next 1033/1034',
  },
  {
    name: 'play URL changes for a live stream',
    details: [
      ...d({ code: USER_ENTER, userIDs: ['a'] }),
      { code: 1033, message: JSON.stringify({ userlist: [{ userid: 'a', streamtype: 'main', hasvideo: 1, playurl: 'room://old' }] }) },
      { code: 1034, message: JSON.stringify({ userlist: [{ userid: 'a', hasaudio: 1, playurl: 'room://new' }] }) },
    ],
    differs: true,
    verdict: 'trtc-wx-sdk keeps the first URL of a stream forever; we follow the newest URL the server sends',
  },
  {
    name: 'legacy 1020 full member list',
    details: d({ code: MEMBER_LIST, userIDs: ['a', 'b'] }),
    differs: false,
    verdict: 'both ignore 1020 in a modern room; only a legacy (2018) room keeps members by the full list',
  },
  {
    name: 'malformed JSON message',
    details: [...d({ code: USER_ENTER, userIDs: ['a'] }), { code: 1031, message: '{"userlist": [' }],
    differs: false,
    verdict: 'both ignore it',
  },
]

export interface EdgeCaseResult {
  name: string
  differences: string[]
  verdict: string
  /** The measured outcome contradicts `differs`: the verdict needs re-reading. */
  stale: boolean
}

export function runEdgeCases(): EdgeCaseResult[] {
  return EDGE_CASES.map((edge) => {
    const ours = createCoreRoom(SELF_ID)
    const theirs = createTrtcWxBenchRoom(SELF_ID)
    for (const detail of edge.details) {
      ours.apply(detail)
      theirs.apply(detail)
    }
    const differences = diffSnapshots(ours.snapshot(), theirs.snapshot())
    return { name: edge.name, differences, verdict: edge.verdict, stale: differences.length > 0 !== edge.differs }
  })
}

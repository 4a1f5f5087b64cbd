/**
 * Differential test: our reducer vs trtc-wx-sdk 1.1.15's UserController (the oracle), on generated
 * 1031–1034 streams. After every notification both must hold the same users (in join order) and the
 * same streams (userID, streamType, hasVideo, hasAudio, play URL).
 *
 * Deliberate differences (normalized below, each also pinned by its own test):
 * - D1: trtc-wx-sdk keeps a stream created by an "off" notification (1033 hasvideo=0 / 1034
 *   hasaudio=0 for a stream it did not have) as an empty player with neither audio nor video;
 *   we never create one (nothing to play). The oracle's empty streams are dropped before comparing.
 * - D2: trtc-wx-sdk would list our own userID if the server announced it; we never do.
 * - D3: trtc-wx-sdk keeps the first play URL of a stream; we take the latest non-empty one (a server
 *   that moves a stream gets played from where it is now). The generator's URLs are stable, as the
 *   server's are, so this does not show in the comparison.
 * - D4: trtc-wx-sdk ignores legacy 1020 lists; we apply them (full-list semantics).
 */
import fc from 'fast-check'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { generateMemberEvents, memberEventsArb, toDetail, type MemberEvent } from '../helpers/member-events'
import { Driver } from './driver'

interface OraclePlayer {
  userID: string
  streamType: string
  hasVideo: unknown
  hasAudio: unknown
  src: string
}

interface Oracle {
  pusherEventHandler(event: { detail: { code: number; message: string } }): void
  userController: { userList: Array<{ userID: string }>; getPlayerList(): OraclePlayer[] }
}

type OracleClass = new (ctx: unknown, options: { env: 'test' }) => Oracle

interface Snapshot {
  users: string[]
  streams: Array<{ key: string; hasVideo: boolean; hasAudio: boolean; playURL: string }>
}

let TRTC: OracleClass

beforeAll(() => {
  // trtc-wx-sdk reads `wx` / `getApp` lazily; a minimal fake is enough for its user controller
  // (`env: 'test'` turns its telemetry and logs off — nothing is sent anywhere).
  vi.stubGlobal('wx', {})
  vi.stubGlobal('getApp', () => ({ globalData: {} }))
  const info = vi.spyOn(console, 'info').mockImplementation(() => {}) // its "loaded" banner
  TRTC = createRequire(import.meta.url)('trtc-wx-sdk') as OracleClass
  info.mockRestore()
})

afterAll(() => {
  vi.unstubAllGlobals()
})

function sortStreams(streams: Snapshot['streams']): Snapshot['streams'] {
  return streams.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

function oracleSnapshot(oracle: Oracle): Snapshot {
  return {
    users: oracle.userController.userList.map((u) => u.userID),
    streams: sortStreams(
      oracle.userController
        .getPlayerList()
        .filter((p) => p.hasVideo || p.hasAudio) // D1
        .map((p) => ({ key: `${p.userID}_${p.streamType}`, hasVideo: Boolean(p.hasVideo), hasAudio: Boolean(p.hasAudio), playURL: p.src })),
    ),
  }
}

function ourSnapshot(d: Driver): Snapshot {
  const room = d.state.room
  return {
    users: [...room.memberOrder],
    streams: sortStreams(
      room.memberOrder.flatMap((id) =>
        Object.values(room.members[id].streams).flatMap((s) => (s ? [{ key: s.key, hasVideo: s.hasVideo, hasAudio: s.hasAudio, playURL: s.playURL }] : [])),
      ),
    ),
  }
}

/** Feed both; compare after every notification. Returns the number of notifications compared. */
function compare(events: MemberEvent[]): number {
  const oracle = new TRTC({}, { env: 'test' })
  const ours = new Driver({ userID: 'self-not-in-pool' }, 0).enter() // no event log: only members matter here
  events.forEach((event, index) => {
    const detail = toDetail(event) as { code: number; message: string }
    oracle.pusherEventHandler({ detail })
    ours.pusher(detail.code, detail.message)
    const expected = oracleSnapshot(oracle)
    const actual = ourSnapshot(ours)
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      expect({ step: index, event, ...actual }).toEqual({ step: index, event, ...expected })
    }
  })
  return events.length
}

const figures = { sequences: 0, notifications: 0 }

describe('member handling vs trtc-wx-sdk 1.1.15', () => {
  afterAll(() => {
    console.log(`[diff] trtc-wx-sdk vs reducer: ${figures.sequences} generated 1031–1034 sequences, ${figures.notifications} notifications, compared after each`)
  })

  it('same users and streams after every notification of 1,000 random sequences', () => {
    fc.assert(
      fc.property(memberEventsArb({ maxLength: 60, maxUsersPerEvent: 3 }), (events) => {
        figures.sequences++
        figures.notifications += compare(events)
      }),
      { numRuns: 1_000, seed: 1031 },
    )
  })

  it('same users and streams over long seeded streams (busy rooms)', () => {
    for (const seed of [1, 2]) {
      figures.sequences++
      figures.notifications += compare(generateMemberEvents(2_000, seed, { maxUsersPerEvent: 3 }))
    }
  })

  it('the oracle is really checking: a reducer that ignored 1032 would be caught', () => {
    const events: MemberEvent[] = [
      { code: 1031, userIDs: ['a'] },
      { code: 1032, userIDs: ['a'] },
    ]
    const oracle = new TRTC({}, { env: 'test' })
    for (const event of events) oracle.pusherEventHandler({ detail: toDetail(event) as { code: number; message: string } })
    const ours = new Driver().enter()
    ours.pusher(1031, toDetail(events[0]).message)
    expect(ourSnapshot(ours)).not.toEqual(oracleSnapshot(oracle))
  })
})

describe('deliberate differences, pinned', () => {
  it('D1: an "off" notification for a missing stream creates an empty player there, nothing here', () => {
    const events: MemberEvent[] = [
      { code: 1031, userIDs: ['a'] },
      { code: 1033, users: [{ userID: 'a', streamType: 'main', hasVideo: false }] },
    ]
    const oracle = new TRTC({}, { env: 'test' })
    const ours = new Driver().enter()
    for (const event of events) {
      const detail = toDetail(event) as { code: number; message: string }
      oracle.pusherEventHandler({ detail })
      ours.pusher(detail.code, detail.message)
    }
    expect(oracle.userController.getPlayerList()).toMatchObject([{ userID: 'a', streamType: 'main', hasVideo: 0, hasAudio: false }])
    expect(ours.streamsOf('a')).toEqual({})
  })

  it('D2: our own userID is never a member here', () => {
    const detail = toDetail({ code: 1031, userIDs: ['me', 'a'] }) as { code: number; message: string }
    const oracle = new TRTC({}, { env: 'test' })
    oracle.pusherEventHandler({ detail })
    const ours = new Driver({ userID: 'me' }).enter()
    ours.pusher(detail.code, detail.message)
    expect(oracle.userController.userList.map((u) => u.userID)).toEqual(['me', 'a'])
    expect(ours.memberIDs).toEqual(['a'])
  })

  it('D3: a moved stream plays from its latest URL here, its first one there', () => {
    const oracle = new TRTC({}, { env: 'test' })
    const ours = new Driver().enter()
    const feed = (code: number, userlist: unknown[]) => {
      const detail = { code, message: JSON.stringify({ userlist }) }
      oracle.pusherEventHandler({ detail })
      ours.pusher(code, detail.message)
    }
    feed(1031, [{ userid: 'a' }])
    feed(1033, [{ userid: 'a', streamtype: 'main', hasvideo: 1, playurl: 'room://old' }])
    feed(1034, [{ userid: 'a', hasaudio: 1, playurl: 'room://new' }])
    expect(oracle.userController.getPlayerList()[0].src).toBe('room://old')
    expect(ours.streamsOf('a').main?.playURL).toBe('room://new')
  })
})

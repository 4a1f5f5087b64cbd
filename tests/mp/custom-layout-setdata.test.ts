/**
 * Issue #14 item 9 on the compiled mp-weixin output: a custom layout's member changes do not re-send
 * the member list. Two fixture pages (tests/fixtures/mp-app):
 * - `custom`: declared `seats`, one app component per seat (fixture-seat) — a join, a leave or a
 *   video toggle is set on that member's seat alone: the page (which renders the slot) sends nothing
 *   and the bytes do not depend on the room size;
 * - `custom-list`: a `v-for` over `members` that reads no stream field — a video toggle re-renders
 *   nothing at all (the slot's member objects change in place).
 * Measured in two room sizes each, with the setData meter (every call, its component, its keys).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { buildFixture } from '../helpers/build-fixture'
import { installSetDataMeter, type SetDataMeter, type SetDataTotals } from '../helpers/setdata-meter'
import { announceMember, closeRoomPage, fireMembers, installMpApp, memberPlayURL, pageFixture, renderPage, settle, type MpEnv, type SimComponent } from './mp-harness'

interface FixturePage {
  room(): { start(): Promise<void>; stop(): Promise<void> } | null
}

let env: MpEnv
let meter: SetDataMeter
let page: SimComponent | null = null
let current = ''

beforeAll(() => {
  env = installMpApp(buildFixture('mp-app'))
  meter = installSetDataMeter()
})

afterEach(async () => {
  await closeRoomPage(env, page, current)
  page = null
})

function fixture(name: string): FixturePage {
  return pageFixture<FixturePage>(name)
}

/** Renders a page, enters, and grows the room to `roomSize` people (self included). */
async function roomOf(name: string, roomSize: number) {
  current = name
  page = renderPage(env, name)
  await settle(page)
  await fixture(name).room()!.start()
  await settle(page)
  const pusher = page.querySelector('#my-pusher >>> #pusher')!
  const fire = (code: number, userlist: object[]) => fireMembers(page!, pusher, code, userlist)
  await fire(1018, [])
  const join = (id: string) => announceMember(page!, pusher, id)
  const ids: string[] = []
  for (let i = 1; i < roomSize; i++) {
    ids.push(`u${i}`)
    await join(`u${i}`)
  }
  return {
    ids,
    join: (id: string) => meter.measure(() => join(id)),
    videoOff: (id: string) => meter.measure(() => fire(1033, [{ userid: id, streamtype: 'main', hasvideo: 0, playurl: memberPlayURL(id) }])),
    leave: (id: string) => meter.measure(() => fire(1032, [{ userid: id }])),
  }
}

const by = (t: SetDataTotals, component: string) => t.records.filter((r) => r.component === component)
/** A member's player in the seats page (inside the app's seat component). */
const seatPlayer = (id: string) => page!.querySelector(`.custom__seat >>> #seat-${id}`)

describe('custom layout with seats (compiled)', () => {
  const measured: Record<number, { join: number; leave: number; toggle: number }> = {}

  for (const roomSize of [5, 14]) {
    it(`room of ${roomSize}: a join, a video toggle and a leave each touch one seat, never the page`, async () => {
      const room = await roomOf('custom', roomSize)
      const middle = room.ids[Math.floor(room.ids.length / 2)]

      const toggle = await room.videoOff(middle)
      // The seat reads hasVideo (its "camera off" cover): that seat re-renders, nothing else.
      expect(toggle.records.map((r) => r.component)).toEqual(['fixture-seat'])
      expect(seatPlayer(middle)).toBeTruthy()

      const leave = await room.leave(middle)
      expect(by(leave, 'custom')).toEqual([])
      expect(by(leave, 'webrtc-room')).toEqual([])
      expect(by(leave, 'fixture-seat')).toHaveLength(1)
      expect(seatPlayer(middle)).toBeFalsy()
      // The others keep their players (a leave re-binds no one).
      for (const id of room.ids.filter((id) => id !== middle)) expect(seatPlayer(id)).toBeTruthy()

      const join = await room.join('newcomer')
      expect(by(join, 'custom')).toEqual([])
      expect(seatPlayer('newcomer')).toBeTruthy()
      measured[roomSize] = { join: join.bytes, leave: leave.bytes, toggle: toggle.bytes }
    })
  }

  it('costs the same in both rooms (±8 B of ids) and stays under 2 KB', () => {
    const [small, big] = [measured[5], measured[14]]
    expect(small && big).toBeTruthy()
    for (const change of ['join', 'leave', 'toggle'] as const) {
      expect(Math.abs(big[change] - small[change])).toBeLessThanOrEqual(8)
      expect(big[change]).toBeLessThanOrEqual(2048)
    }
  })
})

describe('custom layout over `members` (compiled)', () => {
  for (const roomSize of [4, 11]) {
    it(`room of ${roomSize}: a video toggle the slot does not read sends nothing; the list is the page's only on joins and leaves`, async () => {
      const room = await roomOf('custom-list', roomSize)
      const middle = room.ids[Math.floor(room.ids.length / 2)]
      const toggle = await room.videoOff(middle)
      expect(toggle.records).toEqual([])
      const leave = await room.leave(middle)
      // One slot re-render for the leave (not one per store change).
      expect(by(leave, 'custom-list')).toHaveLength(1)
      expect(page!.querySelectorAll('#room >>> #player')).toHaveLength(roomSize - 2)
    })
  }
})

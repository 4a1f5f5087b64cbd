/**
 * Levels flowing re-render only what shows them, on the compiled mp-weixin output (tests/fixtures/mp-app,
 * which imports the levels entry): while every participant's `audiovolumenotify` (300 ms) and
 * `netstatus` arrive (bench/volume-flow.ts, the bench's volume row), each built-in layout sends setData
 * to its tiles alone — the speaking ring and the quality bars — never to a player (its props would be
 * re-sent), a grid page or the room component; and volume that changes nothing shown (everyone under
 * the speaking threshold) sends no setData at all. A tile that re-renders on every member write (its
 * caption rebuilt from the member object) fails the second check; `npm run bench` only prints the figure.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { measureVolumeFlow } from '../../bench/volume-flow'
import { buildFixture } from '../helpers/build-fixture'
import { installSetDataMeter, type SetDataMeter } from '../helpers/setdata-meter'
import { announceMember, closeRoomPage, fireMembers, installMpApp, openRoomPage, pageFixture, settle, storedRoom, type MpEnv, type SimComponent } from './mp-harness'

interface FixturePage {
  room(): { roomKey: string; start(): Promise<void>; stop(): Promise<void> } | null
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

/** The fixture page `name` in the room with `remote` members publishing audio and video. */
async function roomWith(name: string, remote: number) {
  current = name
  const opened = await openRoomPage(env, name, () => pageFixture<FixturePage>(name).room()!.start())
  page = opened.page
  await fireMembers(opened.page, opened.pusher, 1018)
  for (let i = 1; i <= remote; i++) await announceMember(opened.page, opened.pusher, `u${i}`)
  return opened
}

describe('levels flowing: setData reaches the tiles only (compiled)', () => {
  for (const template of ['float', 'bigsmall', 'grid']) {
    it(`${template}: speaking rings and quality bars change, nothing else re-renders`, async () => {
      const { page: p, pusher } = await roomWith(template, 5)
      const players = () => p.querySelectorAll('#room >>> #player')
      expect(players().length).toBeGreaterThan(0)
      const flow = await measureVolumeFlow(meter, pusher, players, () => settle(p))
      // Something shows the levels: the rings move as the speaker changes.
      expect(flow.byComponent.tile ?? 0).toBeGreaterThan(0)
      expect(Object.keys(flow.byComponent)).toEqual(['tile'])
    })

    it(`${template}: volume that changes nothing shown (all under the speaking threshold) sends no setData`, async () => {
      const { page: p, pusher } = await roomWith(template, 5)
      const tags = () => [pusher, ...p.querySelectorAll('#room >>> #player')]
      // The core writes each person's volume at most every 300 ms by the platform clock: step it.
      const realNow = Date.now
      let now = realNow()
      Date.now = () => now
      try {
        const quiet = await meter.measure(async () => {
          for (let round = 0; round < 20; round++) {
            now += 300
            tags().forEach((tag, i) => tag.dispatchEvent('audiovolumenotify', { detail: { volume: (round + i) % 9 } }))
            await settle(p)
          }
        })
        // The store took the writes (volume is there for apps that read it) ...
        expect(storedRoom(p.querySelector('#room')!, pageFixture<FixturePage>(template).room()!.roomKey).members.u1.volume).toBe((19 + 1) % 9)
        // ... but no tile, player or page re-rendered for it.
        expect(quiet.records.map((r) => r.component)).toEqual([])
      } finally {
        Date.now = realNow
      }
    })
  }
})

/**
 * Volume, speaking, active speaker and network quality (#14 items 1 + 6): the pure rules
 * (core/reduce-levels.ts, engines/mp-weixin/native-levels.ts netQuality, the web SDK scale in
 * engines/h5/trtc-levels.ts) and the reducer applying them (core/reduce-levels.ts) through the
 * Driver, with explicit clocks. The levels are the opt-in `levels` entry: imported here as main.ts would.
 */
import '../../uni_modules/webrtc-room/levels'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  feed, hysteresis, LEVEL_INTERVAL_MS, mayWrite, pickSpeaker, SILENT, SPEAK_OFF, SPEAK_OFF_MS, SPEAK_ON, SPEAKER_HOLD_MS, volumeOf, type Speech,
} from '../../uni_modules/webrtc-room/core/reduce-levels'
import { qualityOf, worseQuality } from '../../uni_modules/webrtc-room/engines/h5/trtc-levels'
import { translatePlayerNet, translatePusherNet } from '../../uni_modules/webrtc-room/engines/mp-weixin/live-tags-engine'
import { nativeLevels, netQuality } from '../../uni_modules/webrtc-room/engines/mp-weixin/native-levels'
import type { NetStatusDetail } from '../../uni_modules/webrtc-room/core/types'
import { deepFreeze, Driver, list } from './driver'

/** Speaking after each sample of `levels`, one every `stepMs`. */
function run(levels: number[], stepMs = 100): boolean[] {
  let s: Speech = SILENT
  return levels.map((level, i) => (s = hysteresis(s, level, i * stepMs)).speaking)
}

describe('speaking hysteresis', () => {
  it('turns on at SPEAK_ON, stays on between the thresholds, turns off only after SPEAK_OFF_MS under SPEAK_OFF', () => {
    expect(run([SPEAK_ON - 1])).toEqual([false])
    expect(run([SPEAK_ON])).toEqual([true])
    // Between the thresholds: keeps whatever it was.
    expect(run([SPEAK_OFF, SPEAK_ON - 1])).toEqual([false, false])
    expect(run([SPEAK_ON, SPEAK_OFF, SPEAK_OFF])).toEqual([true, true, true])
    // Under SPEAK_OFF: on until SPEAK_OFF_MS have passed since it went quiet.
    const quietSamples = SPEAK_OFF_MS / 100
    const out = run([60, ...Array(quietSamples + 1).fill(0)])
    expect(out.slice(0, quietSamples + 1).every(Boolean)).toBe(true)
    expect(out.at(-1)).toBe(false)
  })

  it('flapping input (loud / silent every sample) never switches it off; a pause long enough does', () => {
    const flapping = Array.from({ length: 40 }, (_, i) => (i % 2 ? 0 : 50))
    expect(run(flapping).every(Boolean)).toBe(true)
    // Noise around the off threshold after speech: never off while some sample reaches SPEAK_OFF.
    expect(run([50, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11]).every(Boolean)).toBe(true)
  })

  it('property: on exactly when the last sample ≥ SPEAK_ON, or it was on and the quiet run is shorter than SPEAK_OFF_MS', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ level: fc.integer({ min: 0, max: 100 }), gap: fc.integer({ min: 1, max: 700 }) }), { minLength: 1, maxLength: 60 }), (samples) => {
        let s: Speech = SILENT
        let at = 0
        let everOn = false
        let quietFrom = -1
        for (const { level, gap } of samples) {
          at += gap
          const was = s.speaking
          s = hysteresis(s, level, at)
          if (level >= SPEAK_ON) expect(s.speaking).toBe(true)
          if (!was && level < SPEAK_ON) expect(s.speaking).toBe(false)
          quietFrom = level < SPEAK_OFF ? (quietFrom < 0 ? at : quietFrom) : -1
          if (was && level < SPEAK_ON) expect(s.speaking).toBe(quietFrom < 0 || at - quietFrom < SPEAK_OFF_MS)
          everOn ||= s.speaking
        }
        if (!everOn) expect(samples.every((x) => x.level < SPEAK_ON)).toBe(true)
      }),
    )
  })
})

describe('throttle and samples', () => {
  it('allows a write first, then once per LEVEL_INTERVAL_MS', () => {
    expect(mayWrite(-1, 0)).toBe(true)
    expect(mayWrite(1000, 1000 + LEVEL_INTERVAL_MS - 1)).toBe(false)
    expect(mayWrite(1000, 1000 + LEVEL_INTERVAL_MS)).toBe(true)
  })

  it('feed keeps the loudest sample of the interval and hands it over on the next write', () => {
    let r = feed(undefined, 10, 0)
    expect(r.write).toBe(10)
    r = feed(r.track, 70, 100)
    expect(r.write).toBe(-1)
    r = feed(r.track, 5, 200)
    expect(r.write).toBe(-1)
    r = feed(r.track, 3, LEVEL_INTERVAL_MS)
    expect(r.write).toBe(70)
    expect(r.track.speaking).toBe(true) // 70 turned it on, 300 ms of quiet do not turn it off
    expect(feed(r.track, 4, LEVEL_INTERVAL_MS + 1).track.peak).toBe(4)
  })

  it('volumes are integers 0–100; junk is silence', () => {
    expect([volumeOf(42.6), volumeOf(180), volumeOf(-3), volumeOf('x'), volumeOf(undefined), volumeOf(null)]).toEqual([43, 100, 0, 0, 0, 0])
  })
})

describe('active speaker', () => {
  const s = (id: string, volume: number) => ({ id, volume })
  it('the first speaker takes the floor; silence keeps the last speaker', () => {
    expect(pickSpeaker(null, 0, [], 0)).toBeNull()
    expect(pickSpeaker(null, 0, [s('a', 30), s('b', 50)], 0)).toBe('b')
    expect(pickSpeaker('b', 0, [], 5000)).toBe('b')
  })

  it('a louder speaker takes over only after the hold; at once when the holder stopped', () => {
    expect(pickSpeaker('a', 1000, [s('a', 30), s('b', 80)], 1000 + SPEAKER_HOLD_MS - 1)).toBe('a')
    expect(pickSpeaker('a', 1000, [s('a', 30), s('b', 80)], 1000 + SPEAKER_HOLD_MS)).toBe('b')
    expect(pickSpeaker('a', 1000, [s('b', 25)], 1001)).toBe('b')
  })
})

describe('network quality', () => {
  it('TRTC values pass through; anything else is unknown; the worse of two known levels wins', () => {
    expect([0, 1, 3, 6, 7, -1, 'x', 2.4].map(qualityOf)).toEqual([0, 1, 3, 6, 0, 0, 0, 2])
    expect([worseQuality(0, 3), worseQuality(2, 0), worseQuality(2, 5), worseQuality(0, 0)]).toEqual([3, 2, 5, 0])
  })

  it('netstatus → level: throughput against bitrates, jitter, the worse of both; nothing measurable → 0', () => {
    expect(netQuality(null)).toBe(0)
    expect(netQuality({})).toBe(0)
    expect(netQuality({ netSpeed: 0, videoBitrate: 0, audioBitrate: 0 })).toBe(0) // camera and mic off
    expect(netQuality({ netSpeed: 650, videoBitrate: 600, audioBitrate: 48 })).toBe(1)
    expect(netQuality({ netSpeed: 500, videoBitrate: 600, audioBitrate: 48 })).toBe(2) // 23 % short
    expect(netQuality({ netSpeed: 350, videoBitrate: 600, audioBitrate: 48 })).toBe(3)
    expect(netQuality({ netSpeed: 250, videoBitrate: 600, audioBitrate: 48 })).toBe(4)
    expect(netQuality({ netSpeed: 100, videoBitrate: 600, audioBitrate: 48 })).toBe(5)
    expect(netQuality({ netSpeed: 0, videoBitrate: 600, audioBitrate: 48 })).toBe(6)
    expect(netQuality({ netJitter: 10 })).toBe(1)
    expect(netQuality({ netJitter: 200 })).toBe(4)
    expect(netQuality({ netSpeed: 650, videoBitrate: 600, netJitter: 400 })).toBe(5)
    // Some clients send numbers as strings.
    expect(netQuality({ netSpeed: '650', videoBitrate: '600', netJitter: '' } as unknown as Record<string, number>)).toBe(1)
  })

  it('property: always a level 0–6, and more jitter never gives a better level', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(3000), fc.nat(200), fc.nat(1000), fc.nat(1000), (speed, video, audio, j1, j2) => {
        const q1 = netQuality({ netSpeed: speed, videoBitrate: video, audioBitrate: audio, netJitter: Math.min(j1, j2) })
        const q2 = netQuality({ netSpeed: speed, videoBitrate: video, audioBitrate: audio, netJitter: Math.max(j1, j2) })
        expect(q1).toBeGreaterThanOrEqual(0)
        expect(q2).toBeLessThanOrEqual(6)
        if (q1 !== 6) expect(q2).toBeGreaterThanOrEqual(q1)
      }),
    )
  })
})

// ---- The reducer ----------------------------------------------------------------------------

const url = (id: string) => `room://cloud.tencent.com/rtc?userid=${id}`

/** In the room with `ids` joined, each publishing audio + video, players playing (autoplay). */
function roomWith(...ids: string[]): Driver {
  const d = new Driver({ autoplay: true }).enter()
  d.pusher(1031, list(ids.map((userid) => ({ userid }))))
  d.pusher(1033, list(ids.map((userid) => ({ userid, streamtype: 'main', hasvideo: 1, playurl: url(userid) }))))
  d.pusher(1034, list(ids.map((userid) => ({ userid, hasaudio: 1, playurl: url(userid) }))))
  return d
}

/** One notification per member (and yours when `self` is given), all at `at`. */
const vol = (d: Driver, at: number, streams: Array<[string, number]>, self?: number) => {
  if (self !== undefined) d.dispatch({ type: 'audio_volume', at, volume: self })
  for (const [userID, volume] of streams) d.dispatch({ type: 'audio_volume', at, volume, userID, streamType: 'main' })
}

describe('reducer: volume and speaking', () => {
  it('writes a member at most once per interval, the loudest of it, and nothing when nothing changed', () => {
    const d = roomWith('bob')
    let members = d.state.room.members
    let writes = 0
    const samples = [5, 40, 12, 33, 33, 33, 33, 33, 33, 33, 33, 33]
    samples.forEach((v, i) => {
      vol(d, 10_000 + i * 100, [['bob', v]])
      if (d.state.room.members !== members) writes++
      members = d.state.room.members
    })
    // 12 samples over 1.1 s: writes at 0, 300, 600, 900 ms at most; the 33s from 600 ms on change nothing.
    expect(writes).toBeLessThanOrEqual(4)
    expect(writes).toBe(3)
    expect(d.state.room.members.bob).toMatchObject({ volume: 33, speaking: true })
    expect(d.state.room.members.bob.streams.main?.volume).toBe(33)
  })

  it('a quiet room writes nothing at all', () => {
    const d = roomWith('bob', 'carol')
    const before = d.state.room
    for (let i = 0; i < 20; i++) vol(d, 10_000 + i * 100, [['bob', 0], ['carol', 0]], 0)
    expect(d.state.room.members).toBe(before.members)
    expect(d.state.room.self).toBe(before.self)
    expect(d.eventsOf('active_speaker')).toEqual([])
  })

  it('speaking turns off only after the quiet hold; the active speaker follows with its own hold', () => {
    const d = roomWith('bob', 'carol')
    let t = 10_000
    const tick = (bob: number, carol: number, self = 0) => vol(d, (t += 100), [['bob', bob], ['carol', carol]], self)
    tick(50, 0)
    expect(d.state.room.members.bob.speaking).toBe(true)
    expect(d.state.room.activeSpeaker).toBe('bob')
    // carol louder while bob still talks: bob keeps the floor for SPEAKER_HOLD_MS.
    for (let i = 0; i < 10; i++) tick(30, 90)
    expect(d.state.room.members.carol.speaking).toBe(true)
    expect(d.state.room.activeSpeaker).toBe('bob')
    for (let i = 0; i < 6; i++) tick(30, 90)
    expect(d.state.room.activeSpeaker).toBe('carol')
    // Both quiet: speaking off after SPEAK_OFF_MS (+ the write interval); carol stays the last speaker.
    for (let i = 0; i < (SPEAK_OFF_MS + LEVEL_INTERVAL_MS) / 100 + 1; i++) tick(0, 0)
    expect([d.state.room.members.bob.speaking, d.state.room.members.carol.speaking]).toEqual([false, false])
    expect(d.state.room.activeSpeaker).toBe('carol')
    // You speak: your own userID (within one write interval).
    for (let i = 0; i < LEVEL_INTERVAL_MS / 100; i++) tick(0, 0, 70)
    expect(d.state.room.self).toMatchObject({ volume: 70, speaking: true })
    expect(d.state.room.activeSpeaker).toBe('me')
    expect(d.eventsOf('active_speaker').map((e) => (e.detail as { userID: string }).userID)).toEqual(['bob', 'carol', 'me'])
    // The speaker events are in the event log; volume is no event at all.
    expect(d.state.room.events.filter((e) => e.tag === 'active_speaker')).toHaveLength(3)
  })

  it('the active speaker leaving clears it; a member whose audio goes stops speaking at once', () => {
    const d = roomWith('bob', 'carol')
    vol(d, 10_000, [['bob', 60], ['carol', 40]])
    expect(d.state.room.activeSpeaker).toBe('bob')
    d.pusher(1034, list([{ userid: 'carol', hasaudio: 0, playurl: url('carol') }]))
    expect(d.state.room.members.carol).toMatchObject({ volume: 0, speaking: false })
    d.pusher(1032, list([{ userid: 'bob' }]))
    expect(d.state.room.activeSpeaker).toBeNull()
    expect(d.eventsOf('active_speaker').map((e) => (e.detail as { userID: unknown }).userID)).toEqual(['bob', null])
    // Samples of a stream without audio, of an unknown member: ignored.
    vol(d, 20_000, [['carol', 90], ['zed', 90]])
    expect(d.state.room.members.carol.speaking).toBe(false)
  })

  it('muting yourself silences you at once; pause and leave silence everyone and clear the speaker', () => {
    const d = roomWith('bob')
    vol(d, 10_000, [['bob', 60]], 80)
    expect(d.state.room.self.speaking).toBe(true)
    d.dispatch({ type: 'update', options: { muted: true } })
    expect(d.state.room.self).toMatchObject({ volume: 0, speaking: false })
    vol(d, 11_000, [], 80)
    expect(d.state.room.self.speaking).toBe(false)
    d.dispatch({ type: 'pause' })
    expect(d.state.room.members.bob).toMatchObject({ volume: 0, speaking: false })
    expect(d.state.room.activeSpeaker).toBeNull()
    vol(d, 12_000, [['bob', 90]])
    expect(d.state.room.members.bob.speaking).toBe(false) // paused: samples do not count
    d.dispatch({ type: 'resume' })
    vol(d, 13_000, [['bob', 90]])
    expect(d.state.room.members.bob.speaking).toBe(true)
    d.dispatch({ type: 'stop' })
    expect(d.state.room.self).toMatchObject({ volume: 0, speaking: false, quality: 0 })
    expect(d.state.levels?.tracks).toEqual({})
  })

  it('never mutates its input', () => {
    const d = roomWith('bob')
    deepFreeze(d.state)
    expect(() => vol(d, 10_000, [['bob', 60]], 50)).not.toThrow()
    expect(() => d.dispatch({ type: 'network_quality', quality: 2, userID: 'bob' })).not.toThrow()
  })
})

describe('reducer: network quality', () => {
  it('sets your level and each member\'s; an event only on a change, kept out of the event log', () => {
    const d = roomWith('bob', 'carol')
    d.dispatchAll([
      { type: 'network_quality', quality: 2 },
      { type: 'network_quality', quality: 1, userID: 'bob' },
      { type: 'network_quality', quality: 5, userID: 'zed' },
      { type: 'network_quality', quality: 2 },
      { type: 'network_quality', quality: 1, userID: 'bob' },
    ])
    expect(d.state.room.self.quality).toBe(2)
    expect(d.state.room.members.bob.quality).toBe(1)
    expect(d.eventsOf('network_quality').map((e) => e.detail)).toEqual([
      { userID: 'me', quality: 2, previous: 0 },
      { userID: 'bob', quality: 1, previous: 0 },
    ])
    expect(d.state.room.events.some((e) => e.tag === 'network_quality')).toBe(false)
    // `others` (the web SDK's downlink) applies to every member.
    const before = d.state.room.members
    d.dispatch({ type: 'network_quality', quality: 1, others: true })
    expect(d.state.room.members.carol.quality).toBe(1)
    expect(d.state.room.members.bob).toBe(before.bob)
  })

  it('mp-weixin netstatus of the pusher and of a main player reach self.quality and the member', () => {
    const d = roomWith('bob')
    // What the live-tags engine reports for a netstatus: the stats, then the levels entry's quality.
    const pusherNet: NetStatusDetail = { info: { netSpeed: 0, videoBitrate: 600, audioBitrate: 48 } }
    const playerNet: NetStatusDetail = { info: { netSpeed: 300, videoBitrate: 600, audioBitrate: 48, netJitter: 20 } }
    d.dispatchAll([...translatePusherNet(pusherNet), ...nativeLevels({ kind: 'pusher_net', detail: pusherNet })])
    d.dispatchAll([...translatePlayerNet('bob', 'main', playerNet), ...nativeLevels({ kind: 'player_net', userID: 'bob', streamType: 'main', detail: playerNet })])
    expect(d.state.room.self.quality).toBe(6)
    expect(d.state.room.members.bob.quality).toBe(4)
    expect(d.state.room.self.net).toMatchObject({ videoBitrate: 600 })
  })
})

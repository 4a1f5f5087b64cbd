/**
 * The setData cost of levels flowing (issue #14 item 9's volume row): in a room already built by
 * the setData probe, every participant's tag gets an `audiovolumenotify` every 300 ms — the pusher
 * and every rendered `<live-player>` — and a `netstatus` every 2.1 s, for VOLUME_SECONDS of a
 * virtual clock (`Date.now` is what the uni platform's `now()` reads: the core's throttle sees real
 * 300 ms steps without the bench waiting for them). Reported per second.
 *
 * The pattern: one participant speaks at a time (loud, varying), taking turns every 3 s; everyone
 * else sends background noise under the speaking threshold that still changes every notification,
 * so each member's raw volume changes at every write. Quality: a member's throughput drops by 40 %
 * on every third netstatus (level 1 ⇄ 3), so the bars change too.
 */
import type { SetDataMeter } from '../tests/helpers/setdata-meter'
import type { SimComponent } from '../tests/mp/mp-harness'

export const VOLUME_INTERVAL_MS = 300
export const VOLUME_SECONDS = 6
const NETSTATUS_EVERY = 7
const TURN_ROUNDS = 10
/** The virtual clock never runs backwards across calls (the core's throttle remembers its writes). */
let clock = 0

export interface VolumeFlow {
  calls: number
  bytes: number
  byComponent: Record<string, number>
}

function volumeAt(index: number, round: number, participants: number): number {
  const speaker = Math.floor(round / TURN_ROUNDS) % participants
  return index === speaker ? 40 + ((round * 7 + index * 13) % 50) : (round + index) % 9
}

function netInfo(index: number, round: number) {
  const short = (Math.floor(round / NETSTATUS_EVERY) + index) % 3 === 2 ? 0.4 : 0.05
  return { videoBitrate: 600, audioBitrate: 48, netSpeed: Math.round(648 * (1 - short)), netJitter: 10 }
}

/** setData per second while levels flow; `pusher` and `players` are the page's rendered tags. */
export async function measureVolumeFlow(meter: SetDataMeter, pusher: SimComponent, players: () => SimComponent[], settle: () => Promise<void>): Promise<VolumeFlow> {
  const realNow = Date.now
  let now = Math.max(realNow(), clock)
  Date.now = () => now
  try {
    const rounds = Math.round((VOLUME_SECONDS * 1000) / VOLUME_INTERVAL_MS)
    const t = await meter.measure(async () => {
      for (let round = 0; round < rounds; round++) {
        now += VOLUME_INTERVAL_MS
        const tags = [pusher, ...players()]
        tags.forEach((tag, i) => {
          tag.dispatchEvent('audiovolumenotify', { detail: { volume: volumeAt(i, round, tags.length) } })
          if (round % NETSTATUS_EVERY === 0) tag.dispatchEvent('netstatus', { detail: { info: netInfo(i, round) } })
        })
        await settle()
      }
    })
    const perSecond = (n: number) => Math.round(n / VOLUME_SECONDS)
    return {
      calls: perSecond(t.calls),
      bytes: perSecond(t.bytes),
      byComponent: Object.fromEntries(Object.entries(t.byComponent).map(([k, v]) => [k, perSecond(v)])),
    }
  } finally {
    clock = now
    Date.now = realNow
  }
}

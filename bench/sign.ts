/**
 * `npm run bench:sign`: userSig v2 (and privateMapKey v2) generations per second, ours against the
 * official tls-sig-api-v2, in the same process, rounds interleaved, median of the rounds. Checks
 * first that both give identical output for the same clock. Prints figures; asserts nothing timed.
 * Rates are generations per CPU-second of this process (robust on a loaded machine).
 *
 * Then the HTTP service under load next to a bare node:http server (bench/sign-http.ts):
 * requests/s and p99 at 10 and 100 connections.
 *
 *   BENCH_ROUNDS=31 BENCH_MS=300 BENCH_HTTP_MS=3000 npm run bench:sign
 */
import { pathToFileURL } from 'node:url'
import { Api } from 'tls-sig-api-v2'
import { createV2Signer, signPrivateMapKey } from '../src/index'
import { formatFigure, type Figure } from './format'
import { runSignHttpBench } from './sign-http'

const SDKAPPID = 1400000000
const KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e' // Tencent's public sample key.
const EXPIRE = 86400
const REFERENCE = 'tls-sig-api-v2 1.0.2'
const userIDs = Array.from({ length: 1024 }, (_, i) => `user_${i.toString(36)}_${(i * 7919).toString(16)}`)

const ours = createV2Signer({ sdkAppID: SDKAPPID, secretKey: KEY })
const official = new Api(SDKAPPID, KEY)

type Run = (i: number) => string

/** Each figure: ours against the official package on the same inputs. */
const cases: { name: string; reference: Run; ours: Run }[] = [
  {
    name: 'sign.usersig-v2',
    reference: (i) => official.genUserSig(userIDs[i & 1023], EXPIRE),
    ours: (i) => ours.genUserSig(userIDs[i & 1023], EXPIRE),
  },
  {
    name: 'sign.privatemapkey-v2',
    reference: (i) => official.genPrivateMapKey(userIDs[i & 1023], EXPIRE, 1000 + i, 255),
    ours: (i) => signPrivateMapKey(ours, { userID: userIDs[i & 1023], expire: EXPIRE, roomID: 1000 + i, privilege: 255 }),
  },
]

/** Same clock → same bytes, or the comparison is meaningless. */
function checkIdentical(): void {
  const realNow = Date.now
  Date.now = () => 1_700_000_000_500
  try {
    for (const c of cases) {
      for (let i = 0; i < 256; i++) {
        if (c.ours(i) !== c.reference(i)) throw new Error(`${c.name}: ours differs from ${REFERENCE} at input ${i}`)
      }
    }
  } finally {
    Date.now = realNow
  }
}

/**
 * Generations per CPU-second over one round of ROUND_MS wall time. CPU time (process.cpuUsage),
 * not wall time, so other processes on a shared machine do not count against either side.
 */
function measure(run: Run, roundMs: number): number {
  let n = 0
  const cpuStart = process.cpuUsage()
  const until = performance.now() + roundMs
  while (performance.now() < until) {
    for (let k = 0; k < 64; k++) run(n++)
  }
  const cpu = process.cpuUsage(cpuStart)
  return n / ((cpu.user + cpu.system) / 1e6)
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export interface SignBenchOptions {
  rounds: number
  roundMs: number
}

/** Checks identical output, then measures every case; the figures carry the ratio and the goal (≥ 1.0). */
export function runSignBench({ rounds, roundMs }: SignBenchOptions): Figure[] {
  checkIdentical()
  return cases.map((c) => {
    for (let i = 0; i < 2000; i++) (c.reference(i), c.ours(i)) // warm-up
    const reference: number[] = []
    const candidate: number[] = []
    for (let round = 0; round < rounds; round++) {
      // Alternate the order each round so neither side always runs right after the other's garbage.
      if (round % 2 === 0) reference.push(measure(c.reference, roundMs)), candidate.push(measure(c.ours, roundMs))
      else candidate.push(measure(c.ours, roundMs)), reference.push(measure(c.reference, roundMs))
    }
    const value = Math.round(median(candidate))
    const ref = Math.round(median(reference))
    return {
      name: c.name,
      value,
      unit: 'gen/s',
      reference: { label: REFERENCE, value: ref },
      goal: { text: '≥ 1.00×', met: value >= ref },
      note: `per CPU-second, median of ${rounds} rounds of ${roundMs} ms; identical output checked on 256 inputs`,
    }
  })
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 21)
  const roundMs = Number(process.env.BENCH_MS ?? 200)
  console.log(`# sign bench: node ${process.version}, ${rounds} rounds × ${roundMs} ms, median, per CPU-second; ours vs ${REFERENCE}`)
  for (const figure of runSignBench({ rounds, roundMs })) console.log(formatFigure(figure))
  const durationMs = Number(process.env.BENCH_HTTP_MS ?? 2000)
  console.log(`# sign service over HTTP vs a bare node:http server: ${durationMs} ms per case, loopback, same run`)
  runSignHttpBench({ durationMs, connections: [10, 100] }).then(
    (figures) => figures.forEach((figure) => console.log(formatFigure(figure))),
    (err: unknown) => {
      console.error(err)
      process.exitCode = 1
    },
  )
}

/**
 * `npm run bench:sign`: userSig v2 (and privateMapKey v2) generations per second, ours against the
 * official tls-sig-api-v2, in the same process, rounds interleaved, median of the rounds. Checks
 * first that both give identical output for the same clock. Prints figures; asserts nothing timed.
 * Rates are generations per CPU-second of this process (robust on a loaded machine).
 *
 *   BENCH_ROUNDS=31 BENCH_MS=300 npm run bench:sign
 */
import { Api } from 'tls-sig-api-v2'
import { createV2Signer, signPrivateMapKey } from '../src/index'

const SDKAPPID = 1400000000
const KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e' // Tencent's public sample key.
const EXPIRE = 86400
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15)
const ROUND_MS = Number(process.env.BENCH_MS ?? 200)
const userIDs = Array.from({ length: 1024 }, (_, i) => `user_${i.toString(36)}_${(i * 7919).toString(16)}`)

const ours = createV2Signer({ sdkAppID: SDKAPPID, secretKey: KEY })
const official = new Api(SDKAPPID, KEY)

interface Case {
  name: string
  run(i: number): string
}

const cases: Case[][] = [
  [
    { name: 'usersig-v2 tls-sig-api-v2', run: (i) => official.genUserSig(userIDs[i & 1023], EXPIRE) },
    { name: 'usersig-v2 ours', run: (i) => ours.genUserSig(userIDs[i & 1023], EXPIRE) },
  ],
  [
    { name: 'privatemapkey-v2 tls-sig-api-v2', run: (i) => official.genPrivateMapKey(userIDs[i & 1023], EXPIRE, 1000 + i, 255) },
    { name: 'privatemapkey-v2 ours', run: (i) => signPrivateMapKey(ours, { userID: userIDs[i & 1023], expire: EXPIRE, roomID: 1000 + i, privilege: 255 }) },
  ],
]

/** Same clock → same bytes, or the comparison is meaningless. */
function checkIdentical(): void {
  const realNow = Date.now
  Date.now = () => 1_700_000_000_500
  try {
    for (const [reference, candidate] of cases) {
      for (let i = 0; i < 256; i++) {
        if (reference.run(i) !== candidate.run(i)) throw new Error(`${candidate.name} differs from ${reference.name} at input ${i}`)
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
function measure(c: Case): number {
  let n = 0
  const cpuStart = process.cpuUsage()
  const until = performance.now() + ROUND_MS
  while (performance.now() < until) {
    for (let k = 0; k < 64; k++) c.run(n++)
  }
  const cpu = process.cpuUsage(cpuStart)
  return n / ((cpu.user + cpu.system) / 1e6)
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const fmt = (x: number) => Math.round(x).toLocaleString('en-US').replace(/,/g, ' ')

checkIdentical()
console.log(`# sign bench: node ${process.version}, ${ROUNDS} rounds × ${ROUND_MS} ms, median, per CPU-second; outputs checked identical (256 inputs each)`)
for (const pair of cases) {
  for (const c of pair) for (let i = 0; i < 2000; i++) c.run(i) // warm-up
  const rates: number[][] = pair.map(() => [])
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order each round so neither side always runs on a warmer machine.
    const order = round % 2 === 0 ? [0, 1] : [1, 0]
    for (const idx of order) rates[idx].push(measure(pair[idx]))
  }
  const [reference, candidate] = rates.map(median)
  console.log(`${pair[0].name}: ${fmt(reference)} gen/s (reference)`)
  console.log(`${pair[1].name}: ${fmt(candidate)} gen/s (${(candidate / reference).toFixed(2)}× vs reference)`)
}

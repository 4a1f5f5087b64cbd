/**
 * Child process of the setData benchmark (bench/setdata.ts spawns it: jsdom globals and uni's app
 * singleton stay out of the main benchmark process). Renders one page of the compiled mp-weixin
 * fixture (tests/fixtures/mp-app) under miniprogram-simulate with the component engineer's harness
 * (tests/mp/mp-harness.ts) and setData meter (tests/helpers/setdata-meter.ts), grows the room by
 * firing live-pusher member notifications on the rendered <live-pusher>, and measures each change.
 *
 * argv: <dist> <page> <pusherSelector> <sizes comma-separated>; prints one JSON line on stdout.
 * Room size = people in the room, self included (as tests/mp counts it).
 */
import { installSetDataMeter, type SetDataTotals } from '../tests/helpers/setdata-meter'
import { announceMember, fireMembers, installMpApp, memberPlayURL, pageFixture, renderPage, settle } from '../tests/mp/mp-harness'
import { measureVolumeFlow } from './volume-flow'

interface FixturePage {
  room(): { start(): Promise<void>; stop(): Promise<void> } | null
}

export interface ProbeMeasure {
  roomSize: number
  /** 'volume': levels flowing for every participant (bench/volume-flow.ts); calls and bytes are per second. */
  change: 'join' | 'leave' | 'video toggle' | 'volume'
  calls: number
  bytes: number
  byComponent: Record<string, number>
}

async function main(): Promise<void> {
  const [dist, pageName, pusherSelector, sizesArg] = process.argv.slice(2)
  const sizes = sizesArg.split(',').map(Number)
  const env = installMpApp(dist)
  const meter = installSetDataMeter() // before rendering: instances bind setData at creation
  const page = renderPage(env, pageName)
  await settle(page)
  const fixture = pageFixture<FixturePage>(pageName)
  const room = fixture.room()
  if (!room) throw new Error(`fixture page ${pageName} exposes no room`)
  await room.start()
  await settle(page)
  const pusher = page.querySelector(pusherSelector)
  if (!pusher) throw new Error(`no live-pusher at ${pusherSelector}`)
  const fire = (code: number, userlist: object[]) => fireMembers(page, pusher, code, userlist)
  await fire(1018, [])

  /** A member appears as WeChat announces it: 1031, then its video (1033) and audio (1034). */
  const join = (userID: string) => announceMember(page, pusher, userID)
  const video = (userID: string, on: boolean) => fire(1033, [{ userid: userID, streamtype: 'main', hasvideo: on ? 1 : 0, playurl: memberPlayURL(userID) }])
  const leave = (userID: string) => fire(1032, [{ userid: userID }])

  const out: ProbeMeasure[] = []
  const record = (roomSize: number, change: ProbeMeasure['change'], t: Pick<SetDataTotals, 'calls' | 'bytes' | 'byComponent'>) =>
    out.push({ roomSize, change, calls: t.calls, bytes: t.bytes, byComponent: t.byComponent })
  const remote: string[] = []
  let next = 1
  for (const size of sizes) {
    // Fill up to size - 1 people (self + size - 2 remote), then measure the join that makes `size`.
    while (remote.length < size - 2) {
      const id = `user_${next++}`
      await join(id)
      remote.push(id)
    }
    const joiner = `user_${next++}`
    record(size, 'join', await meter.measure(() => join(joiner)))
    remote.push(joiner)
    // A member in the middle of the room turns its camera off (then on again, unmeasured).
    const middle = remote[Math.floor(remote.length / 2)]
    record(size, 'video toggle', await meter.measure(() => video(middle, false)))
    await video(middle, true)
    // The same member leaves (measured), and someone new takes the seat back (unmeasured).
    record(size, 'leave', await meter.measure(() => leave(middle)))
    remote.splice(remote.indexOf(middle), 1)
    const refill = `user_${next++}`
    await join(refill)
    remote.push(refill)
    record(size, 'volume', await measureVolumeFlow(meter, pusher, () => page.querySelectorAll('#room >>> #player'), () => settle(page)))
  }
  await room.stop()
  process.stdout.write(`\n@@SETDATA@@${JSON.stringify(out)}\n`)
  // uni/jsdom keep timers alive; the result is out.
  process.exit(0)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error)
  process.exit(1)
})

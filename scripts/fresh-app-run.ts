/**
 * Runs the fresh app's compiled mini-program (the readme's example page) under miniprogram-simulate:
 * proof that the uni release under test not only builds the plugin but runs it. The example leaves
 * userSig empty for the reader to fill in, so a working build must: mount `<webrtc-room>`, set the
 * page's ref, start the room from the `watch`, validate the props, emit ONE `error` room-event with
 * MISSING_PROP, and reach the page's handler, which shows the code with `uni.showToast`.
 *
 *   npx tsx scripts/fresh-app-run.ts <app>/dist/build/mp-weixin      (fresh-app-check.mjs calls it)
 */
import { RoomErrorCode } from '../uni_modules/webrtc-room/core/error-codes'
import { installMpApp, renderPage, settle } from '../tests/mp/mp-harness'

async function main(dist: string): Promise<void> {
  const env = installMpApp(dist)
  const toasts: string[] = []
  const showToast = (o: { title: string }) => void toasts.push(o.title)
  Object.assign(env.wx, { showToast })
  Object.assign((globalThis as unknown as { wx: object }).wx, { showToast })
  const page = renderPage(env, 'index')
  await settle(page, 12)
  const expected = String(RoomErrorCode.MISSING_PROP)
  page.detach()
  if (toasts.length !== 1 || toasts[0] !== expected) {
    throw new Error(`the example page should show one toast "${expected}" (userSig left empty); got ${JSON.stringify(toasts)}`)
  }
  console.log(`example page ran: <webrtc-room> mounted, ref set, start() from the watch, error ${expected} reached the page's handler`)
}

main(process.argv[2] ?? '').then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err.message)
    process.exit(1)
  },
)

/**
 * Runs the fresh app's compiled mini-program (the readme's example page) under miniprogram-simulate:
 * proof that the uni release under test not only builds the plugin but runs it. A working build must:
 * mount `<webrtc-room>`, set the page's ref, start the room from the `watch` (the live-pusher context
 * gets `start`), and turn a native failure (live-pusher -1301, camera could not open) into ONE `error`
 * room-event with CAMERA_OPEN_FAILED that reaches the page's handler, which shows the code with
 * `uni.showToast`.
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
  const pusherCtx = env.contexts.find((c) => c.kind === 'pusher')
  if (!pusherCtx?.calls.includes('start')) {
    page.detach()
    throw new Error(`the example page should start the room from its ref watch (live-pusher start); contexts: ${JSON.stringify(env.contexts.map((c) => [c.kind, c.calls]))}`)
  }
  // The example gives the tag no id: uni compiles its `ref` to class "r".
  const pusher = page.querySelector('.r >>> #pusher')
  if (!pusher) throw new Error('the example page renders no live-pusher')
  pusher.dispatchEvent('statechange', { detail: { code: -1301, message: 'camera failed' } })
  await settle(page, 12)
  const expected = String(RoomErrorCode.CAMERA_OPEN_FAILED)
  page.detach()
  if (toasts.length !== 1 || toasts[0] !== expected) {
    throw new Error(`the example page should show one toast "${expected}" after live-pusher -1301; got ${JSON.stringify(toasts)}`)
  }
  console.log(`example page ran: <webrtc-room> mounted, ref set, start() from the watch (live-pusher started), error ${expected} reached the page's handler`)
}

main(process.argv[2] ?? '').then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err.message)
    process.exit(1)
  },
)

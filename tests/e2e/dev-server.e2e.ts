/**
 * `npm run dev` as a newcomer meets it: a cold dependency cache, the H5 dev server (not the built
 * app the other browser tests load) and the sign service behind its /api/ proxy. The first "Enter
 * room" must stay on the room page: if Vite discovers a dependency only when the room starts (the
 * lazily imported TRTC web SDK), it re-optimizes and reloads the page, and the in-memory session is
 * gone ("No room session").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openPage, isolateFromInternet, type E2EBrowser } from './helpers/browser'
import { screenshot, ROOT } from './helpers/artifacts'
import { closedPort } from './helpers/free-port'
import { fillField } from './helpers/demo-page'
import { startSignService, type SignService } from './helpers/sign-service'
import { startDevServer, type DevServer } from './helpers/dev-server'

let browser: E2EBrowser
let sign: SignService
let dev: DevServer

beforeAll(async () => {
  const webPort = await closedPort()
  sign = await startSignService(ROOT, `http://127.0.0.1:${webPort}`)
  dev = await startDevServer(ROOT, Number(new URL(sign.url).port), webPort)
  browser = await launchBrowser()
  // 'refuse', not 'hang': uni's dev runtime loads an outside script with a blocking <script> tag.
  await isolateFromInternet(browser, [dev.url], 'refuse')
})
afterAll(async () => {
  await browser?.close()
  await dev?.close()
  await sign?.close()
})

/** Vite's own words when it reloads the page for dependencies it optimized late. */
const LATE_OPTIMIZE = /new dependencies optimized|optimized dependencies changed|reloading/i

/** The sign service's request log lines (one JSON object per line). */
function signRequests(log: string): Array<{ path: unknown; status: unknown }> {
  return log
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg?: unknown; path?: unknown; status?: unknown })
    .filter((entry) => entry.msg === 'request')
    .map(({ path, status }) => ({ path, status }))
}

describe('npm run dev, first visit on a cold cache', () => {
  it('signs through the same-origin proxy and enters the room without a reload', async () => {
    const { page, errors } = await openPage(browser)
    let loads = 0
    page.on('load', () => loads++)
    // A cold dev server transforms every module on this first visit: slow on 2 busy cores.
    await page.goto(`${dev.url}/#/pages/index/index`, { waitUntil: 'commit', timeout: 120_000 })
    await page.locator('#enter-room').waitFor({ state: 'visible', timeout: 120_000 })
    // The default sign address is the page's own origin: nothing to type, no CORS.
    expect(await page.locator('#field-signBaseURL input').inputValue()).toBe(dev.url)
    await fillField(page, 'roomID', '4242')
    await page.locator('#enter-room').click()

    await page.waitForURL(/pages\/room\/room/, { timeout: 30_000 })
    // The room starts: its first event reaches the log (the H5 engine has loaded the TRTC SDK by then).
    await page.locator('#event-log .event').first().waitFor({ state: 'visible', timeout: 60_000 })
    // A late optimization reloads a moment after the import that triggered it: give it that moment.
    await page.waitForTimeout(3_000)
    await screenshot(page, 'dev-server-room')
    expect(await page.locator('#no-session').count()).toBe(0)
    expect(page.url()).toMatch(/pages\/room\/room/)
    expect(loads).toBe(1)
    expect(dev.output()).not.toMatch(LATE_OPTIMIZE)
    // The signature came through the proxy.
    expect(signRequests(sign.output())).toContainEqual({ path: '/api/usersig', status: 200 })
    // The one expected console error: the plugin reporting that TRTC's servers are out of reach (offline test).
    expect(errors.filter((e) => !/\[webrtc-room\] \[room-\d+\] error -90404 /.test(e))).toEqual([])
    await page.close()
  }, 300_000)
})

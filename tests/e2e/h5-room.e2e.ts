/**
 * The H5 room on trtc-sdk-v5 in Debian chromium with a fake camera and microphone
 * (`--use-fake-ui-for-media-stream --use-fake-device-for-media-stream`, see helpers/browser.ts):
 *
 * - the local preview plays the fake camera in the pusher view (a <video> with frames);
 * - with no route to TRTC's servers (every request and WebSocket not to this run's 127.0.0.1
 *   servers is refused, so the result does not depend on the machine's network) the page shows a
 *   clear enter-room error with its code and advice;
 * - the page stays usable (tabs, leave) and no promise rejection goes unhandled;
 * - a camera the browser refuses (permission denied, no device) is the matching clear error, and
 *   a page served over plain http from a non-localhost address is an insecure-context error;
 * - with servers that never answer, the real SDK's camera on/off and switchCamera work until the
 *   room's enter timeout.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { launchBrowser, openPage, type E2EBrowser, type WatchedPage } from './helpers/browser'
import { screenshot } from './helpers/artifacts'
import { fillField, gotoIndex } from './helpers/demo-page'
import './helpers/context'

const { webURL, signURL } = inject('e2e')

interface Probe {
  rejections: string[]
  previews: Array<{ width: number; height: number; at: number }>
}

declare global {
  interface Window {
    __h5Probe?: Probe
  }
}

const UNREACHABLE_AFTER_MS = 1_000

let browser: E2EBrowser
beforeAll(async () => {
  browser = await launchBrowser()
  const local = new Set([new URL(webURL).host, new URL(signURL).host])
  const isLocal = (url: URL) => local.has(url.host)
  // No route to TRTC: everything that is not this run's demo or sign service fails, after a short
  // delay like a real unreachable network (so the test also sees the preview while it connects).
  await browser.context.route(
    (url) => !isLocal(url),
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, UNREACHABLE_AFTER_MS))
      await route.abort('addressunreachable').catch(() => {})
    },
  )
  await browser.context.routeWebSocket((url) => !isLocal(url), (ws) => ws.close({ code: 1011, reason: 'no route (e2e)' }))
})
afterAll(async () => {
  await browser?.close()
})

/** Records unhandled rejections and every time a <video> in a local pusher view starts playing. */
async function installProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const probe: Probe = { rejections: [], previews: [] }
    window.__h5Probe = probe
    window.addEventListener('unhandledrejection', (event) => {
      const reason = event.reason as { message?: unknown; errMsg?: unknown } | undefined
      let text = String(reason?.message ?? reason?.errMsg ?? '')
      if (!text) {
        try {
          text = JSON.stringify(reason)
        } catch {
          text = String(reason)
        }
      }
      probe.rejections.push(text)
    })
    document.addEventListener(
      'playing',
      (event) => {
        const video = event.target
        if (video instanceof HTMLVideoElement && video.closest('[id^="webrtc-room-local-"]')) {
          probe.previews.push({ width: video.videoWidth, height: video.videoHeight, at: performance.now() })
        }
      },
      true,
    )
  })
}

async function probe(page: Page): Promise<Probe> {
  return page.evaluate(() => window.__h5Probe ?? { rejections: ['probe missing'], previews: [] })
}

/** From the (already opened) enter page into the room page as `userID` in `roomID`. */
async function submitEnter(page: Page, userID: string, roomID: string): Promise<void> {
  await fillField(page, 'userID', userID)
  await fillField(page, 'roomID', roomID)
  await page.locator('#enter-room').click()
  await page.waitForURL(/pages\/room\/room/)
}

async function enterRoomPage(page: Page, userID: string, roomID: string): Promise<void> {
  await gotoIndex(page, webURL, signURL)
  await submitEnter(page, userID, roomID)
}

/** The error notice once it shows, as text. */
async function errorNotice(page: Page, timeout = 20_000): Promise<string> {
  const notice = page.locator('#room-error')
  await notice.waitFor({ state: 'visible', timeout })
  return (await notice.textContent()) ?? ''
}

/** Leave works (the page is usable), nothing was left unhandled, then close. */
async function leaveCleanly(watched: WatchedPage): Promise<void> {
  const { page, errors } = watched
  await page.locator('#tool-leave').click()
  await page.waitForURL(/pages\/index\/index/)
  expect((await probe(page)).rejections).toEqual([])
  expect(errors.filter((line) => line.startsWith('pageerror'))).toEqual([])
  // The only console errors are the plugin's own log line of the room's `error` event (no Vue
  // warnings, nothing from the SDK, which logs at WARN unless `debug`).
  expect(errors.filter((line) => !line.startsWith('console.error: [webrtc-room]'))).toEqual([])
  await page.close()
}

describe('H5 room on the TRTC web SDK', () => {
  it('previews the fake camera, reports the unreachable TRTC servers clearly and stays usable', async () => {
    const watched = await openPage(browser)
    const { page } = watched
    await installProbe(page)
    await enterRoomPage(page, 'e2e_h5', '515151')

    // 1. The local preview: the fake camera's frames play in the pusher view.
    await page.waitForFunction(() => (window.__h5Probe?.previews.length ?? 0) > 0, undefined, { timeout: 30_000 })
    const [preview] = (await probe(page)).previews
    expect(preview.width).toBeGreaterThan(0)
    expect(preview.height).toBeGreaterThan(0)
    // While the room is still connecting, the preview is a live, playing <video> in the pusher view.
    const live = await page.evaluate(() => {
      const video = document.querySelector<HTMLVideoElement>('[id^="webrtc-room-local-"] video')
      return video ? { paused: video.paused, readyState: video.readyState, width: video.videoWidth } : null
    })
    expect(live).toMatchObject({ paused: false })
    expect(live!.readyState).toBeGreaterThanOrEqual(2)
    expect(live!.width).toBeGreaterThan(0)
    await screenshot(page, 'h5-room-preview')

    // 2. The enter fails: one clear error with the enter-room code and advice.
    const text = await errorNotice(page, 45_000)
    expect(text).toContain(String(RoomErrorCode.ENTER_ROOM_FAILED))
    expect(text).toMatch(/could not reach the TRTC servers/)
    expect((await page.locator('#room-status').textContent())?.trim()).toBe('Error')
    // The event log has it too, once: an `error` with the code.
    const errorEvents = page.locator('#event-log .event--error', { hasText: String(RoomErrorCode.ENTER_ROOM_FAILED) })
    expect(await errorEvents.count()).toBe(1)
    // The error does not black out the page: the camera preview still plays (Retry re-enters).
    const kept = await page.evaluate(() => {
      const video = document.querySelector<HTMLVideoElement>('[id^="webrtc-room-local-"] video')
      return video ? { paused: video.paused, readyState: video.readyState, width: video.videoWidth } : null
    })
    expect(kept).toMatchObject({ paused: false })
    expect(kept!.width).toBeGreaterThan(0)
    await screenshot(page, 'h5-room-enter-failed')

    // 3. Still usable: tabs switch, leave goes back to the form.
    await page.locator('#tab-members').click()
    await page.locator('#member-list').waitFor({ state: 'visible' })
    await page.locator('#tab-events').click()
    await page.locator('#event-log .event').first().waitFor({ state: 'visible' })

    // 4. Retry enters again with the same settings: the camera preview plays again, and (still no
    // route to TRTC) the same clear error comes back.
    const previewsBefore = (await probe(page)).previews.length
    await page.locator('#room-retry').click()
    await page.waitForFunction((n) => (window.__h5Probe?.previews.length ?? 0) > n, previewsBefore, { timeout: 30_000 })
    await errorEvents.nth(1).waitFor({ state: 'visible', timeout: 45_000 })
    expect(await errorNotice(page)).toContain(String(RoomErrorCode.ENTER_ROOM_FAILED))
    await leaveCleanly(watched)
  })

  it('leaving while the room still connects, then entering again: a fresh SDK instance previews again, no error', async () => {
    const watched = await openPage(browser)
    const { page } = watched
    await installProbe(page)
    for (const round of [1, 2]) {
      if (round === 1) await enterRoomPage(page, 'e2e_again', '565656')
      else await submitEnter(page, 'e2e_again', '565656')
      await page.waitForFunction((n) => (window.__h5Probe?.previews.length ?? 0) >= n, round, { timeout: 30_000 })
      expect((await page.locator('#room-status').textContent())?.trim()).toBe('Entering')
      // Leave mid-enter: the SDK aborts its pending enterRoom, which is no error of the room.
      await page.locator('#tool-leave').click()
      await page.waitForURL(/pages\/index\/index/)
    }
    await page.waitForTimeout(1_000)
    const result = await probe(page)
    expect(result.previews).toHaveLength(2)
    expect(result.rejections).toEqual([])
    expect(watched.errors).toEqual([])
    await page.close()
  })

  // The browser refuses the camera the way a user or a site setting does: getUserMedia rejects with the
  // DOMException a real browser throws; the real SDK wraps it, the engine maps it to the room code.
  it.each([
    ['NotAllowedError', 'Permission denied', RoomErrorCode.MEDIA_PERMISSION_DENIED, /permission denied/],
    ['NotFoundError', 'Requested device not found', RoomErrorCode.DEVICE_NOT_FOUND, /no camera found/],
  ] as const)('camera refused with %s (%s): the matching room error through the real SDK, page usable', async (name, text, code, wording) => {
    const watched = await openPage(browser)
    const { page } = watched
    await installProbe(page)
    await page.addInitScript(
      ([errorName, errorText]) => {
        const devices = navigator.mediaDevices
        const original = devices.getUserMedia.bind(devices)
        devices.getUserMedia = async (constraints) => {
          if (constraints?.video) throw new DOMException(errorText, errorName)
          return original(constraints)
        }
      },
      [name, text] as const,
    )
    await enterRoomPage(page, `e2e_cam_${name.slice(3, 8).toLowerCase()}`, '535353')

    const shown = await errorNotice(page, 30_000)
    expect(shown).toContain(String(code))
    expect(shown).toMatch(wording)
    await screenshot(page, `h5-room-camera-${name}`)
    expect((await probe(page)).previews).toEqual([])
    await leaveCleanly(watched)
  })

  // The #1 browser pitfall: opening the demo over plain http on a non-localhost address (a LAN IP,
  // a test domain). The page below really is an insecure context: chromium sees
  // http://webrtc-room.test, whose requests this test serves from the run's local servers.
  it('an insecure (http, not localhost) page: -90401 before anything loads, page usable', async () => {
    const watched = await openPage(browser)
    const { page } = watched
    await installProbe(page)
    const insecure = 'http://webrtc-room.test'
    await page.route(`${insecure}/**`, async (route) => {
      const url = new URL(route.request().url())
      const target = url.pathname.startsWith('/sign/') ? `${signURL}${url.pathname.slice('/sign'.length)}` : `${webURL}${url.pathname}${url.search}`
      // Same origin for the page: no Origin header to forward (the sign service only allows loopback origins).
      const { origin: _origin, ...headers } = route.request().headers()
      const response = await route.fetch({ url: target, headers })
      await route.fulfill({ response })
    })
    await page.goto(`${insecure}/#/pages/index/index`)
    await page.locator('#enter-room').waitFor({ state: 'visible' })
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false)
    await fillField(page, 'signBaseURL', `${insecure}/sign`)
    await submitEnter(page, 'e2e_http', '545454')

    const shown = await errorNotice(page)
    expect(shown).toContain(String(RoomErrorCode.INSECURE_CONTEXT))
    expect(shown).toMatch(/https/i)
    await screenshot(page, 'h5-room-insecure-context')
    // Nothing of the SDK was fetched: the check runs before the lazy import.
    const sdkFetched = await page.evaluate(() => performance.getEntriesByType('resource').some((entry) => /trtc/i.test(entry.name)))
    expect(sdkFetched).toBe(false)
    await leaveCleanly(watched)
  })

  it('the SDK chunk cannot be fetched (flaky network): -90406; once it can, entering again works in the same page', async () => {
    const watched = await openPage(browser)
    const { page } = watched
    await installProbe(page)
    let blocked = 0
    await page.route(/trtc-sdk-v5.*\.js$/, async (route) => {
      blocked += 1
      await route.abort('connectionfailed')
    })
    await enterRoomPage(page, 'e2e_nochunk', '555555')
    expect(await errorNotice(page)).toContain(String(RoomErrorCode.ENGINE_LOAD_FAILED))
    expect(blocked).toBeGreaterThan(0)

    // The network comes back: entering again in the same page loads the SDK (the browser retries a
    // failed dynamic import) and the preview plays; no reload needed.
    await page.unroute(/trtc-sdk-v5.*\.js$/)
    await page.locator('#tool-leave').click()
    await page.waitForURL(/pages\/index\/index/)
    await submitEnter(page, 'e2e_nochunk', '555555')
    await page.waitForFunction(() => (window.__h5Probe?.previews.length ?? 0) > 0, undefined, { timeout: 30_000 })
    await leaveCleanly(watched)
  })

  it('drives the real SDK while the servers never answer: camera off/on, switchCamera, then the enter timeout', async () => {
    const watched = await openPage(browser)
    const { page } = watched
    await installProbe(page)
    // This page's routes win over the context's: TRTC's requests hang instead of failing.
    const local = new Set([new URL(webURL).host, new URL(signURL).host])
    await page.route((url) => !local.has(url.host), () => new Promise(() => {}))
    await enterRoomPage(page, 'e2e_h5_slow', '525252')
    await page.waitForFunction(() => (window.__h5Probe?.previews.length ?? 0) === 1, undefined, { timeout: 30_000 })
    expect((await page.locator('#room-status').textContent())?.trim()).toBe('Entering')

    // Camera off: the preview stops; camera on: a new preview plays (updateLocalVideo / start again).
    await page.locator('#tool-camera').click()
    await page.waitForFunction(() => {
      const video = document.querySelector<HTMLVideoElement>('[id^="webrtc-room-local-"] video')
      return !video || video.paused || !video.srcObject
    })
    await page.locator('#tool-camera').click()
    await page.waitForFunction(() => (window.__h5Probe?.previews.length ?? 0) >= 2, undefined, { timeout: 15_000 })

    // Chromium's fake device is one camera: switchCamera says so instead of failing.
    await page.locator('#tool-switch').click()
    await page.locator('#event-log .event', { hasText: String(RoomErrorCode.BROWSER_FEATURE_IGNORED) }).filter({ hasText: 'switchCamera' }).waitFor()
    await page.locator('#tool-mute').click()

    // The servers never answer: the room's enter timeout (20 s) ends it with its own clear code.
    expect(await errorNotice(page, 40_000)).toContain(String(RoomErrorCode.ENTER_TIMEOUT))
    expect((await page.locator('#room-status').textContent())?.trim()).toBe('Error')
    await screenshot(page, 'h5-room-enter-timeout')
    await leaveCleanly(watched)
  })
})

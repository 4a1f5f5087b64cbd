/**
 * H5 screen share and devices (issue 14 item 7) on the real trtc-sdk-v5 in Debian chromium. TRTC's
 * servers never answer here (the room stays `entering` until its enter timeout), which is enough:
 * capture runs while entering, and TRTC would publish the share once in the room.
 *
 * - Chromium's fake devices (`--use-fake-device-for-media-stream`) fill the demo's device pickers,
 *   labels included once the room's camera / mic permission is granted (fake UI).
 * - Headless Chromium captures a fake "screen" with `--use-fake-ui-for-media-stream` plus
 *   `--auto-select-desktop-capture-source=Entire screen --enable-usermedia-screen-capturing`: the
 *   demo's Share button starts a real `startScreenShare`, and the browser's "Stop sharing" bar is
 *   played by ending the captured track the way Chromium does (`ended` on the track).
 * - A cancelled picker cannot be clicked headless: the page's getDisplayMedia rejects with the
 *   `NotAllowedError` Chromium gives for a cancel, through the real SDK, which must end as -90408.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { launchBrowser, openPage, type E2EBrowser } from './helpers/browser'
import { screenshot } from './helpers/artifacts'
import { fillField, gotoIndex } from './helpers/demo-page'
import './helpers/context'

const { webURL, signURL } = inject('e2e')

interface ScreenProbe {
  rejections: string[]
  streams: MediaStream[]
  cancelNext: boolean
}

declare global {
  interface Window {
    __screenProbe?: ScreenProbe
  }
}

let browser: E2EBrowser
beforeAll(async () => {
  browser = await launchBrowser(['--auto-select-desktop-capture-source=Entire screen', '--enable-usermedia-screen-capturing'])
})
afterAll(async () => {
  await browser?.close()
})

/** Keeps each captured screen stream, and can make the next picker "cancelled". */
async function installScreenProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const probe: ScreenProbe = { rejections: [], streams: [], cancelNext: false }
    window.__screenProbe = probe
    window.addEventListener('unhandledrejection', (event) => probe.rejections.push(String((event.reason as Error | undefined)?.message ?? event.reason)))
    const devices = navigator.mediaDevices
    const original = devices.getDisplayMedia.bind(devices)
    devices.getDisplayMedia = async (constraints?: DisplayMediaStreamOptions) => {
      if (probe.cancelNext) {
        probe.cancelNext = false
        throw new DOMException('Permission denied', 'NotAllowedError')
      }
      const stream = await original(constraints)
      probe.streams.push(stream)
      return stream
    }
  })
}

async function eventLogHas(page: Page, code: number, timeout = 15_000): Promise<void> {
  await page.locator('#event-log .event', { hasText: String(code) }).first().waitFor({ timeout })
}

describe('H5 screen share and devices in chromium', () => {
  it('lists the fake devices, shares the screen, follows the browser stop bar, and reports a cancelled picker', async () => {
    const watched = await openPage(browser)
    const { page, errors } = watched
    await installScreenProbe(page)
    const local = new Set([new URL(webURL).host, new URL(signURL).host])
    // TRTC's requests hang: the room stays `entering` (its enter timeout is 20 s).
    await page.route((url) => !local.has(url.host), () => new Promise(() => {}))
    await gotoIndex(page, webURL, signURL)
    await fillField(page, 'userID', 'e2e_h5_share')
    await fillField(page, 'roomID', '535353')
    await page.locator('#enter-room').click()
    await page.waitForURL(/pages\/room\/room/)

    // Device pickers: Chromium's fake camera and microphone, with labels once capture runs.
    const camera = page.locator('#device-camera .media-tools__device')
    await page.waitForFunction(() => /fake/i.test(document.querySelector('#device-camera .media-tools__device')?.textContent ?? ''), undefined, { timeout: 20_000 })
    expect((await camera.textContent())?.trim()).toMatch(/fake/i)
    expect((await page.locator('#device-microphone .media-tools__device').textContent())?.trim()).not.toBe('')

    // Share: a real startScreenShare on a captured (fake) screen.
    const share = page.locator('#tool-share')
    expect((await share.textContent())?.trim()).toBe('Share screen')
    await share.click()
    await page.waitForFunction(() => document.querySelector('#tool-share')?.textContent?.trim() === 'Stop sharing', undefined, { timeout: 15_000 })
    const captured = await page.evaluate(() => window.__screenProbe!.streams.map((s) => s.getVideoTracks()[0]?.getSettings().displaySurface ?? ''))
    expect(captured).toEqual(['monitor'])
    await screenshot(page, 'h5-screen-sharing')

    // The browser's "Stop sharing" bar: the track ends (Chromium fires `ended`), TRTC says stopped.
    await page.evaluate(() => {
      const track = window.__screenProbe!.streams[0].getVideoTracks()[0]
      track.stop()
      track.dispatchEvent(new Event('ended'))
    })
    await page.waitForFunction(() => document.querySelector('#tool-share')?.textContent?.trim() === 'Share screen', undefined, { timeout: 15_000 })

    // A cancelled picker: warning -90408 in the event log, the page goes on.
    await page.evaluate(() => {
      window.__screenProbe!.cancelNext = true
    })
    await share.click()
    await eventLogHas(page, RoomErrorCode.SCREEN_SHARE_CANCELLED)
    expect((await share.textContent())?.trim()).toBe('Share screen')
    expect(await page.locator('#room-error').count()).toBe(0)

    // Sharing again after a cancel works, and Leave stops it.
    await share.click()
    await page.waitForFunction(() => document.querySelector('#tool-share')?.textContent?.trim() === 'Stop sharing', undefined, { timeout: 15_000 })
    await page.locator('#tool-leave').click()
    await page.waitForURL(/pages\/index\/index/)
    const ended = await page.evaluate(() => window.__screenProbe!.streams.map((s) => s.getVideoTracks()[0]?.readyState))
    expect(ended).toEqual(['ended', 'ended'])
    expect(await page.evaluate(() => window.__screenProbe!.rejections)).toEqual([])
    expect(errors.filter((line) => line.startsWith('pageerror'))).toEqual([])
    await page.close()
  })
})

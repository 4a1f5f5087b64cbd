/**
 * H5 mirror (issue 14 item 3) on the real trtc-sdk-v5 in Debian chromium: the room page's local
 * preview starts mirrored (localMirror 'auto' → the SDK's 'view': `scaleX(-1)` on the local video),
 * and the demo's "others see mirror" switch updates the running camera live (remoteMirror → 'both':
 * the SDK mirrors the published frames instead, so the preview element is no longer flipped).
 * TRTC's servers never answer here: capture runs while the room is entering, which is all this needs.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, openPage, type E2EBrowser } from './helpers/browser'
import { fillField, gotoIndex } from './helpers/demo-page'
import './helpers/context'

const { webURL, signURL } = inject('e2e')

let browser: E2EBrowser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('H5 mirror in chromium', () => {
  it('mirrors the local preview by default and follows the remote-mirror switch live', async () => {
    const { page, errors } = await openPage(browser)
    const local = new Set([new URL(webURL).host, new URL(signURL).host])
    await page.route((url) => !local.has(url.host), () => new Promise(() => {}))
    await gotoIndex(page, webURL, signURL)
    await fillField(page, 'userID', 'e2e_h5_mirror')
    await fillField(page, 'roomID', '535354')
    await page.locator('#enter-room').click()
    await page.waitForURL(/pages\/room\/room/)

    const mirrored = () => page.evaluate(() => Array.from(document.querySelectorAll('video')).filter((v) => v.style.transform.includes('scaleX(-1)')).length)
    await page.waitForFunction(() => Array.from(document.querySelectorAll('video')).some((v) => v.style.transform.includes('scaleX(-1)')), undefined, { timeout: 20_000 })
    expect(await mirrored()).toBe(1) // the local preview (no remote member here)

    await page.locator('#pref-remote-mirror').click()
    await page.waitForFunction(() => Array.from(document.querySelectorAll('video')).every((v) => !v.style.transform.includes('scaleX(-1)')), undefined, { timeout: 15_000 })
    expect(await mirrored()).toBe(0)
    expect((await page.locator('#pref-remote-mirror .media-prefs__value').textContent())?.trim()).toBe('On')
    expect(errors.filter((line) => line.startsWith('pageerror'))).toEqual([])
    await page.close()
  })
})

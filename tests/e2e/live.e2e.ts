/**
 * The live page (issue #18) in chromium, entered from the index page's two live buttons: the
 * audience gets the danmaku strip and 申请连麦 and never asks for camera / microphone; the anchor
 * gets the request list and does ask. TRTC / IM servers never answer here (rooms stay entering),
 * which is all a render-and-permissions check needs.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { isolateFromInternet, launchBrowser, openPage, type E2EBrowser } from './helpers/browser'
import { screenshot } from './helpers/artifacts'
import { fillField, gotoIndex } from './helpers/demo-page'
import './helpers/context'

const { webURL, signURL } = inject('e2e')

let browser: E2EBrowser
beforeAll(async () => {
  browser = await launchBrowser()
  await isolateFromInternet(browser, [webURL, signURL], 'hang')
  // Count every camera / microphone request the page makes (before any page script runs).
  await browser.context.addInitScript(() => {
    const w = window as unknown as { __gumCalls: number }
    w.__gumCalls = 0
    const media = navigator.mediaDevices
    if (!media?.getUserMedia) return
    const real = media.getUserMedia.bind(media)
    media.getUserMedia = (constraints?: MediaStreamConstraints) => {
      w.__gumCalls++
      return real(constraints)
    }
  })
})
afterAll(async () => {
  await browser?.close()
})

type LiveRole = 'anchor' | 'audience'

/** trtc-sdk-v5's schedule servers (schedule.cloud-rtc.com / .net): asked once enterRoom runs. */
const TRTC_SCHEDULE = /(^|\.)cloud-rtc\.(com|net)$/

/** Sets the index page's IM switch (its state persists between pages of this browser). */
async function setIM(page: Page, on: boolean): Promise<void> {
  const input = page.locator('#field-enableIM .uni-switch-input')
  const isOn = async () => (await input.getAttribute('class'))?.includes('uni-switch-input-checked') ?? false
  if ((await isOn()) !== on) await input.click()
  await expect.poll(isOn).toBe(on)
}

/** Index page → the live button for `role` → the live page. */
async function enterLive(role: LiveRole, roomID: string, im = true) {
  const watched = await openPage(browser)
  const { page } = watched
  await gotoIndex(page, webURL, signURL)
  await fillField(page, 'userID', `e2e_live_${role}`)
  await fillField(page, 'roomID', roomID)
  await setIM(page, im)
  // TRTC's first call when a room enters (IM's requests come earlier, before any capture starts).
  const trtcEnter = page.waitForRequest((request) => TRTC_SCHEDULE.test(new URL(request.url()).hostname), { timeout: 10_000 })
  trtcEnter.catch(() => undefined) // awaited by the tests; no unhandled rejection if one fails first
  await page.locator(`#enter-live-${role}`).click()
  await page.waitForURL(new RegExp(`pages/live/live\\?role=${role}`))
  await page.locator('#live-role').waitFor({ state: 'visible' })
  return { ...watched, trtcEnter }
}

const gumCalls = (page: Page) => page.evaluate(() => (window as unknown as { __gumCalls: number }).__gumCalls)

describe('live page', () => {
  it('audience: danmaku strip, chat row and 申请连麦; no camera/microphone; no console errors', async () => {
    const { page, errors, trtcEnter } = await enterLive('audience', '718181')
    await expect(page.locator('#live-role').textContent()).resolves.toContain('Audience')
    await page.locator('#danmaku').waitFor({ state: 'attached' })
    await page.locator('#danmaku-input').waitFor({ state: 'visible' })
    await page.locator('#danmaku-send').waitFor({ state: 'visible' })
    await page.locator('#cohost-request').waitFor({ state: 'visible' })
    await expect(page.locator('#cohost-request').textContent()).resolves.toContain('申请连麦')
    expect(await page.locator('#cohost-panel').count()).toBe(0)
    expect(await page.locator('#live-no-im').count()).toBe(0)
    // The room is entering and the SDK already asks TRTC's schedule server (it hangs here): the
    // anchor's page has called getUserMedia by this point, so an audience capture would show too.
    await page.locator('#room').getByText('Entering the room').waitFor({ state: 'visible' })
    await trtcEnter
    await screenshot(page, 'live-audience')
    expect(await gumCalls(page)).toBe(0)
    // Nobody publishes in this room: 申请连麦 says so instead of sending a request to no one.
    await page.locator('#cohost-request').click()
    await page.locator('.uni-simple-toast__text', { hasText: 'No anchor is publishing yet' }).waitFor({ state: 'visible' })
    expect(await gumCalls(page)).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })

  it('anchor: request list, no 申请连麦; asks for camera/microphone; no console errors', async () => {
    const { page, errors, trtcEnter } = await enterLive('anchor', '718182')
    await expect(page.locator('#live-role').textContent()).resolves.toContain('Anchor')
    await page.locator('#danmaku').waitFor({ state: 'attached' })
    await page.locator('#danmaku-input').waitFor({ state: 'visible' })
    await page.locator('#cohost-panel').waitFor({ state: 'visible' })
    await expect(page.locator('#cohost-panel').textContent()).resolves.toMatch(/Co-host requests \(0\)[\s\S]*Co-hosts \(0\)/)
    expect(await page.locator('#cohost-request').count()).toBe(0)
    await page.waitForFunction(() => (window as unknown as { __gumCalls: number }).__gumCalls > 0, undefined, { timeout: 10_000 })
    await trtcEnter
    await screenshot(page, 'live-anchor')
    expect(errors).toEqual([])
    await page.close()
  })

  it('without IM: the hint instead of danmaku and co-host controls', async () => {
    const { page, errors } = await enterLive('audience', '718183', false)
    await page.locator('#live-no-im').waitFor({ state: 'visible' })
    await expect(page.locator('#live-no-im').textContent()).resolves.toContain('need IM')
    for (const id of ['#danmaku-input', '#cohost-request', '#cohost-panel']) expect(await page.locator(id).count()).toBe(0)
    await page.locator('#live-leave').waitFor({ state: 'visible' })
    expect(errors).toEqual([])
    await page.close()
  })
})

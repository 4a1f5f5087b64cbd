/**
 * The enter-room page in a real browser: it renders cleanly, refuses bad input with visible
 * messages, and shows the sign service's failures in the page.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchBrowser, openPage, type E2EBrowser, type WatchedPage } from './helpers/browser'
import { screenshot } from './helpers/artifacts'
import { resettingServer } from './helpers/free-port'
import { fillField, gotoIndex } from './helpers/demo-page'
import { randomBytes } from 'node:crypto'
import { startSignService } from './helpers/sign-service'
import { ROOT } from './helpers/artifacts'
import './helpers/context'

const { webURL, signURL } = inject('e2e')

let browser: E2EBrowser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function freshIndex(): Promise<WatchedPage> {
  const watched = await openPage(browser)
  await gotoIndex(watched.page, webURL, signURL)
  return watched
}

async function submitAndReadError(page: Page, field: string): Promise<string> {
  await page.locator('#enter-room').click()
  const message = page.locator(`#error-${field}`)
  await message.waitFor({ state: 'visible' })
  return (await message.textContent())?.trim() ?? ''
}

describe('enter-room page', () => {
  it('renders the form with a readable random userID and no console errors', async () => {
    const { page, errors } = await freshIndex()
    await expect(page.locator('.hero__title').textContent()).resolves.toBe('Multi-person video room')
    const userID = await page.locator('#field-userID input').inputValue()
    expect(userID).toMatch(/^[a-z]+_[a-z]+_\d{2}$/)
    expect(await page.locator('#field-roomID input').inputValue()).toMatch(/^\d{6}$/)
    await screenshot(page, 'index')
    expect(errors).toEqual([])
    await page.close()
  })

  it('keeps the form a centered column on a 1280 px desktop window', async () => {
    const { page, errors } = await freshIndex()
    await page.setViewportSize({ width: 1280, height: 800 })
    const field = await page.locator('#field-userID').boundingBox()
    expect(field).not.toBeNull()
    expect(field!.width).toBeLessThanOrEqual(560)
    // Centered: the same margin on both sides (within a pixel or two of rounding).
    expect(Math.abs(field!.x - (1280 - field!.x - field!.width))).toBeLessThan(4)
    await screenshot(page, 'index-desktop')
    expect(errors).toEqual([])
    await page.close()
  })

  it('relabels the page in Chinese', async () => {
    const { page, errors } = await freshIndex()
    await page.locator('#lang-switch').click()
    await expect(page.locator('#enter-room').textContent()).resolves.toContain('进入房间')
    await screenshot(page, 'index-zh')
    await page.locator('#lang-switch').click()
    await expect(page.locator('#enter-room').textContent()).resolves.toContain('Enter room')
    expect(errors).toEqual([])
    await page.close()
  })

  it('refuses an empty userID with a visible message', async () => {
    const { page, errors } = await freshIndex()
    await fillField(page, 'userID', '')
    expect(await submitAndReadError(page, 'userID')).toBe('Please enter a user ID')
    await fillField(page, 'userID', '小明')
    expect(await submitAndReadError(page, 'userID')).toBe('User ID may only contain letters, digits, _ and -')
    expect(page.url()).toContain('pages/index/index')
    expect(errors).toEqual([])
    await page.close()
  })

  it.each([
    ['0', 'Room ID must be between 1 and 4294967294'],
    ['4294967295', 'Room ID must be between 1 and 4294967294'],
    ['abc', 'Room ID must be a number'],
    ['', 'Please enter a room ID'],
  ])('refuses roomID %j with a visible message', async (roomID, message) => {
    const { page, errors } = await freshIndex()
    await fillField(page, 'roomID', roomID)
    expect(await submitAndReadError(page, 'roomID')).toBe(message)
    if (roomID === '0') await screenshot(page, 'index-invalid')
    expect(page.url()).toContain('pages/index/index')
    expect(errors).toEqual([])
    await page.close()
  })

  it('clears a field message as soon as the user edits the field', async () => {
    const { page } = await freshIndex()
    await fillField(page, 'roomID', 'x')
    await submitAndReadError(page, 'roomID')
    await fillField(page, 'roomID', '42')
    // uni re-renders on the next tick: wait for the message to go rather than sampling once.
    await page.locator('#error-roomID').waitFor({ state: 'detached', timeout: 5_000 })
    await page.close()
  })

  it("sends the access token a protected sign service requires, and shows its refusal without it", async () => {
    const token = randomBytes(24).toString('hex')
    const guarded = await startSignService(ROOT, webURL, { accessToken: token })
    try {
      const { page } = await freshIndex()
      await fillField(page, 'signBaseURL', guarded.url)
      await page.locator('#enter-room').click()
      await page.locator('#sign-error').waitFor({ state: 'visible' })
      await expect(page.locator('#sign-error').textContent()).resolves.toContain('The sign service refused the request')
      await expect(page.locator('#sign-error-detail').textContent()).resolves.toMatch(/^HTTP 401 \[UNAUTHORIZED\]/)

      await fillField(page, 'signToken', token)
      await page.locator('#enter-room').click()
      await page.waitForURL(/pages\/(room\/room|custom\/custom)/)
      await page.close()
    } finally {
      await guarded.close()
    }
  })

  it('shows an unreachable sign service in the page, not only in the console', async () => {
    const { page } = await freshIndex()
    const dead = await resettingServer()
    await fillField(page, 'signBaseURL', dead.url)
    await page.locator('#enter-room').click()
    const alert = page.locator('#sign-error')
    await alert.waitFor({ state: 'visible' })
    await expect(alert.textContent()).resolves.toContain('Cannot reach the sign service')
    await expect(page.locator('#sign-error-detail').textContent()).resolves.toMatch(/request:fail/)
    expect(page.url()).toContain('pages/index/index')
    await screenshot(page, 'index-sign-error')
    await page.close()
    await dead.close()
  })
})

/**
 * From the enter page into a room in a real browser: a good form gets a real signature from the
 * local sign service, the room page opens and shows the room's status and the event log; the
 * '1v3' layout opens the custom page; no page logs a console error.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { isolateFromInternet, launchBrowser, openPage, type E2EBrowser } from './helpers/browser'
import { screenshot } from './helpers/artifacts'
import { fillField, gotoIndex, waitForLocalPreview } from './helpers/demo-page'
import { decodeUserSigV2, privateMapKeyRoom } from './helpers/usersig'
import './helpers/context'

const { webURL, signURL, sdkAppID, secretKey } = inject('e2e')

let browser: E2EBrowser
beforeAll(async () => {
  browser = await launchBrowser()
  // TRTC's servers never answer: the rooms stay in `entering` with their local preview, long enough
  // to look at (the unreachable-server error path is h5-room.e2e.ts's subject).
  await isolateFromInternet(browser, [webURL, signURL], 'hang')
})
afterAll(async () => {
  await browser?.close()
})

interface SignAnswer {
  sdkAppID: number
  userID: string
  userSig: string
  privateMapKey?: string
  expireAt: number
}

/** Fills the form, presses Enter room and returns what the sign service answered. */
async function enterRoom(page: Page, userID: string, roomID: string, template = 'float'): Promise<SignAnswer> {
  await gotoIndex(page, webURL, signURL)
  await fillField(page, 'userID', userID)
  await fillField(page, 'roomID', roomID)
  await page.locator(`#template-${template}`).click()
  const answer = page.waitForResponse((res) => res.url() === `${signURL}/api/usersig` && res.request().method() === 'POST')
  await page.locator('#enter-room').click()
  const response = await answer
  expect(response.status()).toBe(200)
  return (await response.json()) as SignAnswer
}

describe('entering a room', () => {
  it('gets a real signature from the sign service and opens the room page with status and event log', async () => {
    const { page, errors } = await openPage(browser)
    const sign = await enterRoom(page, 'e2e_alice', '424242')

    // The signature verifies with this run's secret, for this user and this room.
    const userSig = decodeUserSigV2(sign.userSig, secretKey)
    expect(userSig).toMatchObject({ valid: true, identifier: 'e2e_alice', sdkAppID })
    expect(sign.privateMapKey).toBeTruthy()
    const mapKey = decodeUserSigV2(sign.privateMapKey!, secretKey)
    expect(mapKey.valid).toBe(true)
    expect(privateMapKeyRoom(mapKey.userbuf!)).toMatchObject({ userID: 'e2e_alice', roomID: 424242 })

    await page.waitForURL(/pages\/room\/room/)
    await expect(page.locator('.status-bar__room').textContent()).resolves.toContain('424242')
    const status = page.locator('#room-status')
    await status.waitFor({ state: 'visible' })
    expect((await status.textContent())?.trim()).toMatch(/^(Idle|Checking|Entering|In room|Paused|Reconnecting|Left|Error)$/)
    await page.locator('#event-log').waitFor({ state: 'visible' })
    // The room reports what it is doing: at least one event reaches the log.
    await page.locator('#event-log .event').first().waitFor({ state: 'visible', timeout: 20_000 })
    await waitForLocalPreview(page)
    expect((await status.textContent())?.trim()).toBe('Entering')
    await screenshot(page, 'room')

    await page.locator('#tab-members').click()
    await page.locator('#member-list').waitFor({ state: 'visible' })
    await screenshot(page, 'room-members')
    await page.locator('#tab-chat').click()
    await page.locator('#chat').waitFor({ state: 'visible' })
    // IM cannot reach its servers either: a message that cannot go out says so in the chat box.
    await page.locator('#chat-input input').fill('hello room')
    await page.locator('#chat-send').click()
    const chatError = page.locator('#chat-error')
    await chatError.waitFor({ state: 'visible', timeout: 20_000 })
    expect((await chatError.textContent())?.trim()).not.toBe('')
    await screenshot(page, 'room-chat')
    await page.locator('#tab-events').click()

    expect(errors).toEqual([])
    await page.locator('#tool-leave').click()
    await page.waitForURL(/pages\/index\/index/)
    await page.close()
  })

  it("opens the '1v3' custom layout with self large and three seats below", async () => {
    const { page, errors } = await openPage(browser)
    await enterRoom(page, 'e2e_bob', '515151', '1v3')
    await page.waitForURL(/pages\/custom\/custom/)
    await page.locator('#room-status').waitFor({ state: 'visible' })
    await page.locator('.onev3').waitFor({ state: 'visible' })
    await expect(page.locator('.onev3__seat').count()).resolves.toBe(3)
    await expect(page.locator('.onev3__self .caption').textContent()).resolves.toContain('e2e_bob')
    // Self large: the pusher building block shows the local camera.
    await waitForLocalPreview(page)
    await screenshot(page, 'custom')
    expect(errors).toEqual([])
    await page.close()
  })

  it('labels the room page in Chinese when the user chose Chinese', async () => {
    const { page, errors } = await openPage(browser)
    await gotoIndex(page, webURL, signURL)
    await page.locator('#lang-switch').click()
    await expect(page.locator('#enter-room').textContent()).resolves.toContain('进入房间')
    await fillField(page, 'roomID', '626262')
    // The form remembers the last template (the 1v3 test may have run before).
    await page.locator('#template-grid').click()
    await page.locator('#enter-room').click()
    await page.waitForURL(/pages\/room\/room/)
    await page.locator('#room-status').waitFor({ state: 'visible' })
    await expect.poll(async () => (await page.locator('#room-status').textContent())?.trim()).toBe('进房中')
    await expect(page.locator('#tab-events').textContent()).resolves.toContain('事件')
    await expect(page.locator('#tool-leave .tool__label').textContent()).resolves.toBe('离开')
    await screenshot(page, 'room-zh')
    expect(errors).toEqual([])
    // The choice is remembered: switch back so the other tests read English.
    await page.locator('#tool-leave').click()
    await page.locator('#lang-switch').click()
    await expect(page.locator('#enter-room').textContent()).resolves.toContain('Enter room')
    await page.close()
  })

  it('refuses a signature for another SDKAppID than the one the form names', async () => {
    const { page, errors } = await openPage(browser)
    await gotoIndex(page, webURL, signURL)
    await fillField(page, 'sdkAppID', String(sdkAppID + 1))
    await page.locator('#enter-room').click()
    const alert = page.locator('#sign-error')
    await alert.waitFor({ state: 'visible' })
    await expect(alert.textContent()).resolves.toContain("SDKAppID differs from the sign service's")
    await expect(page.locator('#sign-error-detail').textContent()).resolves.toContain(String(sdkAppID))
    expect(page.url()).toContain('pages/index/index')
    expect(errors).toEqual([])
    await fillField(page, 'sdkAppID', '')
    await page.close()
  })

  it('sends a reloaded room page without a session back to the start', async () => {
    const { page, errors } = await openPage(browser)
    await page.goto(`${webURL}/#/pages/room/room`)
    const notice = page.locator('#no-session')
    await notice.waitFor({ state: 'visible' })
    await expect(notice.textContent()).resolves.toContain('No room session')
    await page.locator('#back-home').click()
    await page.locator('#enter-room').waitFor({ state: 'visible' })
    expect(errors).toEqual([])
    await page.close()
  })
})

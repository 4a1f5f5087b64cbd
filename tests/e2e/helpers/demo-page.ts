/** Driving the demo's pages the way a person does: open, type into uni inputs, tap. */
import type { Page } from 'playwright-core'

/** Opens the enter page with the sign-service field pointing at this run's service. */
export async function gotoIndex(page: Page, webURL: string, signURL: string): Promise<void> {
  await page.goto(`${webURL}/#/pages/index/index`)
  await page.locator('#enter-room').waitFor({ state: 'visible' })
  await fillField(page, 'signBaseURL', signURL)
}

/** uni's <input> renders a real <input> inside <uni-input id=...>. */
export async function fillField(page: Page, field: string, value: string): Promise<void> {
  await page.locator(`#field-${field} input`).fill(value)
}

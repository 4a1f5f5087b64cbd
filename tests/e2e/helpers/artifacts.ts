/**
 * Screenshots of each page: always into artifacts/e2e (gitignored, kept by CI); with
 * E2E_UPDATE_DOCS=1 the ones the docs embed (DOCS_SCREENSHOTS) are also copied to docs/screenshots.
 */
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
export const ARTIFACTS_DIR = join(ROOT, 'artifacts/e2e')
export const DOCS_SCREENSHOTS_DIR = join(ROOT, 'docs/screenshots')
/** The screenshots README.md embeds (one per demo page); the rest stay in artifacts/. */
export const DOCS_SCREENSHOTS = new Set(['index', 'room', 'custom'])

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true })
  const file = join(ARTIFACTS_DIR, `${name}.png`)
  // Let fonts and the last frame settle: uni renders pages asynchronously after navigation.
  // uni's navigation bar is position: fixed: scrolled, it would land mid-page in a full-page shot.
  await page.evaluate(async () => {
    window.scrollTo(0, 0)
    await document.fonts.ready
  })
  await page.screenshot({ path: file, fullPage: true })
  if (process.env.E2E_UPDATE_DOCS === '1' && DOCS_SCREENSHOTS.has(name)) {
    mkdirSync(DOCS_SCREENSHOTS_DIR, { recursive: true })
    copyFileSync(file, join(DOCS_SCREENSHOTS_DIR, `${name}.png`))
  }
  return file
}

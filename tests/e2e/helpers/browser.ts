/**
 * Debian's chromium under playwright-core, never a downloaded browser: flags from TOOLCHAIN.md,
 * a fresh profile per launch (removed on close), and a page that records console errors.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  // The room page asks for camera/mic on H5 once the web engine lands: a fake device, no prompt.
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
]

export interface E2EBrowser {
  context: BrowserContext
  close(): Promise<void>
}

export async function launchBrowser(): Promise<E2EBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'webrtc-room-e2e-'))
  // launchPersistentContext is how playwright takes a user-data-dir of our choosing.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'en-US',
  })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

export interface WatchedPage {
  page: Page
  /** console.error lines and uncaught page errors, in order. */
  errors: string[]
  /**
   * Requests to hosts outside this machine that the network refused (no DNS / no route: the test
   * machine is offline). Chromium logs each as a console error; they are kept apart because they
   * say nothing about the page, and the pages must still render and report them as room events.
   */
  offline: string[]
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Chromium's own console line for a failed resource load (the page's code did not write it). */
function isExternalLoadFailure(text: string, url: string | undefined): boolean {
  if (!/^Failed to load resource: net::ERR_(NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|ADDRESS_UNREACHABLE|NETWORK_ACCESS_DENIED)/.test(text)) return false
  try {
    return !!url && !LOCAL_HOSTS.has(new URL(url).hostname)
  } catch {
    return false
  }
}

export async function openPage(browser: E2EBrowser): Promise<WatchedPage> {
  const page = await browser.context.newPage()
  const errors: string[] = []
  const offline: string[] = []
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return
    const url = msg.location()?.url
    if (isExternalLoadFailure(msg.text(), url)) offline.push(url!)
    else errors.push(`console.error: ${msg.text()}${url ? ` (${url})` : ''}`)
  })
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`))
  return { page, errors, offline }
}

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

/** `extraArgs`: more Chromium flags for one file (e.g. screen capture without a picker). */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<E2EBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'webrtc-room-e2e-'))
  // launchPersistentContext is how playwright takes a user-data-dir of our choosing.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...FLAGS, ...extraArgs],
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
  /**
   * console.error lines written by a bundled vendor SDK's own logger (trtc-sdk-v5 logs every failed
   * connection attempt itself). Kept apart: the plugin reports the same failures as room events,
   * which the tests check; errors from the app's and the plugin's code stay in `errors`.
   */
  sdkLog: string[]
}

/**
 * Chunks of vendor SDKs with their own console logger: the bundler names them after the package
 * (`assets/trtc.<hash>.js`, `assets/node_modules-trtc-sdk-v5-trtc.esm.<hash>.js`, ...).
 */
const VENDOR_SDK_CHUNK = /\/assets\/[^/]*(trtc-sdk-v5|trtc\.|tim-wx-sdk)[^/]*\.js$/

function isVendorSdkLine(url: string | undefined): boolean {
  if (!url) return false
  try {
    return VENDOR_SDK_CHUNK.test(new URL(url).pathname)
  } catch {
    return false
  }
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
  const sdkLog: string[] = []
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return
    const url = msg.location()?.url
    if (isExternalLoadFailure(msg.text(), url)) offline.push(url!)
    else if (isVendorSdkLine(url)) sdkLog.push(msg.text())
    else errors.push(`console.error: ${msg.text()}${url ? ` (${url})` : ''}`)
  })
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`))
  return { page, errors, offline, sdkLog }
}

/**
 * Cuts the browser off from everything but this run's servers, so a page behaves the same on an
 * offline CI runner and on a laptop with internet. 'refuse': every outside request fails at once
 * (TRTC / IM unreachable). 'hang': outside requests and WebSockets never answer, so a room stays
 * in `entering` (with its local preview) until the plugin's own enter timeout.
 */
export async function isolateFromInternet(browser: E2EBrowser, localURLs: string[], mode: 'refuse' | 'hang' = 'refuse'): Promise<void> {
  const local = new Set(localURLs.map((u) => new URL(u).host))
  const outside = (url: URL) => !local.has(url.host)
  if (mode === 'refuse') {
    await browser.context.route(outside, (route) => route.abort('addressunreachable'))
    await browser.context.routeWebSocket(outside, (ws) => ws.close({ code: 1006, reason: 'no route (e2e)' }))
  } else {
    // Not answering is the whole point: the handlers leave the request / socket pending.
    await browser.context.route(outside, () => undefined)
    await browser.context.routeWebSocket(outside, () => undefined)
  }
}

/**
 * Screenshots of the built-in layouts on H5 with placeholder players (no camera, no network):
 * builds tests/fixtures/layout-preview for H5 (a page with the real `<webrtc-room>`, never started,
 * whose members it writes into the room store through the controller's sink), serves it on 127.0.0.1
 * and captures each template with Debian's chromium into docs/layouts/<name>.jpg.
 *
 * Run: npx tsx scripts/layout-screenshots.ts
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../tests/helpers/build-fixture'
import { serveStatic } from '../tests/e2e/helpers/static-server'
import { launchBrowser } from '../tests/e2e/helpers/browser'

const SHOTS = [
  { name: 'float', query: 'template=float&members=3' },
  { name: 'bigsmall', query: 'template=bigsmall&members=3' },
  { name: 'grid', query: 'template=grid&members=5' },
  { name: 'float-debug', query: 'template=float&members=2&debug=1&lang=en' },
]

/** H5 builds resolve index.html and /main.ts from the working directory: build inside the fixture. */
function buildPreview(): string {
  const fixture = join(ROOT, 'tests/fixtures/layout-preview')
  const dist = join(ROOT, 'dist/fixtures/layout-preview-h5')
  rmSync(dist, { recursive: true, force: true })
  execFileSync(join(ROOT, 'node_modules/.bin/uni'), ['build'], {
    cwd: fixture,
    env: { ...process.env, CI: '1', UNI_INPUT_DIR: fixture, UNI_OUTPUT_DIR: dist, NODE_ENV: 'production' },
    stdio: 'pipe',
  })
  return dist
}

async function main() {
  const dist = buildPreview()
  const out = join(ROOT, 'docs/layouts')
  mkdirSync(out, { recursive: true })
  const server = await serveStatic(dist)
  const browser = await launchBrowser()
  try {
    const page = await browser.context.newPage()
    for (const shot of SHOTS) {
      // A new document per shot: the hash router would keep the page (and its onLoad) otherwise.
      await page.goto(`${server.url}/?shot=${shot.name}#/pages/preview/preview?${shot.query}`)
      await page.waitForSelector('.wr-tile')
      await page.waitForTimeout(300)
      // JPEG of the room area only: the placeholder gradients make PNGs ~300 KB each.
      const file = join(out, `${shot.name}.jpg`)
      await page.locator('.preview').screenshot({ path: file, type: 'jpeg', quality: 80 })
      console.log(`${shot.name}: ${file}`)
    }
  } finally {
    await browser.close()
    await server.close()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})

/**
 * The 0-byte rule, checked on real mp-weixin builds: an app that does not import the IM entry
 * ships none of tim-wx-sdk (nor the plugin's IM modules); an app that imports it ships both.
 *
 * Builds: tests/fixtures/mp-app (no IM) and tests/fixtures/mp-app-im (main.ts imports
 * '@/uni_modules/webrtc-room/im', page with enableIM). The sizes are printed, not asserted.
 * The controller's IM link (core/room-im.ts, its input checks, its seam's installer) is the entry's too:
 * it sits in the shared runtime (lib/runtime.js), which keeps it only when the IM entry uses it.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { buildFixture } from '../helpers/build-fixture'
import { jsFiles } from '../helpers/dist-files'

/** Strings only tim-wx-sdk's code contains: its event names, version log and IM socket host. */
const TIM_MARKERS = ['sdkStateReady', 'onMessageReceived', 'TIM.VERSION', 'wss.im.qcloud.com', 'kickedOut']
/** Strings only the link's code contains: failure and log texts, an input check (names are minified inside the runtime). */
const LINK_MARKERS = ['IM session could not be created', 'IM stop did not settle', 'IM login failed', 'receiveUser must be']
/** What the IM-off controller keeps of the seam (core/im-link.ts): imAccess's answer without the entry. */
const SEAM_ANSWER = "enableIM needs import '@/uni_modules/webrtc-room/im'"

interface Scan {
  vendorBytes: number
  totalJsBytes: number
  /** marker → files (relative) that contain it */
  hits: Record<string, string[]>
  imModules: string[]
  /** The shared runtime holds the seam's answer without the IM entry. */
  seamAnswer: boolean
}

function scan(dist: string): Scan {
  const files = jsFiles(dist)
  const hits: Record<string, string[]> = {}
  let totalJsBytes = 0
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    totalJsBytes += statSync(file).size
    for (const marker of TIM_MARKERS) {
      if (text.includes(marker)) (hits[marker] ??= []).push(relative(dist, file))
    }
  }
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    for (const marker of LINK_MARKERS) if (text.includes(marker)) (hits[marker] ??= []).push(relative(dist, file))
  }
  const plugin = join(dist, 'uni_modules/webrtc-room')
  const imDir = join(plugin, 'im')
  return {
    vendorBytes: statSync(join(dist, 'common/vendor.js')).size,
    totalJsBytes,
    hits,
    imModules: existsSync(imDir) ? readdirSync(imDir) : [],
    seamAnswer: readFileSync(join(plugin, 'lib/runtime.js'), 'utf8').includes(SEAM_ANSWER),
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB (${bytes} B)`

describe('IM costs nothing unless the app imports the IM entry (mp-weixin build output)', () => {
  let withoutIM: Scan
  let withIM: Scan

  beforeAll(() => {
    withoutIM = scan(buildFixture('mp-app'))
    withIM = scan(buildFixture('mp-app-im'))
    console.log(
      [
        'mp-weixin bundle figures',
        `  mp-app    (no IM):  common/vendor.js ${kb(withoutIM.vendorBytes)}, all JS ${kb(withoutIM.totalJsBytes)}`,
        `  mp-app-im (IM on):  common/vendor.js ${kb(withIM.vendorBytes)}, all JS ${kb(withIM.totalJsBytes)}`,
        `  vendor.js delta: +${kb(withIM.vendorBytes - withoutIM.vendorBytes)}`,
      ].join('\n'),
    )
  }, 300_000)

  it('the app without the IM entry contains no tim-wx-sdk code and no IM module', () => {
    expect(withoutIM.hits).toEqual({})
    expect(withoutIM.imModules).toEqual([])
  })

  it('the app without the IM entry holds no IM link and no bridge: imAccess answers sends itself', () => {
    for (const marker of LINK_MARKERS) expect(withoutIM.hits[marker], marker).toBeUndefined()
    expect(withoutIM.seamAnswer).toBe(true)
  })

  it("the app with the IM entry holds the controller's IM link", () => {
    for (const marker of LINK_MARKERS) expect(withIM.hits[marker], marker).toBeDefined()
  })

  it('the app with the IM entry bundles tim-wx-sdk into common/vendor.js and the IM modules', () => {
    for (const marker of TIM_MARKERS) expect(withIM.hits[marker], marker).toContain('common/vendor.js')
    expect(withIM.imModules).toEqual(expect.arrayContaining(['index.js', 'tim-session.js', 'tim-client-pool.js']))
    // tim-wx-sdk is ~600 KB minified: the IM build's vendor chunk must carry it.
    expect(withIM.vendorBytes - withoutIM.vendorBytes).toBeGreaterThan(400 * 1024)
  })
})

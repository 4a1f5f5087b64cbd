/**
 * The H5 engine is H5-only, checked on a real mp-weixin build of tests/fixtures/mp-app (which renders
 * `<webrtc-room>`, whose setup calls `platformEngine()`): no H5 engine module and no trtc-sdk-v5 code
 * in the output. The mini-program's JS size is printed, not asserted (figures in docs/h5.md).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { buildFixture } from '../helpers/build-fixture'
import { jsFiles } from '../helpers/dist-files'

/** Strings only the H5 engine or trtc-sdk-v5 contain (TRTC event names, the loader's path, the engine's name). */
const H5_MARKERS = ['remote-video-available', 'autoplay-failed', 'trtc.esm', "'trtc-web'", '"trtc-web"', 'enableAutoPlayDialog']

describe('mp-weixin build carries none of the H5 engine', () => {
  let dist: string
  beforeAll(() => {
    dist = buildFixture('mp-app', 'mp-weixin')
  })

  it('has no H5 engine module and no TRTC web SDK code', () => {
    const hits: string[] = []
    let totalJsBytes = 0
    for (const file of jsFiles(dist)) {
      const text = readFileSync(file, 'utf8')
      totalJsBytes += statSync(file).size
      for (const marker of H5_MARKERS) if (text.includes(marker)) hits.push(`${relative(dist, file)}: ${marker}`)
    }
    console.log(`[h5-engine-bytes] mp-weixin fixture JS total: ${totalJsBytes} B`)
    expect(hits).toEqual([])
    expect(existsSync(join(dist, 'uni_modules/webrtc-room/engines/h5'))).toBe(false)
  })
})

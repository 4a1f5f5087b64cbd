/**
 * The engine choice is compile-time: uni's own preprocessor (the one `uni build` runs) keeps the H5
 * engine import only in H5 builds, so mp-weixin output can never reach trtc-sdk-v5. (The measured
 * build sizes are in docs/h5.md.)
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { platformEngine } from '../../uni_modules/webrtc-room/room-factory'

const require = createRequire(import.meta.url)
const SOURCE = readFileSync(new URL('../../uni_modules/webrtc-room/room-factory.ts', import.meta.url), 'utf8')

function preprocess(platform: string): string {
  const pre = require('@dcloudio/uni-cli-shared/dist/preprocess') as {
    initPreContext(platform: string): void
    preJs(code: string, id: string): string
  }
  pre.initPreContext(platform)
  return pre.preJs(SOURCE, 'room-factory.ts')
}

/** Doc comments name the SDK; only code counts. */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
}

describe('engine selection by conditional compilation', () => {
  it('mp-weixin: no H5 engine, no SDK', () => {
    const code = withoutComments(preprocess('mp-weixin'))
    expect(code).not.toMatch(/engines\/h5|trtc|h5-browser/i)
    expect(code).toContain('export function platformEngine')
  })

  it('h5: the TRTC web engine with the lazy loader', () => {
    const code = preprocess('h5')
    expect(code).toContain("from './engines/h5/trtc-web-engine'")
    expect(code).toContain("from './engines/h5/load-trtc'")
    expect(code).toMatch(/factory = createTrtcWebEngineFactory\(/)
  })

  it('this test run (mp-weixin) gets the default live-tags engine', () => {
    expect(platformEngine()).toBeNull()
  })
})

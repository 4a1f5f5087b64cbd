/**
 * Test-only vite plugin: applies uni's conditional compilation (`#ifdef MP-WEIXIN` ... `#endif`) to the
 * plugin's components, platform adapter and room factory, with uni's own preprocessor, so component tests see the
 * mp-weixin build (`UNI_TEST_PLATFORM=h5` switches). Other files are left untouched.
 */
import type { Plugin } from 'vite'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

const SCOPE = /uni_modules\/webrtc-room\/((components|platform)\/.*|room-factory)\.(vue|ts)(\?.*)?$/

export function uniConditional(platform = process.env.UNI_TEST_PLATFORM || 'mp-weixin'): Plugin {
  const pre = require('@dcloudio/uni-cli-shared/dist/preprocess') as {
    initPreContext(platform: string): void
    preJs(code: string, id: string, o?: object): string
    preHtml(code: string, id: string, o?: object): string
  }
  pre.initPreContext(platform)
  return {
    name: 'webrtc-room:uni-conditional',
    enforce: 'pre',
    transform(code, id) {
      if (!SCOPE.test(id) || !code.includes('#endif')) return
      const isVue = id.split('?')[0].endsWith('.vue')
      return { code: pre.preJs(isVue ? pre.preHtml(code, id) : code, id), map: null }
    },
  }
}

import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'
import { uniConditional } from './tests/components/uni-conditional'
import { runtimeFromSource } from './tests/helpers/runtime-from-source'

const root = fileURLToPath(new URL('.', import.meta.url))

// uni's runtime cannot load in Node: @dcloudio/uni-app is aliased to a shim over Vue's hooks,
// and uni/native tags (live-pusher, view, ...) are treated as custom elements.
const nativeTags = new Set([
  'live-pusher', 'live-player', 'cover-view', 'cover-image', 'view', 'text', 'image',
  'button', 'input', 'scroll-view', 'swiper', 'swiper-item', 'picker', 'switch', 'slider',
  'textarea', 'navigator', 'label', 'radio', 'radio-group', 'checkbox', 'checkbox-group', 'form',
])

export default defineConfig({
  plugins: [
    // uni's #ifdef for the plugin's components/platform (mp-weixin unless UNI_TEST_PLATFORM is set).
    uniConditional(),
    // The plugin's lib/runtime.js is its sources compiled into one module: tests run the sources
    // (one instance of each module for tests and plugin alike); tests/build/runtime-bundle.test.ts
    // keeps the bundle equal to them, and the compiled mp-weixin / H5 tests run the bundle itself.
    runtimeFromSource(),
    vue({
      template: { compilerOptions: { isCustomElement: (tag) => nativeTags.has(tag) } },
    }),
  ],
  resolve: {
    alias: [
      { find: /^@dcloudio\/uni-app$/, replacement: `${root}tests/shims/uni-app.ts` },
      { find: /^@\//, replacement: root },
    ],
  },
  test: {
    globals: true,
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    coverage: {
      provider: 'v8',
      include: ['uni_modules/webrtc-room/core/**/*.ts', 'uni_modules/webrtc-room/stores/**/*.ts'],
      reporter: ['text-summary', 'text'],
    },
  },
})

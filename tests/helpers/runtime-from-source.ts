/**
 * Vite plugin for vitest: an import of the plugin's `lib/runtime` (the generated bundle) resolves to
 * its source barrel `runtime.ts`, so a test that imports `core/…` or `stores/…` directly shares every
 * module instance (controller registry, installed entries, stores) with the plugin code it drives.
 */
import type { Plugin } from 'vite'

const BUNDLE = /\/uni_modules\/webrtc-room\/lib\/runtime(\.js)?$/

export function runtimeFromSource(): Plugin {
  return {
    name: 'webrtc-room:runtime-from-source',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!/(^|\/)lib\/runtime(\.js)?$/.test(source)) return null
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
      if (!resolved || !BUNDLE.test(resolved.id)) return null
      return resolved.id.replace(BUNDLE, '/uni_modules/webrtc-room/runtime.ts')
    },
  }
}

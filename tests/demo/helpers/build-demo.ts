/**
 * Builds the demo app itself (the repo root) for mp-weixin with uni's real compiler into
 * dist/fixtures/demo-mp-weixin, reused while its inputs are unchanged (hash of the demo's sources,
 * the plugin and the lockfile); see cachedUniBuild for the cache and the lock.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, cachedUniBuild } from '../../helpers/build-fixture'

export { ROOT }
const INPUTS = ['pages', 'static', 'uni_modules/webrtc-room', 'App.vue', 'main.ts', 'pages.json', 'manifest.json', 'package-lock.json']

function hashPath(path: string, hash: ReturnType<typeof createHash>): void {
  if (!existsSync(path)) return
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) hashPath(join(path, entry), hash)
  } else {
    hash.update(path).update(readFileSync(path))
  }
}

export function buildDemo(): string {
  const hash = createHash('sha256')
  for (const input of INPUTS) hashPath(join(ROOT, input), hash)
  return cachedUniBuild({ inputDir: ROOT, outDir: join(ROOT, 'dist/fixtures/demo-mp-weixin'), platform: 'mp-weixin', inputsHash: hash.digest('hex') })
}

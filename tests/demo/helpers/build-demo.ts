/**
 * The demo app itself (the repo root) compiled for mp-weixin, built once per change:
 * - `npm run build:mp-weixin`'s own output (dist/build/mp-weixin) when it is newer than every
 *   source, so CI (which builds first) and a developer who just built don't compile it again;
 * - otherwise a cached build in dist/fixtures/demo-mp-weixin, reused while the hash of its inputs
 *   is unchanged (see cachedUniBuild for the cache and the lock).
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, cachedUniBuild } from '../../helpers/build-fixture'
import { builtAfterSources } from '../../helpers/freshness'

export { ROOT }
const INPUTS = ['pages', 'static', 'uni_modules/webrtc-room', 'App.vue', 'main.ts', 'pages.json', 'manifest.json', 'vite.config.ts', 'scripts/dev-ports.ts', 'package-lock.json']
/** Where `npm run build:mp-weixin` writes. */
export const NPM_BUILD_DIR = join(ROOT, 'dist/build/mp-weixin')

function hashPath(path: string, hash: ReturnType<typeof createHash>): void {
  if (!existsSync(path)) return
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) hashPath(join(path, entry), hash)
  } else {
    hash.update(path).update(readFileSync(path))
  }
}

export function buildDemo(): string {
  if (builtAfterSources(join(NPM_BUILD_DIR, 'app.js'), ROOT, INPUTS)) return NPM_BUILD_DIR
  const hash = createHash('sha256')
  for (const input of INPUTS) hashPath(join(ROOT, input), hash)
  return cachedUniBuild({ inputDir: ROOT, outDir: join(ROOT, 'dist/fixtures/demo-mp-weixin'), platform: 'mp-weixin', inputsHash: hash.digest('hex') })
}

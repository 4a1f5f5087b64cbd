/**
 * The H5 demo the browser tests load: dist/build/h5, rebuilt when missing or older than any of
 * its sources (so a stale build never tests old code). E2E_SKIP_BUILD=1 trusts what is there.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const SOURCES = ['pages', 'uni_modules', 'static', 'App.vue', 'main.ts', 'pages.json', 'manifest.json', 'index.html', 'vite.config.ts']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

export function h5BuildIsFresh(root: string): boolean {
  const index = join(root, 'dist/build/h5/index.html')
  if (!existsSync(index)) return false
  const built = statSync(index).mtimeMs
  return SOURCES.every((s) => newestMtime(join(root, s)) <= built)
}

/** Returns the H5 output folder, building it first when needed. */
export function ensureH5Build(root: string): string {
  const out = join(root, 'dist/build/h5')
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(out, 'index.html'))) return out
  if (!h5BuildIsFresh(root)) {
    console.log('[e2e] building the H5 demo (npm run build:h5)')
    execFileSync('npm', ['run', '--silent', 'build:h5'], { cwd: root, stdio: 'inherit', env: { ...process.env, CI: process.env.CI ?? '1' } })
  }
  return out
}

/**
 * The H5 demo the browser tests load: dist/build/h5, rebuilt when missing or older than any of
 * its sources (so a stale build never tests old code). E2E_SKIP_BUILD=1 trusts what is there.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { builtAfterSources } from '../../helpers/freshness'

const SOURCES = ['pages', 'uni_modules', 'static', 'App.vue', 'main.ts', 'pages.json', 'manifest.json', 'index.html', 'vite.config.ts', 'scripts/dev-ports.ts', 'package-lock.json']

export function h5BuildIsFresh(root: string): boolean {
  return builtAfterSources(join(root, 'dist/build/h5/index.html'), root, SOURCES)
}

const LOCK_STALE_MS = 5 * 60_000

/**
 * Two builds into the same dist/build/h5 at once break each other (several test runs on one
 * checkout): a lock directory (mkdir is atomic) serializes them; a lock older than any build is stale.
 */
function withBuildLock<T>(root: string, fn: () => T): T {
  const lock = join(root, 'dist/.h5-build.lock')
  mkdirSync(join(root, 'dist'), { recursive: true })
  const deadline = Date.now() + LOCK_STALE_MS
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      const age = Date.now() - (existsSync(lock) ? statSync(lock).mtimeMs : 0)
      if (age > LOCK_STALE_MS || Date.now() > deadline) rmSync(lock, { recursive: true, force: true })
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500)
    }
  }
  try {
    return fn()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

/** Returns the H5 output folder, building it first when needed. */
export function ensureH5Build(root: string): string {
  const out = join(root, 'dist/build/h5')
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(out, 'index.html'))) return out
  withBuildLock(root, () => {
    // Checked under the lock: another run may have just built the same sources.
    if (h5BuildIsFresh(root)) return
    console.log('[e2e] building the H5 demo (npm run build:h5)')
    try {
      execFileSync('npm', ['run', '--silent', 'build:h5'], { cwd: root, stdio: 'pipe', env: { ...process.env, CI: process.env.CI ?? '1' } })
    } catch (err) {
      const { stdout, stderr } = err as { stdout?: Buffer; stderr?: Buffer }
      throw new Error(`npm run build:h5 failed:\n${stdout?.toString() ?? ''}\n${stderr?.toString() ?? ''}`)
    }
  })
  return out
}

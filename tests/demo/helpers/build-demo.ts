/**
 * Builds the demo app itself (the repo root) for mp-weixin with uni's real compiler into
 * dist/fixtures/demo-mp-weixin, reused while its inputs are unchanged (hash of the demo's sources,
 * the plugin and the lockfile); a lock directory keeps parallel workers from building it twice.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '../../..')
const INPUTS = ['pages', 'static', 'uni_modules/webrtc-room', 'App.vue', 'main.ts', 'pages.json', 'manifest.json', 'package-lock.json']

function hashPath(path: string, hash: ReturnType<typeof createHash>): void {
  if (!existsSync(path)) return
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) hashPath(join(path, entry), hash)
  } else {
    hash.update(path).update(readFileSync(path))
  }
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

export function buildDemo(): string {
  const outDir = join(ROOT, 'dist/fixtures/demo-mp-weixin')
  const stamp = join(outDir, '.inputs-hash')
  const lock = `${outDir}.lock`
  const hash = createHash('sha256')
  for (const input of INPUTS) hashPath(join(ROOT, input), hash)
  const want = hash.digest('hex')

  mkdirSync(join(ROOT, 'dist/fixtures'), { recursive: true })
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock)
      break
    } catch {
      if (waited > 240_000) throw new Error(`timed out waiting for the build lock ${lock}`)
      sleep(200)
    }
  }
  try {
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return outDir
    rmSync(outDir, { recursive: true, force: true })
    execFileSync(join(ROOT, 'node_modules/.bin/uni'), ['build', '-p', 'mp-weixin'], {
      cwd: ROOT,
      env: { ...process.env, CI: '1', UNI_INPUT_DIR: ROOT, UNI_OUTPUT_DIR: outDir, NODE_ENV: 'production' },
      stdio: 'pipe',
    })
    writeFileSync(stamp, want)
    return outDir
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

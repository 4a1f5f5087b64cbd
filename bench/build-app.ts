/**
 * Builds one bench app with uni's real compiler (mp-weixin or h5), once while its inputs are
 * unchanged (hash of the app tree + lockfile), like tests/helpers/build-fixture.ts does for fixtures.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, writeBenchApp, type AppVariant } from './bench-apps'

export type BuildPlatform = 'mp-weixin' | 'h5'

function hashTree(dir: string, hash: ReturnType<typeof createHash>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) hashTree(path, hash)
    else if (entry.isFile()) hash.update(entry.name).update(readFileSync(path))
  }
}

const run = promisify(execFile)

/**
 * Returns the output dir of `appDir` built for `platform` (h5 with source maps, see bench-apps.ts).
 * Async on purpose: a long synchronous build would starve a vitest worker's RPC and time it out.
 */
export async function buildBenchApp(appDir: string, name: string, platform: BuildPlatform): Promise<string> {
  const outDir = join(ROOT, 'dist/bench/out', `${name}-${platform}`)
  const stamp = join(outDir, '.inputs-hash')
  const hash = createHash('sha256').update(platform)
  hashTree(appDir, hash)
  hash.update(readFileSync(join(ROOT, 'package-lock.json')))
  const want = hash.digest('hex')
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return outDir
  rmSync(outDir, { recursive: true, force: true })
  const args = ['build', ...(platform === 'h5' ? [] : ['-p', platform])]
  try {
    await run(join(ROOT, 'node_modules/.bin/uni'), args, {
      // mp-weixin: from the repo root, as tests/helpers/build-fixture.ts does; h5 needs the app dir.
      cwd: platform === 'h5' ? appDir : ROOT,
      env: { ...process.env, CI: '1', UNI_INPUT_DIR: appDir, UNI_OUTPUT_DIR: outDir, NODE_ENV: 'production' },
      maxBuffer: 64 * 1024 * 1024,
    })
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string }
    const log = `${e.stdout ?? ''}\n${e.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n')
    throw new Error(`uni build of bench app '${name}' for ${platform} failed:\n${log}`)
  }
  writeFileSync(stamp, want)
  return outDir
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Write + build one variant under a lock directory: the budgets test and `npm run bench` share
 * dist/bench/ and may run at the same time (several engineers, one work tree).
 */
export async function buildVariant(variant: AppVariant, platform: BuildPlatform): Promise<string> {
  const lock = join(ROOT, 'dist/bench', `${variant}.lock`)
  mkdirSync(join(ROOT, 'dist/bench'), { recursive: true })
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock)
      break
    } catch {
      if (waited > 300_000) throw new Error(`timed out waiting for ${lock} (remove it if no build is running)`)
      await sleep(200)
    }
  }
  try {
    return await buildBenchApp(writeBenchApp(variant), variant, platform)
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

/**
 * Builds a fixture uni-app (tests/fixtures/<name>, which links the plugin through
 * `uni_modules/webrtc-room`) with uni's real compiler and returns the output dir.
 *
 * The build is reused while its inputs are unchanged (a hash of the fixture and the plugin), and a
 * lock directory keeps parallel test workers from building the same fixture at once.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '../..')
const PLUGIN = join(ROOT, 'uni_modules/webrtc-room')

function hashTree(dir: string, hash = createHash('sha256')): ReturnType<typeof createHash> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name)
    if (entry.name === 'node_modules') continue
    if (entry.isDirectory()) hashTree(path, hash)
    else if (entry.isFile()) hash.update(path).update(readFileSync(path))
  }
  return hash
}

function inputsHash(fixtureDir: string, platform: string, env: Record<string, string>): string {
  const hash = createHash('sha256').update(platform).update(JSON.stringify(env))
  // The fixture links the plugin; hash both explicitly (readdir does not follow the link as a dir).
  for (const entry of readdirSync(fixtureDir)) {
    if (entry !== 'uni_modules') {
      const path = join(fixtureDir, entry)
      if (statSync(path).isDirectory()) hashTree(path, hash)
      else hash.update(path).update(readFileSync(path))
    }
  }
  hashTree(PLUGIN, hash)
  hash.update(readFileSync(join(ROOT, 'package-lock.json')))
  return hash.digest('hex')
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

export interface CachedBuild {
  /** The uni app to build (UNI_INPUT_DIR). */
  inputDir: string
  outDir: string
  platform: 'mp-weixin' | 'h5'
  /** Hash of everything the build reads: the build is reused while it is unchanged. */
  inputsHash: string
  env?: Record<string, string>
}

/**
 * Runs uni's real compiler once per inputs hash (stamped in the output dir), under a lock directory
 * so parallel test workers never build the same output at once.
 */
export function cachedUniBuild({ inputDir, outDir, platform, inputsHash: want, env = {} }: CachedBuild): string {
  const stamp = join(outDir, '.inputs-hash')
  const lock = `${outDir}.lock`
  mkdirSync(dirname(outDir), { recursive: true })
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
    const args = ['build', ...(platform === 'h5' ? [] : ['-p', platform])]
    execFileSync(join(ROOT, 'node_modules/.bin/uni'), args, {
      cwd: ROOT,
      env: { ...process.env, CI: '1', UNI_INPUT_DIR: inputDir, UNI_OUTPUT_DIR: outDir, NODE_ENV: 'production', ...env },
      stdio: 'pipe',
    })
    writeFileSync(stamp, want)
    return outDir
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

/** Builds tests/fixtures/<name> for `platform` (once while unchanged) and returns the output dir. */
export function buildFixture(name: string, platform: 'mp-weixin' | 'h5' = 'mp-weixin', env: Record<string, string> = {}): string {
  const fixtureDir = join(ROOT, 'tests/fixtures', name)
  const suffix = Object.keys(env).length ? '-' + createHash('sha1').update(JSON.stringify(env)).digest('hex').slice(0, 8) : ''
  const outDir = join(ROOT, 'dist/fixtures', `${name}-${platform}${suffix}`)
  return cachedUniBuild({ inputDir: fixtureDir, outDir, platform, env, inputsHash: inputsHash(fixtureDir, platform, env) })
}

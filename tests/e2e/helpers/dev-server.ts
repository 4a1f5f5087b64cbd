/**
 * The H5 dev server exactly as `npm run dev` runs it (`uni`, vite.config.ts with its /api/ proxy to
 * the sign service), started as a child process on 127.0.0.1 with a cold dependency cache of its
 * own (VITE_CACHE_DIR), so a test sees what a fresh clone sees on its first `npm run dev`.
 */
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { stopChild } from './sign-service'

export interface DevServer {
  url: string
  /** Everything the server printed so far. */
  output(): string
  close(): Promise<void>
}

const START_TIMEOUT_MS = 120_000

/** This process's environment without what vitest sets (NODE_ENV=test, VITEST*): uni would build for tests. */
function parentEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')))
}

/** `port`: pick one with closedPort() first when the sign service must know the page's origin. */
export async function startDevServer(root: string, signPort: number, port: number): Promise<DevServer> {
  const cacheDir = join(root, 'node_modules/.vite-e2e-dev')
  rmSync(cacheDir, { recursive: true, force: true })
  let log = ''
  const child = spawn(join(root, 'node_modules/.bin/uni'), ['--host', '127.0.0.1'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...parentEnv(), NODE_ENV: 'development', CI: '1', UNI_INPUT_DIR: root, DEV_PORT: String(port), SIGN_PORT: String(signPort), VITE_CACHE_DIR: cacheDir },
  })
  child.stdout!.on('data', (chunk) => (log += chunk))
  child.stderr!.on('data', (chunk) => (log += chunk))
  const url = `http://127.0.0.1:${port}`
  const close = async () => {
    await stopChild(child)
    rmSync(cacheDir, { recursive: true, force: true })
  }
  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the dev server exited with ${child.exitCode}:\n${log}`)
    try {
      if ((await fetch(`${url}/`)).ok) return { url, output: () => log, close }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  await close()
  throw new Error(`the dev server did not answer on ${url} within ${START_TIMEOUT_MS} ms:\n${log}`)
}

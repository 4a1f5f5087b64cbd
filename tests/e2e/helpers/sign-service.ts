/**
 * The real sign service (`npm run sign-server`, src/) for the browser tests: started as a child
 * process on 127.0.0.1 with PORT=0 (the OS picks a free port, read back from its `listening` log
 * line), a TEST-ONLY secret generated for this run, configured exactly as a user configures it
 * (its documented environment variables).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'

export interface SignService {
  url: string
  sdkAppID: number
  /** TEST-ONLY: generated per run, never a real key. */
  secretKey: string
  /** What the service printed, for failure messages. */
  output(): string
  close(): Promise<void>
}

const START_TIMEOUT_MS = 30_000

/** The port from the service's structured `listening` log line (one JSON object per line). */
export function listeningPort(log: string): number | null {
  for (const line of log.split('\n')) {
    try {
      const entry = JSON.parse(line) as { msg?: unknown; port?: unknown }
      if (entry.msg === 'listening' && typeof entry.port === 'number' && entry.port > 0) return entry.port
    } catch {
      // Not a log line (npm banner, dev warnings): skip.
    }
  }
  return null
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return done()
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        // npm → sh → node: signal the whole process group this test started.
        process.kill(-child.pid!, signal)
      } catch {
        // Already gone.
      }
    }
    const hard = setTimeout(() => killGroup('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(hard)
      done()
    })
    killGroup('SIGTERM')
  })
}

export async function startSignService(root: string, webOrigin: string, options: { accessToken?: string } = {}): Promise<SignService> {
  const sdkAppID = 1400000001
  const secretKey = randomBytes(32).toString('hex')
  let log = ''
  const child = spawn('npm', ['run', '--silent', 'sign-server'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      TRTC_SDKAPPID: String(sdkAppID),
      TRTC_SECRETKEY: secretKey,
      CORS_ORIGIN: webOrigin,
      ACCESS_TOKEN: options.accessToken ?? '',
      // Every browser test signs from 127.0.0.1: room for the whole run (the limit has its own suite).
      RATE_LIMIT_BURST: '500',
    },
  })
  child.stdout!.on('data', (chunk) => (log += chunk))
  child.stderr!.on('data', (chunk) => (log += chunk))
  const close = () => stopChild(child)

  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sign service exited with ${child.exitCode}:\n${log}`)
    const port = listeningPort(log)
    if (port !== null) return { url: `http://127.0.0.1:${port}`, sdkAppID, secretKey, output: () => log, close }
    await new Promise((r) => setTimeout(r, 100))
  }
  await close()
  throw new Error(`sign service did not report listening within ${START_TIMEOUT_MS} ms:\n${log}`)
}

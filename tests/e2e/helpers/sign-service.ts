/**
 * The real sign service (`npm run sign-server`, src/) for the browser tests: started as a child
 * process on 127.0.0.1 and a free port, with a TEST-ONLY secret generated for this run, exactly
 * as a user starts it (configuration through its documented environment variables).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closedPort } from './free-port'

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

async function answers(url: string): Promise<boolean> {
  try {
    // Any HTTP answer (even 404/405) proves the service is listening.
    await fetch(url, { method: 'OPTIONS', signal: AbortSignal.timeout(1_000) })
    return true
  } catch {
    return false
  }
}

function stopChild(child: ChildProcess): Promise<void> {
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

export async function startSignService(root: string, webOrigin: string): Promise<SignService> {
  const port = await closedPort()
  const sdkAppID = 1400000001
  const secretKey = randomBytes(32).toString('hex')
  const url = `http://127.0.0.1:${port}`
  let log = ''
  const child = spawn('npm', ['run', '--silent', 'sign-server'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      TRTC_SDKAPPID: String(sdkAppID),
      TRTC_SECRETKEY: secretKey,
      CORS_ORIGIN: webOrigin,
      ACCESS_TOKEN: '',
    },
  })
  child.stdout!.on('data', (chunk) => (log += chunk))
  child.stderr!.on('data', (chunk) => (log += chunk))
  const service: SignService = { url, sdkAppID, secretKey, output: () => log, close: () => stopChild(child) }

  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sign service exited with ${child.exitCode}:\n${log}`)
    if (await answers(url)) return service
    await new Promise((r) => setTimeout(r, 200))
  }
  await service.close()
  throw new Error(`sign service did not answer on ${url} within ${START_TIMEOUT_MS} ms:\n${log}`)
}

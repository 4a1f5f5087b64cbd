/**
 * `npm run sign-server` as a user runs it: a child process configured by the environment, on an
 * ephemeral loopback port. Start-up refusal, dev mode and graceful shutdown.
 */
import { describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { connect } from 'node:net'
import { fileURLToPath } from 'node:url'
import { verifyUserSig } from '../../src/index'
import { devSecret } from './helpers'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

interface Child {
  output(): string
  exited: Promise<number | null>
  kill(signal: NodeJS.Signals): void
  /** Resolves with the port from the `listening` log line. */
  listening: Promise<number>
}

function startServer(env: Record<string, string>, args: string[] = [], openFiles?: number): Child {
  // One node process (tsx as a loader), so signals reach the server itself; `ulimit -n` via sh's exec.
  const command = [process.execPath, '--import', 'tsx', 'src/server.ts', ...args]
  const [file, argv] = openFiles ? ['/bin/sh', ['-c', `ulimit -n ${openFiles} && exec "$@"`, 'sh', ...command]] : [command[0], command.slice(1)]
  const child = spawn(file, argv, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let onLine: (() => void) | null = null
  child.stdout.on('data', (c) => ((out += c), onLine?.()))
  child.stderr.on('data', (c) => ((out += c), onLine?.()))
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  const listening = new Promise<number>((resolve, reject) => {
    onLine = () => {
      const match = /"msg":"listening".*?"port":(\d+)/.exec(out)
      if (match) resolve(Number(match[1]))
    }
    exited.then((code) => reject(new Error(`exited ${code}: ${out}`)))
  })
  listening.catch(() => {}) // Tests of refusals never wait for it.
  return { output: () => out, exited, kill: (s) => child.kill(s), listening }
}

describe('sign-server process', () => {
  it('refuses to start without the secret, with a clear message and exit code 1', async () => {
    const child = startServer({ TRTC_SDKAPPID: '1400000001' })
    expect(await child.exited).toBe(1)
    expect(child.output()).toMatch(/refusing to start without a secret: set TRTC_SECRETKEY or TRTC_SECRETKEY_FILE/)
  })

  it('serves with the environment the e2e helper uses, and shuts down gracefully on SIGTERM', async () => {
    const secret = 'test-only-0123456789abcdef'
    const child = startServer({ TRTC_SDKAPPID: '1400000009', TRTC_SECRETKEY: secret, CORS_ORIGIN: 'http://127.0.0.1:4173', ACCESS_TOKEN: '' })
    const port = await child.listening
    const response = await fetch(`http://127.0.0.1:${port}/api/usersig`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:4173' },
      body: JSON.stringify({ userID: 'alice', roomID: 9 }),
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { userSig: string; sdkAppID: number }
    expect(body.sdkAppID).toBe(1400000009)
    expect(verifyUserSig(body.userSig, secret).valid).toBe(true)
    // fetch keeps that socket alive: the stop must not wait for it (nor for the 5 s forced exit).
    const t0 = performance.now()
    child.kill('SIGTERM')
    expect(await child.exited).toBe(0)
    expect(performance.now() - t0).toBeLessThan(2000)
    expect(child.output()).toMatch(/"msg":"stopped","outcome":"clean"/)
    expect(child.output()).toMatch(/"msg":"shutting down","signal":"SIGTERM"/)
    expect(child.output()).toMatch(/"msg":"stopped"/)
    expect(child.output()).not.toContain(secret)
    expect(child.output()).not.toContain(body.userSig)
  })

  it('--dev: loud warning, TEST-ONLY secret for sdkAppID 1400000001; SIGINT stops it', async () => {
    const child = startServer({}, ['--dev'])
    const port = await child.listening
    expect(child.output()).toMatch(/DEV MODE: signing with the TEST-ONLY throwaway secret \(sdkAppID 1400000001\)/)
    expect(child.output()).toMatch(/NOT valid for real TRTC/)
    const body = (await (await fetch(`http://127.0.0.1:${port}/api/usersig`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userID: 'bob' }),
    })).json()) as { userSig: string; sdkAppID: number }
    expect(body.sdkAppID).toBe(1400000001)
    expect(verifyUserSig(body.userSig, devSecret.secretKey).valid).toBe(true)
    child.kill('SIGINT')
    expect(await child.exited).toBe(0)
  })

  it('started with ulimit -n 200: 400 idle sockets do not lock real requests out (the default cap follows the limit)', async () => {
    const child = startServer({ TRTC_SDKAPPID: '1400000009', TRTC_SECRETKEY: 'test-only-ulimit-secret' }, [], 200)
    const port = await child.listening
    expect(child.output()).toMatch(/"maxConnections":136/)
    const idle = Array.from({ length: 400 }, () => connect(port, '127.0.0.1').on('error', () => {}))
    await new Promise((done) => setTimeout(done, 300))
    try {
      const t0 = performance.now()
      for (let i = 0; i < 3; i++) {
        const response = await fetch(`http://127.0.0.1:${port}/api/usersig`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify({ userID: `u${i}` }) })
        expect(response.status).toBe(200)
      }
      expect(performance.now() - t0).toBeLessThan(3000)
    } finally {
      idle.forEach((socket) => socket.destroy())
      child.kill('SIGTERM')
      await child.exited
    }
  })

  it('unknown arguments are refused (configuration is environment only)', async () => {
    const child = startServer({}, ['--secret=abc'])
    expect(await child.exited).toBe(2)
    expect(child.output()).toMatch(/unexpected argument #1 \(not shown/)
    expect(child.output()).not.toContain("abc")
  })
})

/**
 * The sign service under load next to a bare node:http server, in the same run: requests/s and p99
 * at 10 and 100 keep-alive connections on loopback, so the cost of validation, signing (HMAC +
 * zlib, twice: userSig and privateMapKey), logging and the abuse limits is visible as a ratio.
 * Each server runs in its own process; the load generator (bench/http-load.ts) in this one. The
 * service runs as deployed: the package built to plain JS (`npm run build` in src/), not through tsx,
 * whose loader costs several times the service itself per request.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { Figure } from './format'
import { runLoad, type LoadResult } from './http-load'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BODY = JSON.stringify({ userID: 'bench_user_1', roomID: 1234 })
const REQUEST = Buffer.from(`POST /api/usersig HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`)

/** The baseline: reads the body and answers a fixed JSON, nothing else. */
const BARE_SERVER = `
const http = require('node:http')
const answer = JSON.stringify({ ok: true })
http.createServer((req, res) => {
  req.resume()
  req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': answer.length }); res.end(answer) })
}).listen(Number(process.env.PORT), '127.0.0.1')`

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
    probe.on('error', reject)
  })
}

async function waitForHealth(port: number, path: string, child: ChildProcess): Promise<void> {
  const until = performance.now() + 15_000
  while (performance.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}${path}`)).status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 50))
  }
  throw new Error(`no answer on port ${port}`)
}

interface Target {
  label: string
  port: number
  child: ChildProcess
}

async function startTarget(label: string, args: string[], env: Record<string, string>, healthPath: string): Promise<Target> {
  const port = await freePort()
  // Logs go to /dev/null: written (and their cost paid) but not read back by this process.
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH, ...env, HOST: '127.0.0.1', PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] })
  await waitForHealth(port, healthPath, child)
  return { label, port, child }
}

export interface SignHttpOptions {
  durationMs: number
  connections: number[]
}

export async function runSignHttpBench({ durationMs, connections }: SignHttpOptions): Promise<Figure[]> {
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: `${ROOT}src`, stdio: 'inherit' })
  if (build.status !== 0) throw new Error('npm run build in src/ failed')
  const bare = await startTarget('bare node:http', ['-e', BARE_SERVER], {}, '/')
  const ours = await startTarget('sign service', ['src/dist/src/server.js'], {
    TRTC_SDKAPPID: '1400000000',
    TRTC_SECRETKEY: '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e', // Tencent's public sample key
    // The limiter runs on every request but never refuses: its cost is measured, not its verdict.
    RATE_LIMIT_BURST: '100000',
    RATE_LIMIT_PER_MINUTE: '6000000',
  }, '/healthz')
  const figures: Figure[] = []
  try {
    for (const c of connections) {
      const results = new Map<Target, LoadResult>()
      for (const target of [bare, ours]) {
        await runLoad({ port: target.port, request: REQUEST, connections: c, durationMs: Math.min(300, durationMs) }) // warm-up
        const result = await runLoad({ port: target.port, request: REQUEST, connections: c, durationMs, maxRequests: 2_000_000 })
        if (result.errors) throw new Error(`${target.label}: ${result.errors} non-2xx answers at ${c} connections`)
        results.set(target, result)
      }
      const [b, o] = [results.get(bare)!, results.get(ours)!]
      const note = `${c} keep-alive connections, ${durationMs} ms, loopback; POST /api/usersig with a room (userSig + privateMapKey); the built package`
      figures.push(
        { name: `sign.http.c${c}.throughput`, value: Math.round(o.perSecond), unit: 'req/s', reference: { label: `bare node:http ${Math.round(b.perSecond)} req/s`, value: b.perSecond }, note },
        { name: `sign.http.c${c}.p99`, value: Number(o.p99Ms.toFixed(2)), unit: 'ms', reference: { label: `bare node:http ${b.p99Ms.toFixed(2)} ms`, value: b.p99Ms }, note },
      )
    }
  } finally {
    bare.child.kill()
    ours.child.kill()
  }
  return figures
}

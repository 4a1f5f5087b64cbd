/**
 * The sign service's abuse limits on real sockets: per-client rate limit (429 + Retry-After), the
 * connection cap that sheds idle sockets and keeps serving, header / request / keep-alive timeouts
 * on time (±1 s, with short configured values), and a graceful stop that does not wait on idle
 * keep-alive sockets.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { Agent, request as httpRequest, type Server } from 'node:http'
import { connect, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { createSignServer, stopSignServer } from '../../src/server/app'
import { DEFAULT_LIMITS, defaultMaxConnections, loadLimits, type ServiceLimits } from '../../src/server/config'
import { createRateLimiter } from '../../src/server/rate-limit'
import { createLogger } from '../../src/server/logger'
import { verifyUserSig } from '../../src/index'
import { devSecret, testServerConfig } from './helpers'

const config = testServerConfig()

const running: Server[] = []
const sockets: Socket[] = []
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.destroy())
  await Promise.all(running.splice(0).map((server) => new Promise((done) => (server.closeAllConnections(), server.close(done)))))
})

async function start(limits: Partial<ServiceLimits> = {}): Promise<{ server: Server; port: number; logs: string[] }> {
  const logs: string[] = []
  const server = createSignServer({ ...config, limits }, createLogger((line) => logs.push(line), [config.secretKey]))
  running.push(server)
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { server, port: (server.address() as AddressInfo).port, logs }
}

const SIGN_BODY = JSON.stringify({ userID: 'alice', roomID: 1234 })
const signRequest = `POST /api/usersig HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${SIGN_BODY.length}\r\n\r\n${SIGN_BODY}`

/** A raw socket: what it received and when it closed (ms after connecting). */
function rawSocket(port: number, send = ''): { socket: Socket; received: () => string; closed: Promise<number> } {
  const t0 = performance.now()
  let received = ''
  const socket = connect(port, '127.0.0.1', () => send && socket.write(send))
  sockets.push(socket)
  socket.on('data', (chunk) => (received += chunk))
  socket.on('error', () => {})
  const closed = new Promise<number>((done) => socket.on('close', () => done(performance.now() - t0)))
  return { socket, received: () => received, closed }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

function post(port: number, headers: Record<string, string> = {}, path = '/api/usersig'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: path === '/healthz' ? 'GET' : 'POST', agent: false, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end(path === '/healthz' ? undefined : SIGN_BODY)
  })
}

describe('rate limit (token bucket per client)', () => {
  it('defaults: a login burst of 10 passes; a loop of 300 is cut to 429 with Retry-After', async () => {
    const { port } = await start()
    for (let i = 0; i < 10; i++) expect((await post(port)).status).toBe(200)
    const statuses: number[] = []
    let retryAfter: unknown
    for (let i = 0; i < 300; i++) {
      const res = await post(port)
      statuses.push(res.status)
      if (res.status === 429) {
        retryAfter = res.headers['retry-after']
        expect(JSON.parse(res.body).error.code).toBe('RATE_LIMITED')
      }
    }
    // burst 20 − 10 used + refill of 1/s over the loop: at most a few dozen more pass.
    expect(statuses.filter((s) => s === 200).length).toBeLessThan(DEFAULT_LIMITS.rateBurst + 10)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(250)
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
    // The health probe is never limited.
    expect((await post(port, {}, '/healthz')).status).toBe(200)
  })

  it('counts each client apart (X-Forwarded-For only with TRUST_PROXY), and is configurable / off', async () => {
    const trusted = await start({ rateBurst: 3, ratePerMinute: 60, trustProxy: true })
    for (let i = 0; i < 3; i++) expect((await post(trusted.port, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(200)
    expect((await post(trusted.port, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(429)
    // The proxy appends the real peer last: a spoofed first hop does not make a new client.
    expect((await post(trusted.port, { 'x-forwarded-for': '203.0.113.9, 198.51.100.1' })).status).toBe(429)
    expect((await post(trusted.port, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(200)

    const untrusted = await start({ rateBurst: 2 })
    await post(untrusted.port, { 'x-forwarded-for': '1.1.1.1' })
    await post(untrusted.port, { 'x-forwarded-for': '2.2.2.2' })
    expect((await post(untrusted.port, { 'x-forwarded-for': '3.3.3.3' })).status).toBe(429)

    const off = await start({ rateBurst: 0 })
    for (let i = 0; i < 50; i++) expect((await post(off.port)).status).toBe(200)
  })

  it('refills at the configured rate and forgets the least recently seen clients past its table size', () => {
    const limiter = createRateLimiter({ burst: 2, perMinute: 30, maxClients: 3 })
    expect(limiter.take('a', 0)).toEqual({ ok: true })
    expect(limiter.take('a', 0)).toEqual({ ok: true })
    expect(limiter.take('a', 0)).toEqual({ ok: false, retryAfterSeconds: 2 })
    expect(limiter.take('a', 1000)).toEqual({ ok: false, retryAfterSeconds: 1 })
    expect(limiter.take('a', 2000)).toEqual({ ok: true })
    for (const c of ['b', 'c', 'd']) limiter.take(c, 2000) // 'a' is now the oldest of four: forgotten
    expect(limiter.take('a', 2000)).toEqual({ ok: true })
    expect(limiter.take('a', 2000)).toEqual({ ok: true })
  })
})

describe('connection cap', () => {
  it('400 idle sockets against a cap of 50: real requests are still answered, open sockets stay at the cap', async () => {
    const { server, port, logs } = await start({ maxConnections: 50 })
    const idle = Array.from({ length: 400 }, () => rawSocket(port))
    await sleep(200)
    const t0 = performance.now()
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(port)))
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200])
    expect(verifyUserSig(JSON.parse(answers[0].body).userSig, devSecret.secretKey).valid).toBe(true)
    expect(performance.now() - t0).toBeLessThan(2000)
    const open = await new Promise<number>((done) => server.getConnections((_e, n) => done(n)))
    expect(open).toBeLessThanOrEqual(50)
    expect((await Promise.all(idle.slice(0, 300).map((s) => s.closed))).length).toBe(300) // the oldest were shed
    expect(logs.some((l) => l.includes('"msg":"connection cap reached"'))).toBe(true)
  })

  it('sheds idle keep-alive sockets before busy ones; when all are busy the newcomer is refused', async () => {
    const { port } = await start({ maxConnections: 3, requestTimeoutMs: 3000, headersTimeoutMs: 3000 })
    // Three requests in progress (headers sent, body pending): busy, not sheddable.
    const busy = Array.from({ length: 3 }, () => rawSocket(port, 'POST /api/usersig HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{'))
    await sleep(150)
    const refused = rawSocket(port, signRequest)
    await refused.closed
    expect(refused.received()).toBe('')
    // Finish one busy request: its socket is idle keep-alive now and makes room for a newcomer.
    busy[0].socket.write(`"userID":"bob"}${' '.repeat(40 - 16)}`)
    await sleep(150)
    expect(busy[0].received()).toMatch(/^HTTP\/1.1 200/)
    const admitted = rawSocket(port, signRequest)
    await sleep(300)
    expect(admitted.received()).toMatch(/^HTTP\/1.1 200/)
    expect(await busy[0].closed).toBeGreaterThan(0)
    expect(busy[1].socket.destroyed).toBe(false)
  })

  it('the default cap follows the open-files limit (ulimit -n)', () => {
    expect(defaultMaxConnections('Max open files            200                  4096                 files\n')).toBe(136)
    expect(defaultMaxConnections('Max open files            1048576              1048576              files\n')).toBe(1000)
    expect(defaultMaxConnections('nothing here')).toBe(1000)
  })
})

describe('timeouts take effect at the configured time (±1 s)', () => {
  it('headers, whole request and idle keep-alive, each on its own socket', async () => {
    const { port } = await start({ headersTimeoutMs: 600, requestTimeoutMs: 1200, keepAliveTimeoutMs: 900 })
    const silent = rawSocket(port)
    const slowHeaders = rawSocket(port, 'POST /api/usersig HTTP/1.1\r\nHost: x\r\n')
    const slowBody = rawSocket(port, 'POST /api/usersig HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{"us')
    const keptAlive = rawSocket(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n')
    const [a, b, c, d] = await Promise.all([silent.closed, slowHeaders.closed, slowBody.closed, keptAlive.closed])
    for (const [ms, want] of [[a, 600], [b, 600], [c, 1200], [d, 900]]) {
      expect(ms).toBeGreaterThan(want - 100)
      expect(ms).toBeLessThan(want + 1000)
    }
    expect(slowHeaders.received()).toMatch(/^HTTP\/1.1 408/)
    expect(slowBody.received()).toMatch(/^HTTP\/1.1 408/)
    expect(keptAlive.received()).toMatch(/^HTTP\/1.1 200/)
  })

  it('a kept-alive socket that sends its next request in time is served (the idle timer is cleared)', async () => {
    const { port } = await start({ headersTimeoutMs: 2000, requestTimeoutMs: 3000, keepAliveTimeoutMs: 500 })
    const s = rawSocket(port, signRequest)
    await sleep(350)
    // The next request trickles in over ~800 ms: longer than the idle timeout, shorter than the request timeout.
    for (const part of [signRequest.slice(0, 40), signRequest.slice(40, 120), signRequest.slice(120)]) {
      s.socket.write(part)
      await sleep(280)
    }
    await sleep(100)
    expect(s.received().match(/HTTP\/1.1 200/g)?.length).toBe(2)
  })

  it('are configurable from the environment, and refuse nonsense', () => {
    expect(loadLimits({ HEADERS_TIMEOUT_MS: '2000', REQUEST_TIMEOUT_MS: '4000', KEEP_ALIVE_TIMEOUT_MS: '1000', MAX_CONNECTIONS: '64', RATE_LIMIT_BURST: '5', RATE_LIMIT_PER_MINUTE: '10', TRUST_PROXY: '1', SHUTDOWN_TIMEOUT_MS: '100' })).toEqual({
      headersTimeoutMs: 2000, requestTimeoutMs: 4000, keepAliveTimeoutMs: 1000, maxConnections: 64, rateBurst: 5, ratePerMinute: 10, trustProxy: true, shutdownTimeoutMs: 100,
    })
    expect(() => loadLimits({ HEADERS_TIMEOUT_MS: '9000', REQUEST_TIMEOUT_MS: '4000' })).toThrow(/must not exceed REQUEST_TIMEOUT_MS/)
    expect(() => loadLimits({ MAX_CONNECTIONS: '0' })).toThrow(/MAX_CONNECTIONS must be between 1/)
    expect(() => loadLimits({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY must be 1/)
    expect(() => loadLimits({ RATE_LIMIT_PER_MINUTE: '1.5' })).toThrow(/whole number/)
  })
})

describe('graceful stop', () => {
  it('closes idle keep-alive sockets at once', async () => {
    const { server, port } = await start({ keepAliveTimeoutMs: 30_000, shutdownTimeoutMs: 5000 })
    const agent = new Agent({ keepAlive: true })
    const res = await fetchVia(agent, port)
    expect(res).toBe(200)
    const t0 = performance.now()
    expect(await stopSignServer(server)).toBe('clean')
    expect(performance.now() - t0).toBeLessThan(500)
    agent.destroy()
  })

  it('lets a request in flight finish (answered with Connection: close), then stops without waiting for the timeout', async () => {
    const { server, port } = await start({ keepAliveTimeoutMs: 30_000, shutdownTimeoutMs: 5000 })
    const half = signRequest.length - 5
    const inFlight = rawSocket(port, signRequest.slice(0, half))
    await sleep(100)
    const t0 = performance.now()
    const stopped = stopSignServer(server)
    await sleep(100)
    inFlight.socket.write(signRequest.slice(half))
    expect(await stopped).toBe('clean')
    expect(performance.now() - t0).toBeLessThan(1000)
    await inFlight.closed
    expect(inFlight.received()).toMatch(/^HTTP\/1.1 200[\s\S]*[Cc]onnection: close/)
  })

  it('cuts a stuck request after shutdownTimeoutMs', async () => {
    const { server, port } = await start({ shutdownTimeoutMs: 300, requestTimeoutMs: 10_000 })
    rawSocket(port, 'POST /api/usersig HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{')
    await sleep(100)
    const t0 = performance.now()
    expect(await stopSignServer(server)).toBe('forced')
    expect(performance.now() - t0).toBeLessThan(1300)
  })
})

function fetchVia(agent: Agent, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/healthz', agent }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode!))
    })
    req.on('error', reject)
    req.end()
  })
}

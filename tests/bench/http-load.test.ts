/** bench/http-load.ts, the load generator behind `npm run bench:sign`'s HTTP figures: counts, errors, bounds. */
import { describe, expect, it } from 'vitest'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { runLoad } from '../../bench/http-load'

describe('runLoad', () => {
  it('keeps N keep-alive connections busy, counts non-2xx answers, and stops at its bounds', async () => {
    let served = 0
    const sockets = new Set<unknown>()
    const server = createServer((req, res) => {
      sockets.add(req.socket)
      served++
      const status = served % 4 === 0 ? 429 : 200
      req.resume()
      req.on('end', () => res.writeHead(status, { 'content-length': '2' }).end('ok'))
    })
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    const { port } = server.address() as AddressInfo
    const request = Buffer.from('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}')
    const byCount = await runLoad({ port, request, connections: 4, durationMs: 10_000, maxRequests: 400 })
    expect(byCount.requests).toBeGreaterThanOrEqual(400)
    expect(byCount.requests).toBeLessThan(410) // at most one answer in flight per connection past the bound
    expect(byCount.errors).toBeGreaterThanOrEqual(Math.floor(byCount.requests / 4) - 4)
    expect(sockets.size).toBe(4)
    expect(byCount.p99Ms).toBeGreaterThanOrEqual(byCount.p50Ms)
    const t0 = performance.now()
    const byTime = await runLoad({ port, request, connections: 2, durationMs: 200 })
    expect(performance.now() - t0).toBeLessThan(1500)
    expect(byTime.perSecond).toBeGreaterThan(0)
    server.close()
  })
})

/**
 * A small closed-loop HTTP/1.1 load generator on raw loopback sockets (the way autocannon works):
 * `connections` keep-alive sockets each send one request, wait for the whole answer, send the next,
 * for `durationMs`. Returns requests/s and latency percentiles. Bounded in time and in count.
 */
import { connect, type Socket } from 'node:net'

export interface LoadOptions {
  port: number
  /** The raw request bytes, sent as is for every request (keep-alive). */
  request: Buffer
  connections: number
  durationMs: number
  /** Stop earlier after this many answers (a bound on a very fast target). */
  maxRequests?: number
}

export interface LoadResult {
  requests: number
  /** Answers whose status was not 2xx. */
  errors: number
  perSecond: number
  p50Ms: number
  p99Ms: number
}

const HEADER_END = Buffer.from('\r\n\r\n')

/** Calls `onAnswer(status)` for every complete answer (Content-Length framed) read from `socket`. */
function readAnswers(socket: Socket, onAnswer: (status: number) => void): void {
  let buffer: Buffer = Buffer.alloc(0)
  socket.on('data', (chunk: Buffer) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk
    for (;;) {
      const end = buffer.indexOf(HEADER_END)
      if (end < 0) return
      const head = buffer.toString('latin1', 0, end)
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0)
      const total = end + 4 + length
      if (buffer.length < total) return
      buffer = buffer.subarray(total)
      onAnswer(Number(head.slice(9, 12)))
    }
  })
}

export function runLoad({ port, request, connections, durationMs, maxRequests = Infinity }: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = []
    let errors = 0
    let stopped = false
    let open = 0
    const started = performance.now()
    const deadline = started + durationMs
    const finish = () => {
      const elapsed = (performance.now() - started) / 1000
      latencies.sort((a, b) => a - b)
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN
      resolve({ requests: latencies.length, errors, perSecond: latencies.length / elapsed, p50Ms: at(0.5), p99Ms: at(0.99) })
    }
    for (let i = 0; i < connections; i++) {
      const socket = connect(port, '127.0.0.1')
      socket.setNoDelay(true)
      open++
      let sentAt = 0
      const send = () => {
        sentAt = performance.now()
        socket.write(request)
      }
      socket.on('connect', send)
      socket.on('error', (err) => (stopped ? undefined : reject(err)))
      socket.on('close', () => --open === 0 && finish())
      readAnswers(socket, (status) => {
        const now = performance.now()
        latencies.push(now - sentAt)
        if (status < 200 || status >= 300) errors++
        if (stopped || now >= deadline || latencies.length >= maxRequests) {
          stopped = true
          socket.end()
        } else {
          send()
        }
      })
    }
  })
}

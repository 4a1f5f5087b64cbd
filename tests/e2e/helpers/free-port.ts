import { createServer } from 'node:net'

/** A TCP port on 127.0.0.1 that nothing listens on right now (for the "service unreachable" case). */
export function closedPort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.once('error', fail)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => ok(port))
    })
  })
}

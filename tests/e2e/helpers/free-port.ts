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

/**
 * A sign-service address that fails every request at once: it listens (so no other process can take
 * the port mid-test, unlike a merely closed port) and resets each connection as it arrives.
 */
export async function resettingServer(): Promise<{ url: string; close(): Promise<void> }> {
  const srv = createServer((socket) => socket.destroy())
  await new Promise<void>((ok, fail) => {
    srv.once('error', fail)
    srv.listen(0, '127.0.0.1', () => ok())
  })
  const addr = srv.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((ok) => srv.close(() => ok())) }
}

/** `npm run dev`'s ports: read from the environment, checked before anything starts, busy ones named. */
import { createServer, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_SIGN_PORT, DEFAULT_WEB_PORT, DevPortError, devPorts } from '../../scripts/dev-ports'
import { busyPortMessages, portIsFree } from '../../scripts/dev'

describe('devPorts', () => {
  it('defaults, and takes DEV_PORT / SIGN_PORT (or the sign service own PORT)', () => {
    expect(devPorts({})).toEqual({ web: DEFAULT_WEB_PORT, sign: DEFAULT_SIGN_PORT })
    expect(devPorts({ DEV_PORT: '6000', SIGN_PORT: '6001' })).toEqual({ web: 6000, sign: 6001 })
    expect(devPorts({ PORT: '9000' })).toEqual({ web: DEFAULT_WEB_PORT, sign: 9000 })
    expect(devPorts({ PORT: '9000', SIGN_PORT: '9100' }).sign).toBe(9100)
  })

  it.each(['abc', '0', '65536', '-1', '80.5'])('refuses %j with the variable name and an example', (value) => {
    expect(() => devPorts({ SIGN_PORT: value })).toThrow(DevPortError)
    expect(() => devPorts({ SIGN_PORT: value })).toThrow(/SIGN_PORT=.* is not a port.*SIGN_PORT=\d+/)
  })

  it('refuses one port for both servers', () => {
    expect(() => devPorts({ DEV_PORT: '7000', SIGN_PORT: '7000' })).toThrow(/both 7000/)
  })
})

describe('busy ports', () => {
  let server: Server | undefined
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())))

  it('names each busy port, what it is for and how to choose another', async () => {
    const busy = new Set([5173])
    const messages = await busyPortMessages({ web: 5173, sign: 8787 }, async (port) => !busy.has(port))
    expect(messages).toEqual([expect.stringMatching(/port 5173 \(the H5 dev server\).*DEV_PORT=5174 npm run dev/)])
    busy.add(8787)
    const both = await busyPortMessages({ web: 5173, sign: 8787 }, async (port) => !busy.has(port))
    expect(both[1]).toMatch(/port 8787 \(the sign service\).*SIGN_PORT=8788 npm run dev/)
  })

  it('probes a real listening socket', async () => {
    server = createServer()
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', () => done()))
    const { port } = server.address() as { port: number }
    expect(await portIsFree(port)).toBe(false)
    await new Promise<void>((done) => server!.close(() => done()))
    server = undefined
    expect(await portIsFree(port)).toBe(true)
  })
})

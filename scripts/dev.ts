/**
 * `npm run dev`: the sign service and the H5 dev server side by side (concurrently), after checking
 * that both ports are free — a busy port stops here with which port it is and how to choose another,
 * instead of one process dying with EADDRINUSE and taking the other down with it.
 */
import { createServer } from 'node:net'
import concurrently from 'concurrently'
import { DevPortError, devPorts, type DevPorts } from './dev-ports'

/** Resolves true when nothing listens on 127.0.0.1:port (we could bind it ourselves). */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, host, () => probe.close(() => resolve(true)))
  })
}

/** The message for each busy port: what it is for and the variable that moves it. */
export async function busyPortMessages(ports: DevPorts, isFree = portIsFree): Promise<string[]> {
  const roles = [
    { port: ports.web, what: 'the H5 dev server', variable: 'DEV_PORT' },
    { port: ports.sign, what: 'the sign service', variable: 'SIGN_PORT' },
  ]
  const messages: string[] = []
  for (const role of roles) {
    if (await isFree(role.port)) continue
    messages.push(
      `port ${role.port} (${role.what}) is already in use — stop what runs there, or choose another port: ` +
        `${role.variable}=${role.port + 1} npm run dev`,
    )
  }
  return messages
}

async function main(): Promise<number> {
  let ports: DevPorts
  try {
    ports = devPorts(process.env)
  } catch (err) {
    if (!(err instanceof DevPortError)) throw err
    console.error(`npm run dev: ${err.message}`)
    return 2
  }
  const busy = await busyPortMessages(ports)
  if (busy.length) {
    for (const line of busy) console.error(`npm run dev: ${line}`)
    return 1
  }
  // Both children read the same ports: the sign service its own PORT, vite.config.ts DEV_PORT / SIGN_PORT.
  const env = { DEV_PORT: String(ports.web), SIGN_PORT: String(ports.sign), PORT: String(ports.sign) }
  const { result } = concurrently(
    [
      { command: 'npm run --silent sign-server:dev', name: 'sign', prefixColor: 'blue', env },
      { command: 'npm run --silent dev:h5', name: 'h5', prefixColor: 'green', env },
    ],
    { killOthersOn: ['failure', 'success'] },
  )
  console.log(`npm run dev: H5 on http://localhost:${ports.web}/ — the form signs through its /api/ proxy (sign service on 127.0.0.1:${ports.sign})`)
  try {
    await result
    return 0
  } catch {
    return 1
  }
}

if (process.argv[1] && /dev\.ts$/.test(process.argv[1])) {
  main().then((code) => process.exit(code))
}

/**
 * The two ports of `npm run dev`, from the environment: the H5 dev server (DEV_PORT, default 5173)
 * and the sign service behind its `/api/` proxy (SIGN_PORT, or the service's own PORT; default 8787).
 * Read by vite.config.ts and by scripts/dev.ts, so both always agree.
 */
export const DEFAULT_WEB_PORT = 5173
export const DEFAULT_SIGN_PORT = 8787

export interface DevPorts {
  web: number
  sign: number
}

export class DevPortError extends Error {}

function portVar(env: NodeJS.ProcessEnv, names: string[], fallback: number): number {
  for (const name of names) {
    const text = env[name]?.trim()
    if (!text) continue
    const port = Number(text)
    if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
      throw new DevPortError(`${name}=${JSON.stringify(env[name])} is not a port: use a number from 1 to 65535, e.g. ${name}=${fallback + 1}`)
    }
    return port
  }
  return fallback
}

export function devPorts(env: NodeJS.ProcessEnv): DevPorts {
  const ports = { web: portVar(env, ['DEV_PORT'], DEFAULT_WEB_PORT), sign: portVar(env, ['SIGN_PORT', 'PORT'], DEFAULT_SIGN_PORT) }
  if (ports.web === ports.sign) throw new DevPortError(`DEV_PORT and SIGN_PORT are both ${ports.web}: the H5 dev server and the sign service need a port each`)
  return ports
}

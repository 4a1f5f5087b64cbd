/**
 * Which browser origins may call the service. Mini-programs and servers send no Origin and are not
 * affected; a browser page from another origin gets 403 instead of a signature it could not read.
 */
export type CorsPolicy = { kind: 'any' } | { kind: 'list'; origins: ReadonlySet<string> } | { kind: 'loopback' }

const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/

/** CORS_ORIGINS: `*`, or a comma list of exact origins (`https://app.example.com,http://localhost:5173`). */
export function parseCorsPolicy(value: string | undefined, fallback: CorsPolicy): CorsPolicy {
  const text = value?.trim()
  if (!text) return fallback
  if (text === '*') return { kind: 'any' }
  const origins = text
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean)
  return { kind: 'list', origins: new Set(origins) }
}

export function describeCorsPolicy(policy: CorsPolicy): string {
  if (policy.kind === 'any') return 'any origin'
  if (policy.kind === 'loopback') return 'loopback origins (localhost, 127.0.0.1, [::1])'
  return [...policy.origins].join(', ')
}

export function originAllowed(origin: string, policy: CorsPolicy): boolean {
  if (policy.kind === 'any') return true
  if (policy.kind === 'loopback') return LOOPBACK_ORIGIN.test(origin)
  return policy.origins.has(origin)
}

/** Headers for an allowed cross-origin answer. */
export function corsHeaders(origin: string): Record<string, string> {
  return { 'access-control-allow-origin': origin, vary: 'Origin' }
}

export const PREFLIGHT_HEADERS = {
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type, authorization',
  'access-control-max-age': '600',
}

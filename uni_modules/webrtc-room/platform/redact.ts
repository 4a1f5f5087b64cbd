/**
 * Hide secrets before anything is logged or rendered: userSig, privateMapKey and the legacy roomSig
 * keep a short prefix and their length (enough to tell two signatures apart), never the full value.
 * Pure; used by the platform's log sink and the debug overlay.
 *
 * @example
 * redactSecrets('room://x?usersig=eJyrVkrOz0') // 'room://x?usersig=eJyr…(10)'
 */

const SECRET_KEY = /^(usersig|privatemapkey|roomsig|secretkey|secret|sig|tls\.sig)$/i
const SECRET_QUERY = /([?&](?:usersig|privatemapkey|roomsig)=)([^&#\s"']*)/gi
const PREFIX = 4

export function maskSecret(value: string): string {
  if (value.length === 0) return value
  return `${value.slice(0, Math.min(PREFIX, Math.floor(value.length / 2)))}…(${value.length})`
}

function redactString(text: string): string {
  return text.replace(SECRET_QUERY, (_m, key: string, value: string) => key + maskSecret(value))
}

/** Deep copy with secret-looking keys masked and secret query parameters masked inside strings. */
export function redactSecrets<T>(value: T, depth = 0, seen = new WeakSet<object>()): T {
  if (typeof value === 'string') return redactString(value) as T
  if (typeof value !== 'object' || value === null) return value
  if (depth > 6 || seen.has(value)) return '[…]' as T
  seen.add(value)
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1, seen)) as T
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && typeof item === 'string' ? maskSecret(item) : redactSecrets(item, depth + 1, seen)
  }
  return out as T
}

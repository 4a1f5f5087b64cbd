/**
 * Redaction for logs: userSig, privateMapKey and room signatures are credentials. Debug output shows
 * a short prefix and the length only, so two logs can still be told apart.
 */
const SECRET_KEYS = new Set(['usersig', 'privatemapkey', 'roomsig', 'pushurl', 'url', 'sig', 'secretkey', 'secret', 'token', 'accesstoken', 'authorization', 'password'])
const SECRET_QUERY = /([?&](?:usersig|privatemapkey|roomsig)=)([^&]*)/gi

export function redactSecret(value: string, keep = 6): string {
  if (!value) return ''
  return `${value.slice(0, Math.min(keep, Math.floor(value.length / 4)))}…(${value.length})`
}

/** A push URL (modern or legacy) with its credentials redacted: safe to show or log. */
export function redactURL(url: string): string {
  return url.replace(SECRET_QUERY, (_match, head: string, value: string) => `${head}${redactSecret(decodeURIComponentSafe(value))}`)
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * Deep copy of `data` with secrets redacted: values of secret-looking keys, and the credential
 * parameters of any URL-ish string (the legacy room-signature request carries `usersig` in an
 * https query, not only the `room://` push URL). URLs keep their shape.
 */
export function redactDeep(data: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]'
  if (typeof data === 'string') return redactURL(data)
  if (Array.isArray(data)) return data.map((item) => redactDeep(item, depth + 1))
  if (data instanceof Error) return { name: data.name, message: redactURL(data.message) }
  if (typeof data !== 'object' || data === null) return data
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data)) {
    const lower = key.toLowerCase()
    if (SECRET_KEYS.has(lower) && typeof value === 'string') {
      out[key] = value.includes('://') || lower === 'url' ? redactURL(value) : redactSecret(value)
    } else {
      out[key] = redactDeep(value, depth + 1)
    }
  }
  return out
}

export type DebugLevel = 'debug' | 'info' | 'warn' | 'error'
export type DebugLogger = (level: DebugLevel, message: string, data?: unknown) => void
export type LogSink = (level: DebugLevel, message: string, data?: unknown) => void

/**
 * The plugin's debug log: silent unless `enabled()`, every `data` redacted. `sink` is
 * `platform.log` when the platform has one, else the console.
 */
export function createDebugLog(tag: string, enabled: () => boolean, sink?: LogSink): DebugLogger {
  const write: LogSink =
    sink ??
    ((level, message, data) => {
      const fn = level === 'debug' ? console.log : console[level]
      if (data === undefined) fn(message)
      else fn(message, data)
    })
  return (level, message, data) => {
    if (!enabled()) return
    write(level, `[webrtc-room ${tag}] ${message}`, data === undefined ? undefined : redactDeep(data))
  }
}

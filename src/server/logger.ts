/**
 * Structured logs: one JSON object per line. The secret must never appear and a userSig only as a
 * short preview; as a second line of defence every string is scrubbed of the configured secrets.
 */
export type LogLevel = 'info' | 'warn' | 'error'
export type LogFields = Record<string, unknown>

export interface Logger {
  log(level: LogLevel, msg: string, fields?: LogFields): void
}

const REDACTED = '[redacted]'

/** Enough of a signature to tell two apart in a log, not enough to use it. */
export function sigPreview(sig: string): string {
  return `${sig.slice(0, 8)}…(${sig.length} chars)`
}

export function createLogger(write: (line: string) => void, secrets: readonly string[]): Logger {
  const needles = secrets.filter((secret) => secret.length >= 4)
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return needles.reduce((text, secret) => text.split(secret).join(REDACTED), value)
    if (Array.isArray(value)) return value.map(scrub)
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)]))
    return value
  }
  return {
    log(level, msg, fields = {}) {
      write(JSON.stringify(scrub({ time: new Date().toISOString(), level, msg, ...fields })))
    },
  }
}

/**
 * The plugin's one redactor. userSig, privateMapKey (PrivMapEncrypt in the legacy signature
 * request), room signatures and other credentials keep a short prefix and their length — enough to
 * tell two signatures apart, never enough to reuse one. The room applies it before anything reaches
 * its store, an event, a log sink or the debug overlay.
 *
 * Masked forms: query parameters (`usersig=…`, URL-encoded `usersig%3D…`), JSON text
 * (`"userSig":"…"`, also escaped inside JSON), plain text (`userSig: …`) and object keys.
 *
 * @example
 * redact('room://x?usersig=eJyrVkrOz0') // 'room://x?usersig=eJ…(10)'
 */
const NAMES = 'usersig|user_sig|privatemapkey|privmapencrypt|roomsig|secretkey'
/** Name, separator (=, %3D, %253D, :, with optional quotes), then the value up to a delimiter. */
const IN_TEXT = new RegExp(`((?:${NAMES})(?:\\\\?["'])?\\s*(?:=|%3D|%253D|:)\\s*(?:\\\\?["'])?)((?:%(?!26|22|2C)[0-9a-f]{2}|[^&#\\s"'\\\\,;}%])+)`, 'gi')
const SECRET_KEY = new RegExp(`^(?:${NAMES}|sig|secret|token|password|tls\\.sig)$`, 'i')

export function maskSecret(value: string): string {
  return value ? `${value.slice(0, Math.min(4, value.length >> 2))}…(${value.length})` : value
}

function redactText(text: string): string {
  return text.replace(IN_TEXT, (_m, head: string, value: string) => head + maskSecret(value))
}

/** A copy of `value` with every credential masked (strings, arrays, objects, errors; cycles cut). */
export function redact<T>(value: T, depth = 0, seen = new WeakSet<object>()): T {
  if (typeof value === 'string') return redactText(value) as T
  if (typeof value !== 'object' || value === null) return value
  if (depth > 6 || seen.has(value)) return '[…]' as T
  seen.add(value)
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) } as T
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen)) as T
  // fromEntries defines data properties: a key named `__proto__` (a userID) stays data, not a prototype change.
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, SECRET_KEY.test(key) && typeof item === 'string' ? maskSecret(item) : redact(item, depth + 1, seen)]),
  ) as T
}

/**
 * The room page's live event log: room-event and im-event payloads as display rows, newest
 * first, bounded so a long call does not grow the page without end.
 */
import type { ImEvent, RoomEvent } from '@/uni_modules/webrtc-room'

export const EVENT_LOG_LIMIT = 100

export type EventSource = 'room' | 'im'
export type EventLevel = 'error' | 'warning' | 'info'

export interface LogEntry {
  /** Monotonic per page, for v-for keys. */
  id: number
  at: number
  source: EventSource
  tag: string
  code: number
  level: EventLevel
  /** One line for people: the event's own message or a compact view of its detail. */
  text: string
}

export function eventLevel(source: EventSource, tag: string): EventLevel {
  if (tag === 'error' || tag === 'kicked_out') return 'error'
  if (tag === 'warning' || tag === 'reconnecting') return 'warning'
  return source === 'room' && tag === 'exit_room' ? 'warning' : 'info'
}

const MAX_TEXT = 160

/**
 * A short human line for any detail: its message when it has one; chat messages as `from: text`;
 * a flat object as `key: value` pairs; anything else as compact JSON.
 */
export function describeDetail(detail: unknown): string {
  if (detail === undefined || detail === null || detail === '') return ''
  if (typeof detail === 'string') return truncate(detail)
  if (Array.isArray(detail)) return truncate(detail.map(describeItem).join(' | '))
  if (typeof detail === 'object') {
    const record = detail as Record<string, unknown>
    if (typeof record.message === 'string' && record.message) return truncate(record.message)
    const entries = Object.entries(record).filter(([, v]) => v !== undefined)
    if (entries.length > 0 && entries.every(([, v]) => isPrimitive(v))) return truncate(entries.map(([k, v]) => `${k}: ${String(v)}`).join(', '))
  }
  return truncate(compactJSON(detail))
}

function isPrimitive(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value)
}

/** One element of an array detail: a chat message (`from: text`) or compact JSON. */
function describeItem(item: unknown): string {
  if (item && typeof item === 'object') {
    const msg = item as { from?: unknown; text?: unknown; custom?: { data?: unknown } }
    const body = typeof msg.text === 'string' ? msg.text : typeof msg.custom?.data === 'string' ? msg.custom.data : undefined
    if (typeof msg.from === 'string' && body !== undefined) return `${msg.from}: ${body}`
  }
  return compactJSON(item)
}

function compactJSON(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

function truncate(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text
}

/** Newest first; the oldest rows fall off past `limit`. Returns a new array. */
export function appendEvent(
  log: readonly LogEntry[],
  source: EventSource,
  event: RoomEvent | ImEvent,
  at: number,
  id: number,
  limit = EVENT_LOG_LIMIT,
): LogEntry[] {
  const entry: LogEntry = {
    id,
    at,
    source,
    tag: event.tag,
    code: event.code,
    level: eventLevel(source, event.tag),
    text: describeDetail(event.detail),
  }
  return [entry, ...log.slice(0, Math.max(0, limit - 1))]
}

/** HH:MM:SS in local time. */
export function clockTime(at: number): string {
  const d = new Date(at)
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':')
}

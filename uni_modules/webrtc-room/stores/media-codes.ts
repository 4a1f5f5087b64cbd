/**
 * The media-codes store: the code tables (core/codes.ts) as a lookup, and the recent errors and
 * warnings of every room with their meaning and advice — what a debug overlay or a help screen shows.
 * The controller records into it; apps read `recent` and call `lookup` / `clear`.
 *
 * @example
 * const codes = useMediaCodesStore()
 * codes.lookup(-1307)?.advice.zh
 * codes.recent[0]?.advice.en
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { ALL_CODES, describeCode, type CodeInfo, type CodeLevel, type CodeSource } from '../core/codes'
import type { ImEvent, RoomEvent } from '../core/types'

/** Recent entries kept (newest last). */
export const RECENT_CODES_LIMIT = 50

export interface RecentCode {
  code: number
  /** The native code behind a room code (e.g. -1301 behind -4), when the event carried one. */
  nativeCode?: number
  kind: 'room' | 'im'
  tag: string
  level: CodeLevel
  source: CodeSource | null
  /** zh / en meaning; for unknown codes the event's own message. */
  zh: string
  en: string
  advice: { zh: string; en: string }
  /** The event's own message (what actually happened). */
  message: string
  roomKey?: string
  at: number
}

function detailOf(event: RoomEvent | ImEvent): Record<string, unknown> {
  return typeof event.detail === 'object' && event.detail !== null ? (event.detail as Record<string, unknown>) : {}
}

/** Which events are worth keeping: room errors/warnings and IM errors. */
export function isRecordable(event: RoomEvent | ImEvent): boolean {
  return event.tag === 'error' || event.tag === 'warning'
}

export const useMediaCodesStore = defineStore('webrtc-room/media-codes', () => {
  const recent = ref<RecentCode[]>([])

  function lookup(code: number, source?: CodeSource): CodeInfo | undefined {
    return describeCode(code, source)
  }

  /** Keep an error / warning event with its meaning and advice; other events are ignored. */
  function record(event: RoomEvent | ImEvent, options: { kind?: 'room' | 'im'; roomKey?: string; at?: number } = {}): RecentCode | null {
    if (!isRecordable(event)) return null
    const detail = detailOf(event)
    const message = typeof detail.message === 'string' ? detail.message : ''
    const nativeCode = typeof detail.nativeCode === 'number' ? detail.nativeCode : undefined
    const info = describeCode(event.code) ?? (nativeCode !== undefined ? describeCode(nativeCode) : undefined)
    const entry: RecentCode = {
      code: event.code,
      nativeCode,
      kind: options.kind ?? 'room',
      tag: event.tag,
      level: info?.level ?? (event.tag === 'warning' ? 'warning' : 'error'),
      source: info?.source ?? null,
      zh: info?.zh ?? message,
      en: info?.en ?? message,
      advice: info ? { ...info.advice } : { zh: '', en: '' },
      message,
      roomKey: options.roomKey,
      at: options.at ?? Date.now(),
    }
    const next = recent.value.length >= RECENT_CODES_LIMIT ? recent.value.slice(recent.value.length - RECENT_CODES_LIMIT + 1) : recent.value.slice()
    next.push(entry)
    recent.value = next
    return entry
  }

  function clear(): void {
    recent.value = []
  }

  return { table: ALL_CODES, recent, lookup, record, clear }
})

export type MediaCodesStore = ReturnType<typeof useMediaCodesStore>

/**
 * The media-codes store: code lookups and the recent errors and warnings of every room — what a debug
 * overlay or a help screen shows. The controller records into it; apps read `recent` and call
 * `lookup` / `clear`.
 *
 * Meanings and advice come from the opt-in codes entry (`import '@/uni_modules/webrtc-room/codes'` in
 * main.ts): with it `adviceInstalled` is true, `table` holds every entry and `lookup` / `recent` carry
 * zh + en meaning and advice; without it they carry the level and the short message of the default
 * build, advice '' (`adviceInstalled` false).
 *
 * @example
 * const codes = useMediaCodesStore()
 * codes.lookup(-1307)?.advice?.zh
 * codes.recent[0]?.advice.en
 */
import { defineStore } from 'pinia'
import { computed, onScopeDispose, shallowRef } from 'vue'
import { describeCode, installedCodes, onCodeTablesInstalled, type CodeAdvice, type CodeLevel, type CodeSource, type CodeSummary } from '../core/codes'
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
  /** zh / en meaning; the event's own message when the code has no text. */
  zh: string
  en: string
  /** '' without the codes entry. */
  advice: CodeAdvice
  /** The event's own message (what actually happened). */
  message: string
  roomKey?: string
  at: number
}

/** A recent entry's advice without the codes entry. */
const NO_ADVICE: CodeAdvice = Object.freeze({ zh: '', en: '' })

export const useMediaCodesStore = /* @__PURE__ */ defineStore('webrtc-room/media-codes', () => {
  const recent = shallowRef<RecentCode[]>([])
  /** Every full entry of the codes entry ([] until it is installed). */
  const table = shallowRef(installedCodes())
  // The codes entry may be imported after the store exists; $dispose() drops the listener.
  onScopeDispose(onCodeTablesInstalled(() => (table.value = installedCodes())))
  const adviceInstalled = computed(() => table.value.length > 0)

  /** Keep an error / warning event with its meaning and advice; other events are ignored. */
  function record(event: RoomEvent | ImEvent, options: { kind?: 'room' | 'im'; roomKey?: string; at?: number } = {}): RecentCode | null {
    if (event.tag !== 'error' && event.tag !== 'warning') return null
    const detail: { message?: unknown; nativeCode?: unknown } = (typeof event.detail === 'object' && event.detail) || {}
    const message = typeof detail.message === 'string' ? detail.message : ''
    const nativeCode = typeof detail.nativeCode === 'number' ? detail.nativeCode : undefined
    // The event's code, else the native one behind it; unknown to both: the event's own tag and message.
    // (describeCode answers undefined for a missing native code.)
    const known: Partial<CodeSummary> = describeCode(event.code) ?? describeCode(nativeCode as number) ?? {}
    const { level = event.tag, source = null, advice = NO_ADVICE } = known
    const entry: RecentCode = {
      code: event.code,
      nativeCode,
      kind: options.kind ?? 'room',
      tag: event.tag,
      level,
      source,
      zh: known.zh || message,
      en: known.en || message,
      advice,
      message,
      roomKey: options.roomKey,
      at: options.at ?? Date.now(),
    }
    recent.value = [...recent.value.slice(1 - RECENT_CODES_LIMIT), entry]
    return entry
  }

  function clear(): void {
    recent.value = []
  }

  // lookup(code, source?): the code's entry (full with the codes entry, else level + short message); undefined if unknown.
  return { table, adviceInstalled, recent, lookup: describeCode, record, clear }
})

export type MediaCodesStore = ReturnType<typeof useMediaCodesStore>

/**
 * The room page's error notice: what the last `error` room-event means and what to do about it, in
 * the user's language, from the plugin's code tables (the same text the media-codes store holds; the
 * demo installs the plugin's opt-in codes entry in main.ts for the meanings and advice).
 */
import { describeCode } from '@/uni_modules/webrtc-room'
import type { ErrorDetail, RoomEvent } from '@/uni_modules/webrtc-room'
import type { Locale } from '../shared/i18n'

export interface ErrorNotice {
  code: number
  title: string
  /** What actually happened (the event's own message), when it adds something to the title. */
  message: string
  advice: string
}

const FALLBACK = {
  zh: { title: '房间出错', advice: '请查看事件日志中的详细信息。' },
  en: { title: 'The room stopped with an error', advice: 'See the event log for details.' },
}

export function errorNotice(event: RoomEvent<ErrorDetail>, locale: Locale): ErrorNotice {
  const detail = (event.detail ?? {}) as Partial<ErrorDetail>
  const message = typeof detail.message === 'string' ? detail.message : ''
  const info = describeCode(event.code) ?? (typeof detail.nativeCode === 'number' ? describeCode(detail.nativeCode) : undefined)
  const title = info ? info[locale] : FALLBACK[locale].title
  return {
    code: event.code,
    title,
    message: message && message !== title ? message : '',
    advice: info?.advice?.[locale] || FALLBACK[locale].advice,
  }
}

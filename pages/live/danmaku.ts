/**
 * The live page's danmaku strip: the room group's latest text messages, newest last. Pure (tested in
 * tests/demo/live.test.ts).
 */
import type { ImMessage } from '@/uni_modules/webrtc-room'

export const DANMAKU_LIMIT = 6

export interface Danmaku {
  id: string
  from: string
  text: string
  mine: boolean
}

export function danmakuOf(messages: readonly ImMessage[], limit = DANMAKU_LIMIT): Danmaku[] {
  const out: Danmaku[] = []
  for (let i = messages.length - 1; i >= 0 && out.length < limit; i--) {
    const m = messages[i]
    if (m.kind !== 'text' || !m.text || m.status === 'failed') continue
    out.unshift({ id: m.id, from: m.nick || m.from, text: m.text, mine: m.flow === 'out' })
  }
  return out
}

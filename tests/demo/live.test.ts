/** The live demo page's pure part: the danmaku strip picks the group's latest text lines. */
import { describe, expect, it } from 'vitest'
import type { ImMessage } from '../../uni_modules/webrtc-room/im/types'
import { danmakuOf } from '../../pages/live/danmaku'

function msg(id: string, over: Partial<ImMessage> = {}): ImMessage {
  return { id, conversationID: 'GROUP8888', conversationType: 'GROUP', kind: 'text', timType: 'TIMTextElem', from: 'u', to: '8888', nick: '', flow: 'in', time: 0, status: 'received', text: `t${id}`, ...over }
}

describe('danmakuOf', () => {
  it('keeps the newest text lines in order, skips tips, custom and failed sends', () => {
    const list = [
      msg('1'),
      msg('2', { kind: 'tip', text: undefined }),
      msg('3', { kind: 'custom', text: undefined, custom: { data: '{}', ext: '', desc: 'webrtc-room.cohost' } }),
      msg('4', { status: 'failed', flow: 'out' }),
      msg('5', { nick: 'Bob' }),
      msg('6', { flow: 'out', status: 'sent' }),
    ]
    expect(danmakuOf(list)).toEqual([
      { id: '1', from: 'u', text: 't1', mine: false },
      { id: '5', from: 'Bob', text: 't5', mine: false },
      { id: '6', from: 'u', text: 't6', mine: true },
    ])
    const many = Array.from({ length: 20 }, (_, i) => msg(String(i)))
    expect(danmakuOf(many, 6).map((d) => d.id)).toEqual(['14', '15', '16', '17', '18', '19'])
    expect(danmakuOf([])).toEqual([])
  })
})

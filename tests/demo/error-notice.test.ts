import { describe, expect, it } from 'vitest'
// The demo installs the plugin's codes entry in main.ts: the notice shows its meanings and advice.
import '../../uni_modules/webrtc-room/codes'
import { describeCode } from '../../uni_modules/webrtc-room/core/codes'
import type { ErrorDetail, RoomEvent } from '../../uni_modules/webrtc-room/core/types'
import { errorNotice } from '../../pages/room/error-notice'

const error = (code: number, detail: ErrorDetail): RoomEvent<ErrorDetail> => ({ tag: 'error', code, detail })

describe('room error notice', () => {
  it("explains a known code in the user's language with the plugin's advice", () => {
    const info = describeCode(-6)!
    expect(info).toBeDefined()
    const en = errorNotice(error(-6, { message: 'push disconnected after retries', nativeCode: -1307 }), 'en')
    expect(en).toEqual({ code: -6, title: info.en, message: 'push disconnected after retries', advice: info.advice!.en })
    const zh = errorNotice(error(-6, { message: 'push disconnected after retries' }), 'zh')
    expect(zh.title).toBe(info.zh)
    expect(zh.advice).toBe(info.advice!.zh)
  })

  it('does not repeat a message that only restates the title', () => {
    const info = describeCode(-6)!
    expect(errorNotice(error(-6, { message: info.en }), 'en').message).toBe('')
  })

  it('falls back to the native code, then to a generic text, for codes it does not know', () => {
    const viaNative = errorNotice(error(-123456789, { message: 'x', nativeCode: -1301 }), 'en')
    expect(viaNative.title).toBe(describeCode(-1301)!.en)
    const unknown = errorNotice(error(-123456789, { message: 'something odd' }), 'en')
    expect(unknown).toMatchObject({ code: -123456789, message: 'something odd', advice: 'See the event log for details.' })
  })
})

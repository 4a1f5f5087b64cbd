/**
 * The default build's code summary (core/codes.ts without the opt-in codes entry): every code of the
 * full tables has a summary with the same source and level, the plugin's own warnings and errors keep
 * their short zh / en message, info codes and WeChat's native codes carry none, nothing carries advice — and codeMessage never comes back
 * empty. The full tables are loaded into a separate module graph, so this file's core/codes.ts
 * stays without the entry, as in an app that never imports it.
 */
import { describe, expect, it, vi } from 'vitest'
import { codeMessage, describeCode, installedCodes, SOURCE_PRIORITY } from '../../uni_modules/webrtc-room/core/codes'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { ENTRY_SUMMARIES, entryOnly, packSource } from '../../scripts/code-summary'
import type { CodeInfo } from '../../uni_modules/webrtc-room/core/codes'

async function fullTables() {
  vi.resetModules()
  const entry = await import('../../uni_modules/webrtc-room/codes')
  expect(installedCodes(), 'the entry must not reach this module graph').toEqual([])
  return entry
}

describe('code summary (no codes entry)', () => {
  it('has every code of the full tables, same source and level, short text only for warnings and errors', async () => {
    const { ALL_CODES } = await fullTables()
    expect(ALL_CODES.length).toBeGreaterThan(100)
    const native = ['pusher', 'player', 'pusher_error']
    for (const info of ALL_CODES) {
      const key = `${info.source}:${info.code}`
      const silent = info.level === 'info'
      if (entryOnly(info)) {
        expect(describeCode(info.code, info.source), key).toBeUndefined()
        continue
      }
      expect(describeCode(info.code, info.source), key).toEqual({
        code: info.code,
        source: info.source,
        level: info.level,
        // WeChat's native events carry its own message: the summary keeps their source and level only.
        zh: silent || native.includes(info.source) ? '' : info.zh,
        en: silent || native.includes(info.source) ? '' : info.en,
      })
    }
  })

  it('the IM entry adds the summary of its own codes (same source, level and short texts)', async () => {
    const { ALL_CODES } = await fullTables()
    const imOnly = ALL_CODES.filter((info) => info.source === 'im' && entryOnly(info))
    expect(imOnly.length).toBeGreaterThan(5)
    vi.resetModules() // a graph without the codes entry, as in an app with IM but no codes entry
    const codes = await import('../../uni_modules/webrtc-room/core/codes')
    expect(codes.describeCode(RoomErrorCode.IM_LOGIN_FAILED, 'im')).toBeUndefined()
    await import('../../uni_modules/webrtc-room/im/code-summary')
    for (const info of imOnly) {
      expect(codes.describeCode(info.code, info.source), `${info.source}:${info.code}`).toEqual({ code: info.code, source: info.source, level: info.level, zh: info.zh, en: info.en })
    }
    expect(codes.codeMessage(RoomErrorCode.IM_LOGIN_FAILED)).toBe('IM login failed')
  })

  it('the live entry adds the summary of the -906xx codes (same source, level and short texts)', async () => {
    const { ALL_CODES } = await fullTables()
    const live = ENTRY_SUMMARIES.find((entry) => entry.name === 'live')!
    const liveOnly = ALL_CODES.filter((info) => live.has(info))
    expect(liveOnly.map((info) => info.code).sort((a, b) => b - a)).toEqual([-90600, -90601, -90602, -90603, -90604, -90605, -90606])
    vi.resetModules() // a graph without the codes entry and without the live entry (importing it adds its share)
    const codes = await import('../../uni_modules/webrtc-room/core/codes')
    expect(codes.describeCode(RoomErrorCode.ANCHOR_LIMIT)).toBeUndefined()
    await import('../../uni_modules/webrtc-room/live')
    for (const info of liveOnly) {
      expect(codes.describeCode(info.code, info.source), `room:${info.code}`).toEqual({ code: info.code, source: 'room', level: info.level, zh: info.zh, en: info.en })
    }
    expect(codes.codeMessage(RoomErrorCode.ANCHOR_LIMIT, 'zh')).toBe('主播已满 50 人，无法上麦')
  })

  it('knows no code the full tables lack (no stale summary entry)', async () => {
    const { ALL_CODES } = await fullTables()
    const known = new Set(ALL_CODES.filter((i) => !entryOnly(i)).map((i) => `${i.source}:${i.code}`))
    // Probe every number either table could hold: the full tables' codes ± a neighbour, per source.
    for (const source of SOURCE_PRIORITY) {
      for (const info of ALL_CODES) {
        for (const code of [info.code - 1, info.code, info.code + 1]) {
          expect(describeCode(code, source) !== undefined, `${source}:${code}`).toBe(known.has(`${source}:${code}`))
        }
      }
    }
  })

  it('names a problem in both languages; info codes and unknown codes get a generic text', () => {
    expect(describeCode(RoomErrorCode.DEVTOOLS_SIMULATOR)).toMatchObject({ level: 'error', source: 'room', zh: expect.stringMatching(/模拟器/), en: expect.stringMatching(/simulator/) })
    expect(describeCode(-1307)).toMatchObject({ level: 'error', source: 'pusher', zh: '', en: '' })
    expect(codeMessage(-1307)).toBe('code -1307')
    expect(describeCode(-1307)?.advice).toBeUndefined()
    expect(codeMessage(-4, 'zh')).toBe('打开摄像头失败')
    expect(codeMessage(-4)).toBe('camera open failed')
    expect(codeMessage(1018)).toBe('code 1018')
    expect(codeMessage(1018, 'zh')).toBe('状态码 1018')
    expect(codeMessage(123456)).toBe('unknown code 123456')
    expect(describeCode(1018)).toMatchObject({ level: 'info', source: 'pusher', zh: '', en: '' })
    expect(Object.isFrozen(describeCode(-4))).toBe(true)
  })

  it('packs runs of codes that say the same into one entry, and leaves out a code that follows the previous one', () => {
    const row = (source: CodeInfo['source'], code: number, level: CodeInfo['level'], zh = '', en = ''): CodeInfo => ({ code, source, level, zh, en, advice: { zh: 'x', en: 'x' } })
    const native = [1022, 1001, 1002, 1003, 1021, -1301, -1302, 1018].map((code) => row('pusher', code, code < 0 || code === 1022 ? 'error' : code === 1021 ? 'warning' : 'info', '中', 'text'))
    expect(packSource(native)).toBe('1001~1003i;1018i;1021w;e;-1301~-1302e')
    const room = [row('room', -5, 'error', '乙', 'b'), row('room', -4, 'error', '甲', 'a'), row('room', -6, 'error', '乙', 'b'), row('room', 10, 'info'), row('room', 11, 'info')]
    expect(packSource(room)).toBe('-4e甲|a;~-6e乙|b;10~11i')
    expect(() => packSource([row('room', -4, 'error', '甲', 'a;b')])).toThrow(/separators/)
  })
})

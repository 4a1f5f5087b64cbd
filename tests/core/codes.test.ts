/**
 * The full code tables (the opt-in codes entry, installed here) against PROTOCOL.md sections 2–4 and
 * RoomErrorCode: every code is there, with a source, a level and non-empty zh / en / advice; lookups
 * by source disambiguate; the default build's summary in core/codes.ts is generated from them.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ALL_CODES, CODE_TABLES } from '../../uni_modules/webrtc-room/codes'
import { codeMessage, describeCode, installedCodes, type CodeSource } from '../../uni_modules/webrtc-room/core/codes'
import { CODES_FILE, ENTRY_SUMMARIES, packEntrySummary, packSummary, withEntrySummary, withSummary } from '../../scripts/code-summary'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { RoomStatusCode } from '../../uni_modules/webrtc-room/core/status-codes'

// PROTOCOL.md section 2 (live-pusher bindstatechange), copied code by code.
const PUSHER_CODES = [
  1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1018, 1019, 1020, 1021, 1031, 1032, 1033, 1034, 1022, 1101, 1102, 1103, 1104, 1105,
  1106, 3001, 3002, 3003, 3004, 3005, -1301, -1302, -1303, -1304, -1305, -1306, -1307, -1308, -1309, -1310, -1311, -1312, -1313, -1324,
  -1325, -1326, -100018, -3301, 5000, 5001, 4998, 4999,
]
// PROTOCOL.md section 3 (live-player bindstatechange).
const PLAYER_CODES = [
  2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2101, 2102, 2103, 2104, 2105, 2106, 2107, 2108, 2026, 2012, 3001, 3002, 3003,
  3004, 3005, -2301, -2302, -2304, -2308, 6002, 6003, 6004, 6005,
]
// live-pusher binderror.
const PUSHER_ERROR_CODES = [10001, 10002, 10003, 10004]

describe('code tables', () => {
  it.each([
    ['pusher', PUSHER_CODES],
    ['player', PLAYER_CODES],
    ['pusher_error', PUSHER_ERROR_CODES],
  ] as Array<[CodeSource, number[]]>)('every %s code of PROTOCOL.md is in the table', (source, codes) => {
    const missing = codes.filter((code) => describeCode(code, source)?.source !== source)
    expect(missing).toEqual([])
  })

  it('every RoomErrorCode and RoomStatusCode value has an entry in the right table', () => {
    for (const [name, code] of Object.entries(RoomErrorCode)) {
      const info = describeCode(code)
      expect(info, name).toBeDefined()
      // H5_ONLY is what mp-weixin answers to an H5-only call: a room code, so its summary ships in every build.
      const browser = code <= -90400 && code > -90500 && code !== RoomErrorCode.H5_ONLY
      const expected: CodeSource = browser ? 'browser' : code <= -90300 && code > -90400 ? 'im' : 'room'
      expect(info!.source, name).toBe(expected)
    }
    for (const code of Object.values(RoomStatusCode)) {
      expect(describeCode(code, 'room')?.level).toBe(code === RoomStatusCode.PLAYER_DISCONNECTED ? 'warning' : 'info')
    }
  })

  it('every entry has a level and non-empty zh / en / advice; no duplicate source:code', () => {
    const keys = new Set<string>()
    for (const info of ALL_CODES) {
      const key = `${info.source}:${info.code}`
      expect(keys.has(key), key).toBe(false)
      keys.add(key)
      expect(['info', 'warning', 'error']).toContain(info.level)
      for (const text of [info.zh, info.en, info.advice.zh, info.advice.en]) expect(text.trim().length, key).toBeGreaterThan(0)
      expect(info.zh, key).toMatch(/[\u4e00-\u9fff]/) // zh really is Chinese
      expect(info.en, key).not.toMatch(/[\u4e00-\u9fff]/)
    }
    expect(ALL_CODES.length).toBe(Object.values(CODE_TABLES).reduce((n, t) => n + t.length, 0))
  })

  it('levels follow the protocol: negatives of the pusher/player are errors, 3xxx warnings, success codes info', () => {
    for (const code of PUSHER_CODES.filter((c) => c < 0)) expect(describeCode(code, 'pusher')?.level).toBe('error')
    for (const code of [3001, 3002, 3003, 3004, 3005]) {
      expect(describeCode(code, 'pusher')?.level).toBe('warning')
      expect(describeCode(code, 'player')?.level).toBe('warning')
    }
    for (const code of [1002, 1018, 2003, 2004]) expect(describeCode(code)?.level).toBe('info')
    expect(describeCode(RoomErrorCode.PROP_CLAMPED)?.level).toBe('warning')
    expect(describeCode(RoomErrorCode.INVALID_STATE)?.level).toBe('warning')
  })

  it('without a source, the room table answers first (-4 camera, not the IM send code)', () => {
    expect(describeCode(-4)?.source).toBe('room')
    expect(describeCode(-4)?.en).toBe('camera open failed')
    expect(describeCode(-4, 'im')?.en).toBe('IM SDK error')
    expect(describeCode(3001)?.source).toBe('pusher')
    expect(describeCode(3001, 'player')?.source).toBe('player')
    expect(describeCode(10001)?.source).toBe('pusher_error')
  })

  it('unknown or garbage codes give undefined and a generic message, never a throw', () => {
    expect(describeCode(123456)).toBeUndefined()
    expect(describeCode(NaN)).toBeUndefined()
    expect(describeCode('1018' as never)).toBeUndefined()
    expect(describeCode(1018, 'browser')).toBeUndefined()
    expect(codeMessage(123456)).toBe('unknown code 123456')
    expect(codeMessage(123456, 'zh')).toBe('未知状态码 123456')
    expect(codeMessage(-1307, 'zh')).toBe('网络断连，且经多次重连无效')
    expect(codeMessage(1018, 'en')).toBe('entered the room') // info codes have text with the entry
  })

  it('importing the entry installed it: lookups answer with its frozen full entries', () => {
    expect(installedCodes()).toBe(ALL_CODES)
    for (const info of ALL_CODES) expect(describeCode(info.code, info.source)).toBe(info)
  })

  it('the summary block in core/codes.ts is the one generated from these tables (`npm run codes:summary`)', () => {
    const source = readFileSync(CODES_FILE, 'utf8')
    expect(withSummary(source, packSummary(CODE_TABLES)), 'stale summary: run `npm run codes:summary`').toBe(source)
    for (const entry of ENTRY_SUMMARIES) {
      const text = readFileSync(entry.file, 'utf8')
      expect(withEntrySummary(text, entry, packEntrySummary(CODE_TABLES, entry)), `stale ${entry.name} summary: run \`npm run codes:summary\``).toBe(text)
    }
  })

  it('warning and error messages stay short (the default build ships them) and free of the separators', () => {
    for (const info of ALL_CODES.filter((i) => i.level !== 'info')) {
      const key = `${info.source}:${info.code}`
      expect(info.zh.length, key).toBeLessThanOrEqual(24)
      expect(info.en.length, key).toBeLessThanOrEqual(48)
      expect(`${info.zh}${info.en}`, key).not.toMatch(/[;|]/)
    }
  })

  it('entries are frozen (shared tables cannot be edited by a caller)', () => {
    const info = describeCode(-1307)!
    expect(Object.isFrozen(info)).toBe(true)
    expect(Object.isFrozen(info.advice)).toBe(true)
  })
})

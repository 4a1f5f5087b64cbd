/**
 * The media-codes store (stores/media-codes.ts): lookup, bounded recent errors with advice, clear —
 * first without the opt-in codes entry (level + short message, advice not installed), then with it.
 */
import { createPinia, setActivePinia } from 'pinia'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { installCodeTables, installedCodes } from '../../uni_modules/webrtc-room/core/codes'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { RECENT_CODES_LIMIT, useMediaCodesStore } from '../../uni_modules/webrtc-room/stores/media-codes'

beforeEach(() => setActivePinia(createPinia()))

/** The full tables from a separate module graph (importing the entry here would install it at once). */
async function fullCodes() {
  vi.resetModules()
  return (await import('../../uni_modules/webrtc-room/codes')).ALL_CODES
}

describe('media-codes store without the codes entry', () => {
  it('says advice is not installed; lookups and records carry level and short message, advice empty', () => {
    expect(installedCodes()).toEqual([])
    const codes = useMediaCodesStore()
    expect(codes.adviceInstalled).toBe(false)
    expect(codes.table).toEqual([])
    expect(codes.lookup(-1301)).toEqual({ code: -1301, source: 'pusher', level: 'error', zh: '', en: '' })
    // A native warning: WeChat's own message is its text (the codes entry adds zh / en meanings).
    expect(codes.record({ tag: 'warning', code: 3002, detail: { message: 'RTMP 服务器连接失败', nativeCode: 3002 } })).toMatchObject({ level: 'warning', source: 'pusher', zh: 'RTMP 服务器连接失败', en: 'RTMP 服务器连接失败' })
    expect(codes.lookup(1018)).toMatchObject({ level: 'info', en: '' })
    const entry = codes.record({ tag: 'error', code: -4, detail: { message: 'camera busy', nativeCode: -1301 } })
    expect(entry).toMatchObject({ level: 'error', source: 'room', zh: '打开摄像头失败', en: 'camera open failed', advice: { zh: '', en: '' }, message: 'camera busy' })
    // A code without text keeps the event's own message.
    expect(codes.record({ tag: 'warning', code: 1019, detail: { message: 'kicked' } })).toMatchObject({ level: 'info', en: 'kicked', zh: 'kicked' })
  })

  it('offers the full entries as soon as the codes entry is installed, in a store that already exists', async () => {
    const codes = useMediaCodesStore()
    expect(codes.adviceInstalled).toBe(false)
    const all = await fullCodes()
    installCodeTables(all)
    expect(codes.adviceInstalled).toBe(true)
    expect(codes.table).toBe(all)
    expect(codes.lookup(-1307)?.advice?.en).toMatch(/re-enters/)
    expect(codes.record({ tag: 'error', code: -6, detail: {} })!.advice.zh.length).toBeGreaterThan(0)
  })
})

describe('media-codes store', () => {
  beforeAll(async () => {
    if (installedCodes().length === 0) installCodeTables(await fullCodes())
  })

  it('looks codes up, by source when given', () => {
    const codes = useMediaCodesStore()
    expect(codes.adviceInstalled).toBe(true)
    expect(codes.table).toBe(installedCodes())
    expect(codes.lookup(-1301)?.zh).toBe('打开摄像头失败')
    expect(codes.lookup(3001, 'player')?.source).toBe('player')
    expect(codes.lookup(424242)).toBeUndefined()
  })

  it('records errors and warnings with meaning and advice; ignores other events', () => {
    const codes = useMediaCodesStore()
    expect(codes.record({ tag: 'enter_room', code: 11, detail: {} })).toBeNull()
    const entry = codes.record({ tag: 'error', code: -4, detail: { message: 'camera busy', nativeCode: -1301 } }, { roomKey: 'r', at: 5 })
    expect(entry).toMatchObject({ code: -4, nativeCode: -1301, level: 'error', source: 'room', en: 'camera open failed', message: 'camera busy', roomKey: 'r', at: 5 })
    expect(entry!.advice.zh.length).toBeGreaterThan(0)
    codes.record({ tag: 'warning', code: 3002, detail: { message: 'x', nativeCode: 3002 } })
    codes.record({ tag: 'error', code: RoomErrorCode.IM_LOGIN_FAILED, detail: { message: 'sig' } }, { kind: 'im' })
    expect(codes.recent.map((r) => [r.code, r.level, r.kind])).toEqual([
      [-4, 'error', 'room'],
      [3002, 'warning', 'room'],
      [RoomErrorCode.IM_LOGIN_FAILED, 'error', 'im'],
    ])
  })

  it('an unknown code keeps the event message; a room code falls back to its native code', () => {
    const codes = useMediaCodesStore()
    const unknown = codes.record({ tag: 'error', code: 777777, detail: { message: 'odd' } })
    expect(unknown).toMatchObject({ source: null, en: 'odd', zh: 'odd', level: 'error', advice: { zh: '', en: '' } })
    const viaNative = codes.record({ tag: 'warning', code: 777778, detail: { message: 'm', nativeCode: -2301 } })
    expect(viaNative).toMatchObject({ source: 'player', level: 'error' })
    expect(codes.record({ tag: 'error', code: 1, detail: 'not an object' })?.message).toBe('')
  })

  it('keeps at most RECENT_CODES_LIMIT entries, newest last; clear() empties it', () => {
    const codes = useMediaCodesStore()
    for (let i = 0; i < RECENT_CODES_LIMIT + 25; i++) codes.record({ tag: 'warning', code: -1000 - i, detail: {} })
    expect(codes.recent).toHaveLength(RECENT_CODES_LIMIT)
    expect(codes.recent.at(-1)!.code).toBe(-1000 - (RECENT_CODES_LIMIT + 24))
    expect(codes.recent[0].code).toBe(-1025)
    codes.clear()
    expect(codes.recent).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { appendEvent, clockTime, describeDetail, eventLevel, type LogEntry } from '../../pages/room/event-log'

describe('room page event log', () => {
  it('puts the newest event first and stays bounded', () => {
    let log: LogEntry[] = []
    for (let i = 1; i <= 8; i++) log = appendEvent(log, 'room', { tag: 'push_state', code: 1000 + i, detail: null }, i, i, 5)
    expect(log.map((e) => e.code)).toEqual([1008, 1007, 1006, 1005, 1004])
  })

  it('levels errors and warnings from either stream', () => {
    expect(eventLevel('room', 'error')).toBe('error')
    expect(eventLevel('im', 'kicked_out')).toBe('error')
    expect(eventLevel('room', 'warning')).toBe('warning')
    expect(eventLevel('room', 'reconnecting')).toBe('warning')
    expect(eventLevel('room', 'enter_room')).toBe('info')
    expect(eventLevel('im', 'msg_notify')).toBe('info')
  })

  it('describes a detail by its message, chat messages, flat fields, else compact JSON, truncated', () => {
    expect(describeDetail({ message: 'camera denied', nativeCode: 10001 })).toBe('camera denied')
    expect(describeDetail({ userID: 'bob' })).toBe('userID: bob')
    expect(describeDetail({ state: 'disconnected', retry: 2, ok: false })).toBe('state: disconnected, retry: 2, ok: false')
    expect(describeDetail({ userID: 'bob', streams: { main: true } })).toBe('{"userID":"bob","streams":{"main":true}}')
    expect(describeDetail([{ from: 'bob', text: 'hi' }, { from: 'carol', custom: { data: '{"x":1}' } }])).toBe('bob: hi | carol: {"x":1}')
    expect(describeDetail([1, 'a'])).toBe('1 | "a"')
    expect(describeDetail(null)).toBe('')
    const long = describeDetail('x'.repeat(500))
    expect(long).toHaveLength(160)
    expect(long.endsWith('…')).toBe(true)
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(describeDetail(cyclic)).toBe('[object Object]')
  })

  it('formats the time as HH:MM:SS', () => {
    expect(clockTime(new Date(2024, 0, 1, 9, 5, 7).getTime())).toBe('09:05:07')
  })
})

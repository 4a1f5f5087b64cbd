import { describe, expect, it, vi } from 'vitest'
import { createDebugLog, redactDeep, redactSecret, redactURL } from '../../uni_modules/webrtc-room/core/redact'

const SIG = 'eJw1jcEKgjAYhV*-_abcdefghijklmnop'

describe('redactSecret', () => {
  it('keeps a short prefix and the length only', () => {
    expect(redactSecret(SIG)).toBe(`eJw1jc…(${SIG.length})`)
    expect(redactSecret('abcdefgh')).toBe('ab…(8)') // never more than a quarter of a short secret
    expect(redactSecret('abc')).toBe('…(3)')
    expect(redactSecret('')).toBe('')
  })
})

describe('redactURL', () => {
  it('redacts usersig and privatemapkey of a modern URL, keeps every other parameter', () => {
    const url = `room://cloud.tencent.com/rtc?sdkappid=1400000001&roomid=1&userid=me&usersig=${SIG}&appscene=videocall&privatemapkey=PMK0123456789`
    const redacted = redactURL(url)
    expect(redacted).not.toContain(SIG)
    expect(redacted).not.toContain('PMK0123456789')
    expect(redacted).toBe(`room://cloud.tencent.com/rtc?sdkappid=1400000001&roomid=1&userid=me&usersig=eJw1jc…(${SIG.length})&appscene=videocall&privatemapkey=PMK…(13)`)
  })

  it('redacts an encoded legacy roomsig (decoded first, so the length is the real one)', () => {
    const roomSig = JSON.stringify({ Key: 'secret-room-signature' })
    const redacted = redactURL(`room://cloud.tencent.com?sdkappid=1&roomid=1&userid=me&roomsig=${encodeURIComponent(roomSig)}`)
    expect(redacted).not.toContain('secret-room-signature')
    expect(redacted).toContain(`roomsig={"Key"…(${roomSig.length})`)
  })

  it('is case-insensitive, survives malformed escapes and leaves other strings alone', () => {
    expect(redactURL(`x?UserSig=${SIG}`)).not.toContain(SIG)
    expect(redactURL('room://x?usersig=%E0%A4%A')).toBe('room://x?usersig=%E…(8)')
    expect(redactURL('hello world')).toBe('hello world')
    expect(redactURL('room://x?usersig=')).toBe('room://x?usersig=')
  })
})

describe('redactDeep', () => {
  it('redacts secret keys at any depth, keeps the rest', () => {
    const data = { userID: 'me', userSig: SIG, nested: [{ privateMapKey: 'PMK0123456789', ok: 1 }], secretKey: 'server-secret-123' }
    const out = redactDeep(data) as typeof data
    expect(out.userID).toBe('me')
    expect(out.userSig).toBe(`eJw1jc…(${SIG.length})`)
    expect(out.nested[0]).toEqual({ privateMapKey: 'PMK…(13)', ok: 1 })
    expect(out.secretKey).not.toContain('server-secret')
    expect(data.userSig).toBe(SIG) // a copy, not in place
  })

  it('redacts credentials inside the https room-signature request URL too', () => {
    const request = { url: `https://official.opensso.tencent-cloud.com/v4/openim/jsonvideoapp?sdkappid=1&identifier=me&usersig=${SIG}&random=1`, method: 'POST' }
    const out = JSON.stringify(redactDeep(request))
    expect(out).not.toContain(SIG)
    expect(out).toContain('identifier=me')
  })

  it('redacts push URLs under any key and inside plain strings', () => {
    const url = `room://cloud.tencent.com/rtc?userid=me&usersig=${SIG}`
    expect(JSON.stringify(redactDeep({ pushURL: url, other: url, list: [url] }))).not.toContain(SIG)
    expect(redactDeep({ url: 'https://example.com/a.png' })).toEqual({ url: 'https://example.com/a.png' })
  })

  it('keeps an error\'s name and message; bounds depth; passes primitives through', () => {
    expect(redactDeep(new TypeError(`bad room://x?usersig=${SIG}`))).toEqual({ name: 'TypeError', message: `bad room://x?usersig=eJw1jc…(${SIG.length})` })
    let deep: Record<string, unknown> = { leaf: true }
    for (let i = 0; i < 10; i++) deep = { deep }
    expect(JSON.stringify(redactDeep(deep))).toContain('[deep]')
    expect(redactDeep(5)).toBe(5)
    expect(redactDeep(null)).toBe(null)
    expect(redactDeep({ userSig: 5 })).toEqual({ userSig: 5 })
  })

  it('survives a cyclic object', () => {
    const cyclic: Record<string, unknown> = { userSig: SIG }
    cyclic.self = cyclic
    expect(() => JSON.stringify(redactDeep(cyclic))).not.toThrow()
  })
})

describe('createDebugLog', () => {
  it('is silent unless enabled; writes a tagged, redacted line to the sink', () => {
    const sink = vi.fn()
    let enabled = false
    const log = createDebugLog('room-1', () => enabled, sink)
    log('info', 'enter', { userSig: SIG })
    expect(sink).not.toHaveBeenCalled()
    enabled = true
    log('info', 'enter', { userSig: SIG })
    log('warn', 'plain')
    expect(sink).toHaveBeenNthCalledWith(1, 'info', '[webrtc-room room-1] enter', { userSig: `eJw1jc…(${SIG.length})` })
    expect(sink).toHaveBeenNthCalledWith(2, 'warn', '[webrtc-room room-1] plain', undefined)
  })

  it('falls back to the console', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const debug = createDebugLog('t', () => true)
    debug('debug', 'd')
    debug('error', 'e', { sig: SIG })
    expect(log).toHaveBeenCalledWith('[webrtc-room t] d')
    expect(error).toHaveBeenCalledWith('[webrtc-room t] e', { sig: `eJw1jc…(${SIG.length})` })
    log.mockRestore()
    error.mockRestore()
  })
})

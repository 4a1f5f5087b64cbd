/**
 * The one redactor (core/redact.ts): every form a credential takes in the plugin's text — query
 * parameters, URL-encoded URLs inside other URLs, JSON text (also escaped inside JSON), plain text
 * and object keys — is masked to a short prefix and its length.
 */
import { describe, expect, it } from 'vitest'
import { maskSecret, redact } from '../../uni_modules/webrtc-room/core/redact'

const SIG = 'eJw1jcEKgjAYhV*-_abcdefghijklmnop'
const MASKED = `eJw1…(${SIG.length})`

describe('maskSecret', () => {
  it('keeps at most a quarter (and 4 chars) of the value, and the length', () => {
    expect(maskSecret(SIG)).toBe(MASKED)
    expect(maskSecret('abcdefgh')).toBe('ab…(8)')
    expect(maskSecret('abc')).toBe('…(3)')
    expect(maskSecret('')).toBe('')
  })
})

describe('redact: text forms', () => {
  it('query parameters of push URLs and the legacy signature request, case-insensitive', () => {
    const url = `room://cloud.tencent.com/rtc?sdkappid=1400000001&roomid=1&userid=me&usersig=${SIG}&appscene=videocall&privatemapkey=PMK0123456789`
    expect(redact(url)).toBe(`room://cloud.tencent.com/rtc?sdkappid=1400000001&roomid=1&userid=me&usersig=${MASKED}&appscene=videocall&privatemapkey=PMK…(13)`)
    expect(redact(`https://yun.tim.qq.com/v4/x?identifier=me&UserSig=${SIG}&random=1`)).toBe(`https://yun.tim.qq.com/v4/x?identifier=me&UserSig=${MASKED}&random=1`)
    expect(redact(`x?user_sig=${SIG}#frag`)).toBe(`x?user_sig=${MASKED}#frag`)
    expect(redact('room://x?usersig=')).toBe('room://x?usersig=')
  })

  it('URL-encoded queries (a push URL inside another URL), once and twice encoded', () => {
    const inner = `room://x?usersig=${SIG}&roomid=2`
    const once = redact(`https://a/b?url=${encodeURIComponent(inner)}&x=1`)
    expect(once).not.toContain(SIG.slice(0, 12))
    expect(once).toContain('roomid%3D2&x=1')
    expect(redact(encodeURIComponent(encodeURIComponent(inner)))).not.toContain(encodeURIComponent(encodeURIComponent(SIG)).slice(0, 12))
  })

  it('JSON text, also escaped inside JSON, with PrivMapEncrypt and user_sig', () => {
    const body = JSON.stringify({ PrivMapEncrypt: 'PMK0123456789', TenantId: 'x', userSig: SIG })
    expect(redact(body)).toBe(JSON.stringify({ PrivMapEncrypt: 'PMK…(13)', TenantId: 'x', userSig: MASKED }))
    const nested = JSON.stringify({ body: JSON.stringify({ user_sig: SIG }) })
    expect(redact(nested)).toBe(JSON.stringify({ body: JSON.stringify({ user_sig: MASKED }) }))
    expect(redact(`{"usersig" : "${SIG}"}`)).toBe(`{"usersig" : "${MASKED}"}`)
  })

  it('plain text, and leaves look-alike names and other text alone', () => {
    expect(redact(`enter failed: userSig: ${SIG}, retry`)).toBe(`enter failed: userSig: ${MASKED}, retry`)
    expect(redact(`privateMapKey = ${SIG}`)).toBe(`privateMapKey = ${MASKED}`)
    expect(redact('usersign=1 user_signature=2 hello world')).toBe('usersign=1 user_signature=2 hello world')
  })
})

describe('redact: values', () => {
  it('masks secret keys at any depth, copies, keeps the rest', () => {
    const data = { userID: 'me', userSig: SIG, nested: [{ privateMapKey: 'PMK0123456789', ok: 1 }], secretKey: 'server-secret-123', n: 5 }
    const out = redact(data)
    expect(out).toEqual({ userID: 'me', userSig: MASKED, nested: [{ privateMapKey: 'PMK…(13)', ok: 1 }], secretKey: 'serv…(17)', n: 5 })
    expect(data.userSig).toBe(SIG)
    expect(redact({ message: `bad room://x?usersig=${SIG}` })).toEqual({ message: `bad room://x?usersig=${MASKED}` })
  })

  it('errors become name + redacted message; cycles and depth are cut; primitives pass', () => {
    expect(redact(new TypeError(`bad usersig=${SIG}`))).toEqual({ name: 'TypeError', message: `bad usersig=${MASKED}` })
    const cyclic: Record<string, unknown> = { userSig: SIG }
    cyclic.self = cyclic
    expect(redact(cyclic).self).toBe('[…]')
    let deep: Record<string, unknown> = { leaf: true }
    for (let i = 0; i < 10; i++) deep = { deep }
    expect(JSON.stringify(redact(deep))).toContain('[…]')
    expect(redact(5)).toBe(5)
    expect(redact(null)).toBe(null)
    expect(redact(undefined)).toBe(undefined)
  })

  it('a key named __proto__ stays data', () => {
    const input = JSON.parse('{"__proto__": {"userSig": "abcdefgh"}}') as Record<string, unknown>
    const out = redact(input)
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
    expect(Object.keys(out)).toEqual(['__proto__'])
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validateOptions, type ValidOptions } from '../../uni_modules/webrtc-room/core/options'
import { buildModernPushURL, buildQuery, encodeQueryValue } from '../../uni_modules/webrtc-room/core/push-url'
import { buildLegacyPushURL, buildRoomSigRequest, legacyBizbuf, parseRoomSigResponse, ROOM_SIG_HOSTS } from '../../uni_modules/webrtc-room/core/room-signature'
import type { RoomOptions } from '../../uni_modules/webrtc-room/core/types'

const SIG = 'eJw1jcEKgjAYhV*-_abc'
const BASE: RoomOptions = { sdkAppID: 1400000001, userID: 'alice', userSig: SIG, roomID: 1234 }

function valid(overrides: Partial<RoomOptions> = {}): ValidOptions {
  const result = validateOptions({ ...BASE, ...overrides })
  if (!result.ok) throw new Error(`fixture invalid: ${JSON.stringify(result.errors)}`)
  return result.options
}

/** Query of a `room://` URL as ordered [key, decoded value] pairs (what a server would read). */
function queryOf(url: string): Array<[string, string]> {
  return [...new URL(url).searchParams.entries()]
}

const MODERN_PREFIX = 'room://cloud.tencent.com/rtc?'

describe('modern push URL (PROTOCOL.md section 1)', () => {
  it('has exactly the mandatory parameters, in trtc-wx-sdk order, for a numeric room', () => {
    expect(buildModernPushURL(valid())).toBe(
      `${MODERN_PREFIX}sdkappid=1400000001&roomid=1234&userid=alice&usersig=${SIG}&appscene=videocall&encsmall=0&cloudenv=PRO`,
    )
  })

  it('treats a numeric string room id and a string sdkAppID as numbers', () => {
    const url = buildModernPushURL(valid({ roomID: '1234', sdkAppID: '1400000001' }))
    expect(url).toBe(buildModernPushURL(valid()))
  })

  it('uses the original sample alias roomId', () => {
    const url = buildModernPushURL(valid({ roomID: undefined, roomId: 99 }))
    expect(queryOf(url)).toContainEqual(['roomid', '99'])
  })

  it('sends a string room id as strroomid, never roomid', () => {
    const url = buildModernPushURL(valid({ roomID: 'class-7B' }))
    const keys = queryOf(url).map(([key]) => key)
    expect(keys).toContain('strroomid')
    expect(keys).not.toContain('roomid')
    expect(url).toContain('&strroomid=class-7B&')
  })

  it('keeps room ids at the numeric bounds numeric', () => {
    expect(queryOf(buildModernPushURL(valid({ roomID: 1 })))).toContainEqual(['roomid', '1'])
    expect(queryOf(buildModernPushURL(valid({ roomID: 4294967294 })))).toContainEqual(['roomid', '4294967294'])
    expect(queryOf(buildModernPushURL(valid({ roomID: '4294967294' })))).toContainEqual(['roomid', '4294967294'])
  })

  it('adds every optional parameter when set, and none when not', () => {
    const url = buildModernPushURL(
      valid({ privateMapKey: 'eJyrVgrxCdYrSy1SslIqVqoFAD*A', pureAudioPushMod: 2, recordId: 77, streamID: 'stream_1-a', recvMode: 3, enableBlackStream: true }),
    )
    const query = Object.fromEntries(queryOf(url))
    expect(query).toMatchObject({
      privatemapkey: 'eJyrVgrxCdYrSy1SslIqVqoFAD*A',
      pureaudiomode: '2',
      userdefinerecordid: '77',
      streamid: 'stream_1-a',
      recvmode: '3',
      enableBlackStream: '1',
    })
    const plain = Object.fromEntries(queryOf(buildModernPushURL(valid())))
    for (const key of ['privatemapkey', 'pureaudiomode', 'userdefinerecordid', 'streamid', 'recvmode', 'enableBlackStream']) {
      expect(plain).not.toHaveProperty(key)
    }
  })

  it('sends enableBlackStream=0 when explicitly false and recordId 0 as 0', () => {
    const query = Object.fromEntries(queryOf(buildModernPushURL(valid({ enableBlackStream: false, recordId: 0, pureAudioPushMod: 1 }))))
    expect(query.enableBlackStream).toBe('0')
    expect(query.userdefinerecordid).toBe('0')
    expect(query.pureaudiomode).toBe('1')
  })

  it('passes userSig alphabet (A-Za-z0-9*-_), @ and . in user ids unencoded, byte-identical to trtc-wx-sdk', () => {
    const url = buildModernPushURL(valid({ userID: 'a.b@c-d_e', userSig: 'AZaz09*-_' }))
    expect(url).toContain('&userid=a.b@c-d_e&usersig=AZaz09*-_&')
  })

  it('encodes plain-base64 userSigs (+ / =) so a server never reads + as a space', () => {
    const sig = 'ab+cd/ef=='
    const url = buildModernPushURL(valid({ userSig: sig }))
    expect(url).toContain('&usersig=ab%2Bcd%2Fef%3D%3D&')
    expect(Object.fromEntries(queryOf(url)).usersig).toBe(sig)
  })

  it.each([
    ['ampersand and equals', 'a&b=c'],
    ['hash', 'room#1'],
    ['percent', '100%'],
    ['plus', 'a+b'],
    ['spaces', 'my room 2'],
    ['all of them', ' &=#%+?@[]{}|~,;:$!^() '],
  ])('string room id with %s cannot break the URL (round-trips exactly)', (_name, roomID) => {
    const url = buildModernPushURL(valid({ roomID }))
    const query = queryOf(url)
    expect(query.map(([key]) => key)).toEqual(['sdkappid', 'strroomid', 'userid', 'usersig', 'appscene', 'encsmall', 'cloudenv'])
    expect(Object.fromEntries(query).strroomid).toBe(roomID)
    expect(url.indexOf('#')).toBe(-1)
    expect(url.slice(MODERN_PREFIX.length).split('&')).toHaveLength(7)
  })

  it('percent-encodes unicode (UTF-8) if a builder is handed it directly', () => {
    // Validation rejects CJK ids (see options.test.ts); the encoder still never produces a broken URL.
    const options: ValidOptions = { ...valid(), room: { kind: 'string', id: '房间 😀' }, userID: 'é' }
    const url = buildModernPushURL(options)
    expect(url).toContain('strroomid=%E6%88%BF%E9%97%B4%20%F0%9F%98%80&userid=%C3%A9&')
    expect(Object.fromEntries(queryOf(url)).strroomid).toBe('房间 😀')
  })
})

describe('query encoding', () => {
  it('is encodeURIComponent except @', () => {
    expect(encodeQueryValue('a@b')).toBe('a@b')
    expect(encodeQueryValue('a b&c=d#e%f+g/h?i')).toBe('a%20b%26c%3Dd%23e%25f%2Bg%2Fh%3Fi')
    expect(encodeQueryValue(0)).toBe('0')
    expect(encodeQueryValue(4294967294)).toBe('4294967294')
    expect(encodeQueryValue('*-_.!~\'()')).toBe("*-_.!~'()")
  })

  it('never throws on malformed UTF-16 (lone surrogates become U+FFFD)', () => {
    expect(encodeQueryValue('a\uD800b')).toBe('a%EF%BF%BDb')
    expect(encodeQueryValue('\uDC00')).toBe('%EF%BF%BD')
    expect(encodeQueryValue('ok\uD83D\uDE00')).toBe('ok%F0%9F%98%80')
    // a valid pair next to a lone surrogate survives the repair
    expect(encodeQueryValue('\uD800\uD83D\uDE00')).toBe('%EF%BF%BD%F0%9F%98%80')
  })

  it('joins pairs in order', () => {
    expect(buildQuery([['a', 1], ['b', 'x y']])).toBe('a=1&b=x%20y')
    expect(buildQuery([])).toBe('')
  })
})

describe('legacy push URL (2018 flow)', () => {
  const ROOM_SIG = JSON.stringify({ Key: 'abc+/=', Extra: { n: 1, s: 'a&b' } })

  it('is room://cloud.tencent.com?sdkappid&roomid&userid&roomsig with the signature encodeURIComponent-ed', () => {
    expect(buildLegacyPushURL(valid(), ROOM_SIG)).toBe(
      `room://cloud.tencent.com?sdkappid=1400000001&roomid=1234&userid=alice&roomsig=${encodeURIComponent(ROOM_SIG)}`,
    )
  })

  it('never carries privateMapKey or userSig (they travel in the room-signature request only)', () => {
    const url = buildLegacyPushURL(valid({ privateMapKey: 'eJyPMK' }), ROOM_SIG)
    expect(url).not.toContain('privatemapkey')
    expect(url).not.toContain('eJyPMK')
    expect(url).not.toContain('usersig')
    expect(url).not.toContain(SIG)
  })

  it('adds bizbuf with only the keys that are set', () => {
    expect(legacyBizbuf(valid())).toBeUndefined()
    expect(buildLegacyPushURL(valid(), ROOM_SIG)).not.toContain('bizbuf')
    expect(legacyBizbuf(valid({ pureAudioPushMod: 1 }))).toBe('{"Str_uc_params":{"pure_audio_push_mod":1}}')
    expect(legacyBizbuf(valid({ recordId: 5 }))).toBe('{"Str_uc_params":{"record_id":5}}')
    const both = legacyBizbuf(valid({ pureAudioPushMod: 2, recordId: 9 }))
    expect(both).toBe('{"Str_uc_params":{"pure_audio_push_mod":2,"record_id":9}}')
    const url = buildLegacyPushURL(valid({ pureAudioPushMod: 2, recordId: 9 }), ROOM_SIG)
    expect(url.endsWith(`&bizbuf=${encodeURIComponent(both!)}`)).toBe(true)
    expect(new URL(url).searchParams.get('bizbuf')).toBe(both)
    expect(new URL(url).searchParams.get('roomsig')).toBe(ROOM_SIG)
  })
})

describe('legacy room-signature request', () => {
  it('POSTs the original body to the cloud host with the query of PROTOCOL.md', () => {
    const req = buildRoomSigRequest(valid({ privateMapKey: 'eJyPMK' }), 123456)
    expect(req.method).toBe('POST')
    expect(req.url).toBe(`${ROOM_SIG_HOSTS.cloud}?sdkappid=1400000001&identifier=alice&usersig=${SIG}&random=123456&contenttype=json`)
    expect(req.data).toEqual({
      ReqHead: { Cmd: 1, SeqNo: 1, BusType: 7, GroupId: 1234 },
      ReqBody: { PrivMapEncrypt: 'eJyPMK', TerminalType: 1, FromType: 3, SdkVersion: 26280566 },
    })
  })

  it('uses yun.tim.qq.com when useCloud is false', () => {
    expect(buildRoomSigRequest(valid({ useCloud: false }), 1).url.startsWith(`${ROOM_SIG_HOSTS.tim}?`)).toBe(true)
  })

  it('accepts only RspHead.ErrorCode 0 without a top-level ErrorCode; roomSig = JSON of RspBody', () => {
    const body = { RspHead: { ErrorCode: 0 }, RspBody: { Sig: 'x' } }
    expect(parseRoomSigResponse({ statusCode: 200, data: body })).toEqual({ ok: true, roomSig: '{"Sig":"x"}' })
    expect(parseRoomSigResponse({ statusCode: 200, data: JSON.stringify(body) })).toEqual({ ok: true, roomSig: '{"Sig":"x"}' })
    expect(parseRoomSigResponse({ statusCode: 500, data: body })).toMatchObject({ ok: false, message: 'HTTP 500' })
    expect(parseRoomSigResponse({ statusCode: 200, data: 'not json' })).toMatchObject({ ok: false })
    expect(parseRoomSigResponse({ statusCode: 200, data: null })).toMatchObject({ ok: false })
    expect(parseRoomSigResponse({ statusCode: 200, data: { ErrorCode: 70001, ErrorInfo: 'sig expired' } })).toEqual({
      ok: false,
      errorCode: 70001,
      message: 'sig expired',
    })
    expect(parseRoomSigResponse({ statusCode: 200, data: { RspHead: { ErrorCode: 3 } } })).toMatchObject({ ok: false, errorCode: 3 })
    expect(parseRoomSigResponse({ statusCode: 200, data: { RspHead: { ErrorCode: 0 } } })).toMatchObject({ ok: false })
  })
})

describe('URL round-trip (property)', () => {
  const userIDArb = fc.stringMatching(/^[A-Za-z0-9_\-.@]{1,32}$/)
  const sigArb = fc.stringMatching(/^[A-Za-z0-9*\-_+/=]{1,200}$/)
  const strRoomArb = fc
    .stringMatching(/^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]{1,64}$/)
    .filter((id) => id.trim() !== '' && !/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(id))
  const roomArb = fc.oneof(fc.integer({ min: 1, max: 4294967294 }), strRoomArb)

  it('every valid option set gives a URL that parses back to exactly its values', () => {
    fc.assert(
      fc.property(
        fc.record({
          sdkAppID: fc.integer({ min: 1, max: 2 ** 32 - 1 }),
          userID: userIDArb,
          userSig: sigArb,
          roomID: roomArb,
          privateMapKey: fc.option(sigArb, { nil: undefined }),
          pureAudioPushMod: fc.option(fc.constantFrom<1 | 2>(1, 2), { nil: undefined }),
          recordId: fc.option(fc.nat(), { nil: undefined }),
          recvMode: fc.option(fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4), { nil: undefined }),
        }),
        (props) => {
          const result = validateOptions(props)
          expect(result.ok).toBe(true)
          if (!result.ok) return
          const url = buildModernPushURL(result.options)
          expect(url.startsWith(MODERN_PREFIX)).toBe(true)
          expect(url).not.toMatch(/[\s#]/)
          const query = Object.fromEntries(queryOf(url))
          const numeric = typeof props.roomID === 'number'
          expect(query).toEqual({
            sdkappid: String(props.sdkAppID),
            ...(numeric ? { roomid: String(props.roomID) } : { strroomid: props.roomID }),
            userid: props.userID,
            usersig: props.userSig,
            appscene: 'videocall',
            encsmall: '0',
            cloudenv: 'PRO',
            ...(props.privateMapKey ? { privatemapkey: props.privateMapKey } : {}),
            ...(props.pureAudioPushMod ? { pureaudiomode: String(props.pureAudioPushMod) } : {}),
            ...(props.recordId !== undefined ? { userdefinerecordid: String(props.recordId) } : {}),
            ...(props.recvMode ? { recvmode: String(props.recvMode) } : {}),
          })
          if (numeric) {
            const legacy = new URL(buildLegacyPushURL(result.options, '{"s":"x&y"}')).searchParams
            expect(legacy.get('roomsig')).toBe('{"s":"x&y"}')
            expect(legacy.get('userid')).toBe(props.userID)
          }
        },
      ),
      { numRuns: 1_000, seed: 4 },
    )
  })

  it('validation never throws and always answers ok or typed -900xx errors naming a prop', () => {
    const value = fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.double(), fc.constant(undefined))
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('sdkAppID', 'userID', 'userSig', 'roomID', 'roomId', 'minBitrate', 'maxBitrate', 'beauty', 'template', 'reconnect', 'recordId', 'streamID', 'enterTimeout', 'muted'), value), (props) => {
        const result = validateOptions(props as unknown as RoomOptions)
        if (result.ok) {
          expect(() => buildModernPushURL(result.options)).not.toThrow()
          return
        }
        expect(result.errors.length).toBeGreaterThan(0)
        for (const error of result.errors) {
          expect(error.code).toBeLessThanOrEqual(-90000)
          expect(error.code).toBeGreaterThanOrEqual(-90999)
          expect(typeof error.prop).toBe('string')
          expect(typeof error.message).toBe('string')
        }
      }),
      { numRuns: 2_000, seed: 5 },
    )
  })
})

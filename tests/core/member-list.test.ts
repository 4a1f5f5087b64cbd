import { describe, expect, it } from 'vitest'
import { parseUserList } from '../../uni_modules/webrtc-room/engines/mp-weixin/live-tags-engine'

const users = (message: unknown) => parseUserList(message)?.users ?? null

describe('parseUserList (1020 / 1031–1034 messages)', () => {
  it('counts the entries it skipped (a 1020 of only malformed entries is not an empty room)', () => {
    expect(parseUserList('{"userlist":[{"userid":123}]}')).toEqual({ users: [], skipped: 1 })
    expect(parseUserList({ userlist: [{ userid: 'a' }, null, 'x', { userid: '' }] })).toEqual({ users: [{ userID: 'a' }], skipped: 3 })
    expect(parseUserList('{"userlist":[]}')).toEqual({ users: [], skipped: 0 })
  })

  it('reads the legacy 1020 shape', () => {
    const message = '{"userlist":[{"userid":"u1","playurl":"room://183.3.225.15:1935/webrtc/1400037025_107688_u1"}]}'
    expect(users(message)).toEqual([{ userID: 'u1', playURL: 'room://183.3.225.15:1935/webrtc/1400037025_107688_u1' }])
  })

  it('reads every field of the modern shape', () => {
    const message = JSON.stringify({ userlist: [{ userid: 'u1', playurl: 'room://x', streamtype: 'aux', hasvideo: 1, hasaudio: 0 }] })
    expect(users(message)).toEqual([{ userID: 'u1', playURL: 'room://x', streamType: 'aux', hasVideo: true, hasAudio: false }])
  })

  it('accepts an already-parsed object', () => {
    expect(users({ userlist: [{ userid: 'a' }] })).toEqual([{ userID: 'a' }])
  })

  it('reads the original\'s accelerateURL and a userID spelling', () => {
    expect(users({ userlist: [{ userID: 'a', accelerateURL: 'room://acc' }] })).toEqual([{ userID: 'a', playURL: 'room://acc' }])
    // playurl wins over accelerateURL, userid over userID
    expect(users({ userlist: [{ userid: 'a', userID: 'b', playurl: 'p', accelerateURL: 'q' }] })).toEqual([{ userID: 'a', playURL: 'p' }])
  })

  it.each([
    [1, true],
    [0, false],
    [true, true],
    [false, false],
    ['1', true],
    ['0', false],
    ['', false],
    ['false', false],
    ['yes', true],
  ])('flag %j → %s', (value, expected) => {
    expect(users({ userlist: [{ userid: 'a', hasvideo: value, hasaudio: value }] })).toEqual([{ userID: 'a', hasVideo: expected, hasAudio: expected }])
  })

  it('leaves absent / null / odd flags and unknown stream types unset', () => {
    expect(users({ userlist: [{ userid: 'a', hasvideo: null, hasaudio: {}, streamtype: 'small' }] })).toEqual([{ userID: 'a' }])
  })

  it('skips entries without a usable userid, keeps the rest in order', () => {
    const userlist = [null, 5, 'u', { userid: '' }, { userid: 7 }, { playurl: 'p' }, { userid: 'ok' }, [], { userid: 'ok2', playurl: 3 }]
    expect(users({ userlist })).toEqual([{ userID: 'ok' }, { userID: 'ok2' }])
  })

  it('keeps duplicates (the reducer dedupes) and an empty list', () => {
    expect(users({ userlist: [{ userid: 'a' }, { userid: 'a' }] })).toHaveLength(2)
    expect(users('{"userlist":[]}')).toEqual([])
  })

  it.each(['', 'not json', '{', 'null', '5', '"str"', '[]', '{}', '{"userlist":{}}', '{"userlist":"a"}'])('malformed %j → null', (message) => {
    expect(users(message)).toBeNull()
  })

  it.each([undefined, null, 5, true])('non-message %j → null', (message) => {
    expect(users(message)).toBeNull()
  })
})

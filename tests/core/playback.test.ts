/**
 * Per-member local mute and big / small streams (issue 14 items 2 and 4): the reducer's playback
 * concern (core/reduce-playback.ts) over the test driver, and the controller's methods reaching a
 * recording engine.
 */
import { createPinia, setActivePinia } from 'pinia'
// The per-member choices are the opt-in member-media entry, imported as main.ts would.
import '../../uni_modules/webrtc-room/member-media'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Effect } from '../../uni_modules/webrtc-room/core/actions'
import type { EngineFactory, MemberMedia } from '../../uni_modules/webrtc-room/core/engine'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { buildModernPushURL } from '../../uni_modules/webrtc-room/core/push-url'
import { canPlaySmall, SMALL_STREAM_TILES, streamURL } from '../../uni_modules/webrtc-room/core/reduce-playback'
import { validateOptions } from '../../uni_modules/webrtc-room/core/options'
import { createLiveTagsEngine } from '../../uni_modules/webrtc-room/engines/mp-weixin/live-tags-engine'
import { createRoom } from '../../uni_modules/webrtc-room/room-factory'
import type { RoomOptions, StreamPref } from '../../uni_modules/webrtc-room/core/types'
import { useRoomStore } from '../../uni_modules/webrtc-room/stores/room'
import { createFakePlatform } from '../helpers/fake-platform'
import { Driver, list } from './driver'

const url = (userID: string, type = 'main') => `room://cloud.tencent.com/rtc?userid=${userID}&streamtype=${type}`

function join(d: Driver, ...userIDs: string[]): void {
  d.pusher(1031, list(userIDs.map((userid) => ({ userid }))))
  d.pusher(1033, list(userIDs.map((userid) => ({ userid, streamtype: 'main', hasvideo: 1, playurl: url(userid) }))))
  d.pusher(1034, list(userIDs.map((userid) => ({ userid, hasaudio: 1, playurl: url(userid) }))))
}

const choose = (d: Driver, method: 'muteMemberAudio' | 'muteMemberVideo' | 'setMemberStream', userID: unknown, value: unknown) =>
  d.dispatch({ type: 'member_choice', method, userID, value })

const media = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'member_media' ? [[e.userID, e.media] as [string, MemberMedia]] : []))
const main = (d: Driver, userID: string) => d.state.room.members[userID]?.streams.main

describe('per-member local mute', () => {
  it('muteMemberAudio / muteMemberVideo set the member and tell the engine once', () => {
    const d = new Driver().enter()
    join(d, 'a', 'b')
    const effects = choose(d, 'muteMemberAudio', 'a', true)
    expect(d.state.room.members.a).toMatchObject({ muteAudio: true, muteVideo: false })
    expect(d.state.room.members.b).toMatchObject({ muteAudio: false, muteVideo: false })
    expect(media(effects)).toEqual([['a', { muteAudio: true, muteVideo: false, small: false }]])
    // The store shows the app's own choice: no event.
    expect(Driver.emitted(effects)).toEqual([])
    // Same value again: nothing happens.
    expect(choose(d, 'muteMemberAudio', 'a', true)).toEqual([])
    expect(media(choose(d, 'muteMemberVideo', 'a', true))).toEqual([['a', { muteAudio: true, muteVideo: true, small: false }]])
    expect(media(choose(d, 'muteMemberAudio', 'a', false))).toEqual([['a', { muteAudio: false, muteVideo: true, small: false }]])
  })

  it('survives the member re-publishing its streams; ends when it leaves', () => {
    const d = new Driver({ autoplay: true }).enter()
    join(d, 'a')
    choose(d, 'muteMemberVideo', 'a', true)
    choose(d, 'muteMemberAudio', 'a', true)
    // Camera and mic off: the stream is dropped …
    d.pusher(1033, list([{ userid: 'a', streamtype: 'main', hasvideo: 0 }]))
    d.pusher(1034, list([{ userid: 'a', hasaudio: 0 }]))
    expect(main(d, 'a')).toBeUndefined()
    // … and comes back: still muted, and the engine is not told again (nothing changed).
    d.pusher(1033, list([{ userid: 'a', streamtype: 'main', hasvideo: 1, playurl: url('a') }]))
    const back = d.pusher(1034, list([{ userid: 'a', hasaudio: 1, playurl: url('a') }]))
    expect(d.state.room.members.a).toMatchObject({ muteAudio: true, muteVideo: true })
    expect(main(d, 'a')).toMatchObject({ hasVideo: true, hasAudio: true })
    expect(media(back)).toEqual([])
    // Leave and join again: a new member, nothing muted.
    d.pusher(1032, list([{ userid: 'a' }]))
    join(d, 'a')
    expect(d.state.room.members.a).toMatchObject({ muteAudio: false, muteVideo: false, streamPref: 'auto' })
  })

  it('is independent of stopMember / playMember', () => {
    const d = new Driver({ autoplay: true }).enter()
    join(d, 'a')
    choose(d, 'muteMemberAudio', 'a', true)
    d.dispatch({ type: 'play_member', userID: 'a', play: false })
    expect(d.state.room.members.a.muteAudio).toBe(true)
    expect(main(d, 'a')?.playing).toBe(false)
    choose(d, 'muteMemberAudio', 'a', false)
    expect(main(d, 'a')?.playing).toBe(false)
    d.dispatch({ type: 'play_member', userID: 'a', play: true })
    expect(d.state.room.members.a.muteAudio).toBe(false)
    expect(main(d, 'a')?.playing).toBe(true)
  })

  it.each([
    ['muteMemberAudio', 'nobody', true, RoomErrorCode.INVALID_STATE],
    ['muteMemberVideo', 42, true, RoomErrorCode.INVALID_STATE],
    ['muteMemberAudio', 'a', 'yes', RoomErrorCode.INVALID_PROP],
    ['muteMemberVideo', 'a', undefined, RoomErrorCode.INVALID_PROP],
    ['setMemberStream', 'a', 'medium', RoomErrorCode.INVALID_PROP],
    ['setMemberStream', 'a', true, RoomErrorCode.INVALID_PROP],
    ['setMemberStream', '__proto__', 'small', RoomErrorCode.INVALID_STATE],
  ] as const)('%s(%j, %j) → one warning %i, nothing changes', (method, userID, value, code) => {
    const d = new Driver().enter()
    join(d, 'a')
    const before = d.state.room.members
    const effects = choose(d, method, userID, value)
    expect(Driver.emitted(effects)).toEqual([{ tag: 'warning', code, detail: expect.objectContaining({ method, message: expect.stringContaining(method) }) }])
    expect(d.state.room.members).toBe(before)
    expect(d.status).toBe('in_room')
  })

  it('outside a room there is no member: a warning, no throw', () => {
    const d = new Driver()
    expect(Driver.emitted(choose(d, 'muteMemberAudio', 'a', true))[0]).toMatchObject({ tag: 'warning', code: RoomErrorCode.INVALID_STATE })
  })
})

describe('big / small streams', () => {
  it('streamURL switches the streamtype parameter only', () => {
    expect(streamURL(url('main_user'), true)).toBe('room://cloud.tencent.com/rtc?userid=main_user&streamtype=small')
    expect(streamURL(streamURL(url('main_user'), true), false)).toBe(url('main_user'))
    expect(streamURL('room://x?streamtype=main&userid=u', true)).toBe('room://x?streamtype=small&userid=u')
    expect(streamURL(url('a', 'aux'), true)).toBe(url('a', 'aux'))
    expect(streamURL('rtmp://x/live/main', true)).toBe('rtmp://x/live/main')
    expect(canPlaySmall('rtmp://x/live/main')).toBe(false)
    expect(canPlaySmall('')).toBe(true)
  })

  it('enableSmallStream publishes a small stream: encsmall=1 in the push URL', () => {
    const on = validateOptions({ sdkAppID: 1400000001, userID: 'me', userSig: 'abc', roomID: 1, enableSmallStream: true })
    const off = validateOptions({ sdkAppID: 1400000001, userID: 'me', userSig: 'abc', roomID: 1 })
    if (!on.ok || !off.ok) throw new Error('invalid')
    expect(buildModernPushURL(on.options)).toContain('&encsmall=1&')
    expect(buildModernPushURL(off.options)).toContain('&encsmall=0&')
    const bad = validateOptions({ sdkAppID: 1400000001, userID: 'me', userSig: 'abc', roomID: 1, enableSmallStream: 'yes' as unknown as boolean })
    expect(bad.ok ? [] : bad.errors.map((e) => [e.code, e.prop])).toEqual([[RoomErrorCode.INVALID_PROP, 'enableSmallStream']])
  })

  it('setMemberStream: small / big switch the play URL and StreamState.small; the announced URL does not switch it back', () => {
    const d = new Driver().enter()
    join(d, 'a')
    const effects = choose(d, 'setMemberStream', 'a', 'small')
    expect(main(d, 'a')).toMatchObject({ small: true, playURL: url('a').replace('=main', '=small') })
    expect(media(effects)).toEqual([['a', { muteAudio: false, muteVideo: false, small: true }]])
    // The same notification again (same announced URL): no change, no member_update.
    const again = d.pusher(1033, list([{ userid: 'a', streamtype: 'main', hasvideo: 1, playurl: url('a') }]))
    expect(Driver.emitted(again).filter((e) => e.tag === 'member_update')).toEqual([])
    expect(main(d, 'a')?.playURL).toContain('streamtype=small')
    // Re-published (stream gone and back): small again.
    d.pusher(1033, list([{ userid: 'a', streamtype: 'main', hasvideo: 0 }]))
    d.pusher(1034, list([{ userid: 'a', hasaudio: 0 }]))
    join(d, 'a')
    expect(main(d, 'a')).toMatchObject({ small: true, playURL: url('a').replace('=main', '=small') })
    choose(d, 'setMemberStream', 'a', 'big')
    expect(main(d, 'a')).toMatchObject({ small: false, playURL: url('a') })
  })

  it('a play URL without streamtype (legacy) cannot switch: StreamState.small stays false', () => {
    const d = new Driver().enter()
    join(d, 'a')
    d.pusher(1033, list([{ userid: 'a', streamtype: 'main', hasvideo: 1, playurl: 'rtmp://legacy/a' }]))
    choose(d, 'setMemberStream', 'a', 'small')
    expect(main(d, 'a')).toMatchObject({ small: false, playURL: 'rtmp://legacy/a' })
    expect(d.state.room.members.a.streamPref).toBe('small')
  })

  /** Expected small members for 'auto' in a room of n members (one main tile each). */
  function expectedSmall(template: string, smallOn: boolean, ids: string[]): string[] {
    if (!smallOn || (template !== 'grid' && template !== 'bigsmall') || ids.length + 1 <= SMALL_STREAM_TILES) return []
    return template === 'bigsmall' ? ids.slice(1) : ids
  }

  it.each(['grid', 'bigsmall', 'float', 'custom'])("'auto' in %s follows the tile count for every room size 0–12 (and only with enableSmallStream)", (template) => {
    for (const smallOn of [true, false]) {
      const d = new Driver({ template, enableSmallStream: smallOn }).enter()
      const ids: string[] = []
      for (let n = 1; n <= 12; n++) {
        ids.push(`u${n}`)
        join(d, `u${n}`)
        const small = ids.filter((id) => main(d, id)?.small)
        expect(small, `${template} n=${n}`).toEqual(expectedSmall(template, smallOn, ids))
        for (const id of ids) expect(main(d, id)?.playURL).toBe(url(id).replace('=main', main(d, id)?.small ? '=small' : '=main'))
      }
      // Leaving back down (the featured member first): the choice follows.
      while (ids.length > 0) {
        d.pusher(1032, list([{ userid: ids.shift() }]))
        expect(ids.filter((id) => main(d, id)?.small)).toEqual(expectedSmall(template, smallOn, ids))
      }
    }
  })

  it("screen shares count as tiles; an explicit 'big' / 'small' beats 'auto'", () => {
    const d = new Driver({ template: 'grid', enableSmallStream: true }).enter()
    join(d, 'a', 'b')
    expect(main(d, 'a')?.small).toBe(false)
    d.pusher(1033, list([{ userid: 'a', streamtype: 'aux', hasvideo: 1, playurl: url('a', 'aux') }]))
    // self + a + a's screen + b = 4 tiles: still big.
    expect(main(d, 'a')?.small).toBe(false)
    d.pusher(1033, list([{ userid: 'b', streamtype: 'aux', hasvideo: 1, playurl: url('b', 'aux') }]))
    expect([main(d, 'a')?.small, main(d, 'b')?.small]).toEqual([true, true])
    expect(d.state.room.members.a.streams.aux).toMatchObject({ small: false, playURL: url('a', 'aux') })
    choose(d, 'setMemberStream', 'a', 'big')
    expect([main(d, 'a')?.small, main(d, 'b')?.small]).toEqual([false, true])
    choose(d, 'setMemberStream', 'a', 'auto')
    expect(main(d, 'a')?.small).toBe(true)
    // In a small room 'small' still plays small.
    const s = new Driver({ template: 'float' }).enter()
    join(s, 'x')
    choose(s, 'setMemberStream', 'x', 'small')
    expect(main(s, 'x')?.small).toBe(true)
  })

  it('a play URL changes only when the choice changes (no needless reconnects)', () => {
    const d = new Driver({ template: 'grid', enableSmallStream: true, autoplay: true }).enter()
    const seen: Record<string, string[]> = {}
    const record = () => {
      for (const id of d.memberIDs) {
        const u = main(d, id)?.playURL
        if (!u) continue
        const list = (seen[id] ??= [])
        if (list.at(-1) !== u) list.push(u)
      }
    }
    for (let n = 1; n <= 8; n++) {
      join(d, `u${n}`)
      record()
      d.player(`u${n}`, 2004)
      d.dispatch({ type: 'player_net', userID: `u${n}`, streamType: 'main', info: { videoBitrate: n } })
      record()
    }
    // u1..u3 started big and switched once (at the 5th tile); later members started small.
    expect(seen.u1).toEqual([url('u1'), url('u1').replace('=main', '=small')])
    expect(seen.u8).toEqual([url('u8').replace('=main', '=small')])
  })

  it('a template change re-decides (update)', () => {
    const d = new Driver({ template: 'float', enableSmallStream: true }).enter()
    join(d, 'a', 'b', 'c', 'd')
    expect(d.memberIDs.filter((id) => main(d, id)?.small)).toEqual([])
    const effects = d.dispatch({ type: 'update', options: { template: 'bigsmall' } })
    expect(d.memberIDs.filter((id) => main(d, id)?.small)).toEqual(['b', 'c', 'd'])
    expect(media(effects).map(([id]) => id)).toEqual(['b', 'c', 'd'])
  })
})

describe('controller methods', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('reach the store and the engine; the store mirrors StreamState.small', async () => {
    const calls: Array<[string, MemberMedia]> = []
    const engine: EngineFactory = (env) => ({ ...createLiveTagsEngine(env), memberMedia: (userID, m) => calls.push([userID, m]) })
    const options: RoomOptions = { sdkAppID: 1400000001, userID: 'me', userSig: 'eJyrVkrOz0ktUrJSSs7PLcgvSy1SSMsvykvMyVECAHIjCEk_', roomID: 1234 }
    const room = createRoom(options, createFakePlatform(), { engine })
    const warnings: number[] = []
    room.on((e) => e.tag === 'warning' && warnings.push(e.code))
    await room.start()
    room.onPusherStateChange({ code: 1018 })
    room.onPusherStateChange({ code: 1031, message: list([{ userid: 'a' }]) })
    room.onPusherStateChange({ code: 1033, message: list([{ userid: 'a', streamtype: 'main', hasvideo: 1, playurl: url('a') }]) })
    room.muteMemberAudio('a', true)
    room.muteMemberVideo('a', true)
    room.setMemberStream('a', 'small' as StreamPref)
    const member = useRoomStore().rooms[room.key].members.a
    expect(member).toMatchObject({ muteAudio: true, muteVideo: true, streamPref: 'small' })
    expect(member.streams.main).toMatchObject({ small: true, playURL: url('a').replace('=main', '=small') })
    expect(calls).toEqual([
      ['a', { muteAudio: true, muteVideo: false, small: false }],
      ['a', { muteAudio: true, muteVideo: true, small: false }],
      ['a', { muteAudio: true, muteVideo: true, small: true }],
    ])
    room.muteMemberAudio('ghost', true)
    room.setMemberStream('a', 'huge' as StreamPref)
    expect(warnings).toEqual([RoomErrorCode.INVALID_STATE, RoomErrorCode.INVALID_PROP])
    await room.destroy()
  })
})

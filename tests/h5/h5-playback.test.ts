/**
 * Per-member mute and big / small streams on the H5 engine (issue 14 items 2 and 4), the real
 * controller over the fake trtc-sdk-v5: muteRemoteAudio / stopRemoteVideo / startRemoteVideo with
 * `option.small` / updateRemoteVideo, and the small stream published with `enableSmallStream`.
 */
import { describe, expect, it } from 'vitest'
// The per-member choices are the opt-in member-media entry, imported as main.ts would.
import '../../uni_modules/webrtc-room/member-media'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { useRoomStore } from '../../uni_modules/webrtc-room/stores/room'
import { createH5Room, joinPublishing, settle, startAndEnter } from './helpers/h5-room'

describe('H5: per-member local mute', () => {
  it('muteMemberAudio mutes that user only, once; unmute plays it again', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    joinPublishing(client, 'ann')
    joinPublishing(client, 'ben')
    expect(client.callsOf('muteRemoteAudio')).toEqual([['ann', false], ['ben', false]])
    h5.room.muteMemberAudio('ann', true)
    h5.room.muteMemberVideo('ann', false)
    expect(client.callsOf('muteRemoteAudio')).toEqual([['ann', false], ['ben', false], ['ann', true]])
    // Audio re-published while muted stays muted (the choice outlives the track).
    client.emit('remote-audio-unavailable', { userId: 'ann' })
    client.emit('remote-audio-available', { userId: 'ann' })
    expect(client.callsOf('muteRemoteAudio')).toHaveLength(3)
    h5.room.muteMemberAudio('ann', false)
    expect(client.callsOf('muteRemoteAudio').at(-1)).toEqual(['ann', false])
    expect(useRoomStore().rooms[h5.room.key].members.ann.muteAudio).toBe(false)
  })

  it('muteMemberVideo stops the video (main and screen share), unmute starts it again; re-published video stays off', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    const view = h5.mountRemote('cat')
    h5.mountRemote('cat', 'aux')
    joinPublishing(client, 'cat')
    client.emit('remote-video-available', { userId: 'cat', streamType: 'sub' })
    expect(client.callsOf('startRemoteVideo')).toHaveLength(2)
    h5.room.muteMemberVideo('cat', true)
    expect(client.callsOf('stopRemoteVideo')).toEqual([[{ userId: 'cat', streamType: 'main' }], [{ userId: 'cat', streamType: 'sub' }]])
    // Audio untouched.
    expect(client.callsOf('muteRemoteAudio')).toEqual([['cat', false]])
    client.emit('remote-video-unavailable', { userId: 'cat', streamType: 'main' })
    client.emit('remote-video-available', { userId: 'cat', streamType: 'main' })
    expect(client.callsOf('startRemoteVideo')).toHaveLength(2)
    h5.room.muteMemberVideo('cat', false)
    expect(client.callsOf('startRemoteVideo').slice(2)).toEqual([
      [{ userId: 'cat', streamType: 'main', view, option: { fillMode: 'cover' } }],
      [expect.objectContaining({ userId: 'cat', streamType: 'sub' })],
    ])
  })

  it('is independent of stopMember: a muted member played again stays muted', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    h5.mountRemote('dan')
    joinPublishing(client, 'dan')
    h5.room.muteMemberAudio('dan', true)
    h5.room.stopMember('dan')
    const starts = client.callsOf('startRemoteVideo').length
    h5.room.playMember('dan')
    // Video comes back, audio does not (no muteRemoteAudio(dan, false) after the mute).
    expect(client.callsOf('startRemoteVideo').length).toBe(starts + 1)
    const audio = client.callsOf('muteRemoteAudio')
    expect(audio.slice(audio.findIndex((c) => c[1] === true))).not.toContainEqual(['dan', false])
  })

  it('unknown user or bad argument: a warning, no SDK call', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    joinPublishing(client, 'eve')
    const before = client.calls.length
    h5.room.muteMemberAudio('nobody', true)
    h5.room.muteMemberVideo('eve', 1 as unknown as boolean)
    h5.room.setMemberStream('eve', 'hd' as 'big')
    expect(h5.tagged('warning').map((e) => e.code)).toEqual([RoomErrorCode.INVALID_STATE, RoomErrorCode.INVALID_PROP, RoomErrorCode.INVALID_PROP])
    expect(client.calls.length).toBe(before)
  })
})

describe('H5: big / small streams', () => {
  it('enableSmallStream publishes a small stream; a live change updates it in place', async () => {
    const h5 = createH5Room({ enableSmallStream: true })
    await startAndEnter(h5)
    const client = h5.sdk.client
    expect((client.callsOf('startLocalVideo')[0][0] as { option: { small?: boolean } }).option.small).toBe(true)
    h5.room.update({ enableSmallStream: false })
    await settle()
    expect(client.callsOf('updateLocalVideo')).toContainEqual([{ option: { small: false } }])
    const off = createH5Room()
    await startAndEnter(off)
    expect((off.sdk.client.callsOf('startLocalVideo')[0][0] as { option: { small?: boolean } }).option).not.toHaveProperty('small')
  })

  it('setMemberStream: starts small when chosen before the view mounts, switches in place after', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    joinPublishing(client, 'fay')
    h5.room.setMemberStream('fay', 'small')
    const view = h5.mountRemote('fay')
    expect(client.callsOf('startRemoteVideo')).toEqual([[{ userId: 'fay', streamType: 'main', view, option: { fillMode: 'cover', small: true } }]])
    expect(useRoomStore().rooms[h5.room.key].members.fay.streams.main?.small).toBe(true)
    h5.room.setMemberStream('fay', 'big')
    h5.room.setMemberStream('fay', 'big')
    expect(client.callsOf('updateRemoteVideo')).toEqual([[{ userId: 'fay', streamType: 'main', option: { small: false } }]])
    expect(client.callsOf('startRemoteVideo')).toHaveLength(1)
  })

  it("grid 'auto': the 5th tile switches every member to small, the 4th back to big", async () => {
    const h5 = createH5Room({ template: 'grid', enableSmallStream: true })
    await startAndEnter(h5)
    const client = h5.sdk.client
    for (const id of ['u1', 'u2', 'u3']) {
      h5.mountRemote(id)
      joinPublishing(client, id)
    }
    expect(client.callsOf('updateRemoteVideo')).toEqual([])
    h5.mountRemote('u4')
    joinPublishing(client, 'u4')
    expect(client.callsOf('updateRemoteVideo').map((c) => (c[0] as { userId: string }).userId)).toEqual(['u1', 'u2', 'u3'])
    expect((client.callsOf('startRemoteVideo').at(-1)![0] as { option: { small?: boolean } }).option.small).toBe(true)
    client.emit('remote-user-exit', { userId: 'u2' })
    expect(client.callsOf('updateRemoteVideo').slice(3)).toEqual(['u1', 'u3', 'u4'].map((userId) => [{ userId, streamType: 'main', option: { small: false } }]))
  })
})

/**
 * Volume, speaking, the active speaker and network quality are the opt-in `levels` entry. Without it
 * a room works as before but holds no live levels (volume 0, speaking false, quality 0, activeSpeaker
 * null), emits no `active_speaker` / `network_quality`, and the engines ask for no volume reports
 * (H5: no enableAudioVolumeEvaluation); the stats themselves still arrive. Importing the entry (as
 * main.ts would) makes the same rooms report them. The rules in depth: media-levels.test.ts,
 * h5-levels.test.ts, tests/mp/compiled-levels.test.ts. This file must not import the entry
 * statically: vitest isolates modules per file.
 */
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { createRoom } from '../../uni_modules/webrtc-room/room-factory'
import type { RoomEvent, RoomOptions, RoomState } from '../../uni_modules/webrtc-room/core/types'
import { useRoomStore } from '../../uni_modules/webrtc-room/stores/room'
import { createFakePlatform } from '../helpers/fake-platform'
import { createH5Room, joinPublishing, settle, startAndEnter } from '../h5/helpers/h5-room'

const BASE: RoomOptions = { sdkAppID: 1400000001, userID: 'me', userSig: 'eJyrVkrOz0ktUrJSSs7PLcgvSy1SSMsvykvMyVECAHIjCEk_', roomID: 1234, autoplay: true }
const list = (users: Array<Record<string, unknown>>) => JSON.stringify({ userlist: users })
const LEVEL_TAGS = ['active_speaker', 'network_quality']

/** A mini-program room in the room with bob publishing and playing; then a second of levels and stats. */
async function mpRoomWithLevels() {
  const platform = createFakePlatform()
  const room = createRoom(BASE, platform)
  const events: RoomEvent[] = []
  room.on((e) => events.push(e))
  const none = () => {}
  room.attachPusher({ start: none, stop: none, pause: none, resume: none, switchCamera: none })
  await room.start()
  platform.advance(0)
  room.onPusherStateChange({ code: 1018, message: 'entered' })
  room.onPusherStateChange({ code: 1031, message: list([{ userid: 'bob' }]) })
  room.onPusherStateChange({ code: 1033, message: list([{ userid: 'bob', streamtype: 'main', hasvideo: 1, playurl: 'room://x/bob' }]) })
  room.onPusherStateChange({ code: 1034, message: list([{ userid: 'bob', hasaudio: 1, playurl: 'room://x/bob' }]) })
  room.onPlayerStateChange('bob', { code: 2004, message: 'playing' })
  for (let i = 0; i < 5; i++) {
    platform.advance(300)
    room.onPusherAudioVolume({ volume: 70 })
    room.onPlayerAudioVolume('bob', { volume: 50 })
  }
  room.onPusherNetStatus({ info: { netSpeed: 0, videoBitrate: 600, audioBitrate: 48 } })
  room.onPlayerNetStatus('bob', { info: { netSpeed: 300, videoBitrate: 600, audioBitrate: 48 } })
  const state = useRoomStore().rooms[room.key] as RoomState
  return { room, state, events }
}

async function h5RoomWithLevels() {
  const h5 = createH5Room()
  await startAndEnter(h5)
  joinPublishing(h5.sdk.client, 'bob')
  await settle()
  h5.sdk.client.emit('audio-volume', { result: [{ userId: '', volume: 70 }, { userId: 'bob', volume: 45 }] })
  h5.sdk.client.emit('network-quality', { uplinkNetworkQuality: 2, downlinkNetworkQuality: 4, uplinkRTT: 40, uplinkLoss: 0, downlinkRTT: 90, downlinkLoss: 12 })
  return { h5, state: useRoomStore().rooms[h5.room.key] as RoomState }
}

beforeEach(() => setActivePinia(createPinia()))

describe('levels entry not imported', () => {
  it('mini-program: samples and netstatus leave the levels at rest, no level event; the stats still arrive', async () => {
    const { room, state, events } = await mpRoomWithLevels()
    expect(state.status).toBe('in_room')
    expect(state.self).toMatchObject({ volume: 0, speaking: false, quality: 0 })
    expect(state.members.bob).toMatchObject({ volume: 0, speaking: false, quality: 0 })
    expect(state.members.bob.streams.main).toMatchObject({ playing: true, volume: 0 })
    expect(state.activeSpeaker).toBeNull()
    expect(events.filter((e) => LEVEL_TAGS.includes(e.tag))).toEqual([])
    expect(state.self.net).toMatchObject({ videoBitrate: 600 })
    expect(state.members.bob.streams.main?.net).toMatchObject({ netSpeed: 300 })
    expect(events.filter((e) => e.tag === 'error' || e.tag === 'warning')).toEqual([])
    await room.destroy()
  })

  it('H5: no volume evaluation asked of the SDK; audio-volume / network-quality change no level, the link stats stay', async () => {
    const { h5, state } = await h5RoomWithLevels()
    expect(h5.sdk.client.callsOf('enableAudioVolumeEvaluation')).toEqual([])
    expect(state.self).toMatchObject({ volume: 0, speaking: false, quality: 0 })
    expect(state.members.bob).toMatchObject({ volume: 0, speaking: false, quality: 0 })
    expect(state.activeSpeaker).toBeNull()
    expect(h5.events.filter((e) => LEVEL_TAGS.includes(e.tag))).toEqual([])
    expect(state.self.net).toMatchObject({ uplinkQuality: 2, downlinkQuality: 4 })
    await h5.room.destroy()
  })
})

describe('levels entry imported', () => {
  it('mini-program: the same room speaks, picks its active speaker and rates both links', async () => {
    await import('../../uni_modules/webrtc-room/levels')
    const { room, state, events } = await mpRoomWithLevels()
    expect(state.self).toMatchObject({ volume: 70, speaking: true, quality: 6 })
    expect(state.members.bob).toMatchObject({ volume: 50, speaking: true, quality: 4 })
    expect(state.activeSpeaker).toBe('me')
    expect(events.filter((e) => LEVEL_TAGS.includes(e.tag)).map((e) => [e.tag, e.detail])).toEqual([
      ['active_speaker', { userID: 'me' }],
      ['network_quality', { userID: 'me', quality: 6, previous: 0 }],
      ['network_quality', { userID: 'bob', quality: 4, previous: 0 }],
    ])
    await room.destroy()
  })

  it('H5: volume evaluation on, levels and qualities from the SDK events', async () => {
    await import('../../uni_modules/webrtc-room/levels')
    const { LEVEL_INTERVAL_MS } = await import('../../uni_modules/webrtc-room/core/reduce-levels')
    const { h5, state } = await h5RoomWithLevels()
    expect(h5.sdk.client.callsOf('enableAudioVolumeEvaluation')).toEqual([[LEVEL_INTERVAL_MS]])
    expect(state.self).toMatchObject({ volume: 70, speaking: true, quality: 4 })
    expect(state.members.bob).toMatchObject({ volume: 45, speaking: true, quality: 4 })
    expect(state.activeSpeaker).toBe('me')
    expect(h5.tagged('network_quality')).toHaveLength(2)
    await h5.room.destroy()
  })
})

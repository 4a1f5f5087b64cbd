/**
 * H5 volume, speaking and network quality (#14 items 1 + 6): with the opt-in `levels` entry
 * (imported here as main.ts would) the engine turns on the SDK's volume evaluation and translates
 * `audio-volume` / `network-quality` into the core's levels, through the real controller and room
 * store over the fake SDK (fake clock: throttling is exact). Without the entry: tests/core/levels-entry.test.ts.
 */
import '../../uni_modules/webrtc-room/levels'
import { describe, expect, it } from 'vitest'
import { LEVEL_INTERVAL_MS } from '../../uni_modules/webrtc-room/core/reduce-levels'
import { trtcLevels } from '../../uni_modules/webrtc-room/engines/h5/trtc-levels'
import { useRoomStore } from '../../uni_modules/webrtc-room/stores/room'
import { createH5Room, settle, startAndEnter } from './helpers/h5-room'
import type { FakeTrtcClient } from './helpers/fake-trtc'

function join(client: FakeTrtcClient, userId: string) {
  client.emit('remote-user-enter', { userId })
  client.emit('remote-audio-available', { userId })
  client.emit('remote-video-available', { userId, streamType: 'main' })
}

async function inRoomWith(...ids: string[]) {
  const h5 = createH5Room()
  await startAndEnter(h5)
  for (const id of ids) join(h5.sdk.client, id)
  await settle()
  const state = () => useRoomStore().rooms[h5.room.key]
  return { h5, client: h5.sdk.client, state }
}

describe('H5 engine: audio volume', () => {
  it('turns on the SDK volume evaluation at the core\'s write interval', async () => {
    const { client } = await inRoomWith()
    expect(client.callsOf('enableAudioVolumeEvaluation')).toEqual([[LEVEL_INTERVAL_MS]])
  })

  it('audio-volume reaches you (userId \'\') and the members, throttled per participant', async () => {
    const { h5, client, state } = await inRoomWith('bob', 'carol')
    client.emit('audio-volume', { result: [{ userId: '', volume: 70 }, { userId: 'bob', volume: 45 }, { userId: 'carol', volume: 2 }] })
    expect(state().self).toMatchObject({ volume: 70, speaking: true })
    expect(state().members.bob).toMatchObject({ volume: 45, speaking: true })
    expect(state().members.bob.streams.main?.volume).toBe(45)
    expect(state().members.carol).toMatchObject({ volume: 2, speaking: false })
    expect(state().activeSpeaker).toBe('me')
    // Within the interval: nothing written (the louder sample is kept for the next write).
    h5.platform.advance(100)
    client.emit('audio-volume', { result: [{ userId: 'bob', volume: 90 }] })
    expect(state().members.bob.volume).toBe(45)
    h5.platform.advance(LEVEL_INTERVAL_MS)
    client.emit('audio-volume', { result: [{ userId: 'bob', volume: 30 }] })
    expect(state().members.bob.volume).toBe(90)
    expect(h5.tagged('active_speaker').map((e) => (e.detail as { userID: string }).userID)).toEqual(['me'])
  })

  it('a payload without a result changes nothing', () => {
    expect(trtcLevels('audio-volume', undefined, 'me')).toEqual([])
    expect(trtcLevels('audio-volume', { result: [{ userId: 'me', volume: 12 }, { userId: 'bob', volume: 3 }] }, 'me')).toEqual([
      { type: 'audio_volume', volume: 12 },
      { type: 'audio_volume', volume: 3, userID: 'bob' },
    ])
  })
})

describe('H5 engine: network quality', () => {
  it('you get the worse of up- and downlink, every member the downlink; an event per change only', async () => {
    const { h5, client, state } = await inRoomWith('bob', 'carol')
    const quality = { uplinkNetworkQuality: 2, downlinkNetworkQuality: 4, uplinkRTT: 40, uplinkLoss: 0, downlinkRTT: 90, downlinkLoss: 12 }
    client.emit('network-quality', quality)
    client.emit('network-quality', quality)
    expect(state().self.quality).toBe(4)
    expect([state().members.bob.quality, state().members.carol.quality]).toEqual([4, 4])
    expect(h5.tagged('network_quality').map((e) => e.detail)).toEqual([
      { userID: 'me', quality: 4, previous: 0 },
      { userID: 'bob', quality: 4, previous: 0 },
      { userID: 'carol', quality: 4, previous: 0 },
    ])
    // The raw figures stay in self.net as before.
    expect(state().self.net).toMatchObject({ uplinkQuality: 2, downlinkQuality: 4, downlinkLoss: 12 })
    // Unknown (0) uplink: the known downlink decides.
    client.emit('network-quality', { ...quality, uplinkNetworkQuality: 0, downlinkNetworkQuality: 1 })
    expect(state().self.quality).toBe(1)
  })
})

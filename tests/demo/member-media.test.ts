import { describe, expect, it } from 'vitest'
import type { MemberState, StreamState } from '../../uni_modules/webrtc-room/core/types'
import { memberMediaKeys, qualityBars } from '../../pages/room/member-media'

function stream(userID: string, streamType: 'main' | 'aux', over: Partial<StreamState>): StreamState {
  return { key: `${userID}_${streamType}`, userID, streamType, playURL: 'room://x', hasVideo: false, hasAudio: false, loading: false, playing: true, volume: 0, net: null, small: false, ...over }
}
const member = (streams: MemberState['streams']): MemberState => ({ userID: 'u1', joinedAt: 0, streams, muteAudio: false, muteVideo: false, streamPref: 'auto', volume: 0, speaking: false, quality: 0 })

describe('member media summary', () => {
  it('lists video, audio and screen share in that order', () => {
    expect(memberMediaKeys(member({ main: stream('u1', 'main', { hasVideo: true, hasAudio: true }), aux: stream('u1', 'aux', { hasVideo: true }) }))).toEqual([
      'member.video',
      'member.audio',
      'member.screen',
    ])
  })

  it('says so when a member sends nothing, and never shows loading then', () => {
    expect(memberMediaKeys(member({}))).toEqual(['member.noMedia'])
    expect(memberMediaKeys(member({ main: stream('u1', 'main', { loading: true }) }))).toEqual(['member.noMedia'])
  })

  it('adds the connecting label until the first frame', () => {
    expect(memberMediaKeys(member({ main: stream('u1', 'main', { hasAudio: true, loading: true }) }))).toEqual(['member.audio', 'room.loading'])
  })
})

describe('member quality bars', () => {
  it('maps the TRTC scale onto 0–3 bars like the built-in tiles', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(qualityBars)).toEqual([0, 3, 3, 2, 1, 1, 0])
    expect(qualityBars(Number.NaN)).toBe(0)
  })
})

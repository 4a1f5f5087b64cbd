import { describe, expect, it } from 'vitest'
import type { MemberState } from '../../uni_modules/webrtc-room/core/types'
import { captionOf, isLoading, overflowCount } from '../../pages/custom/seats'

function member(userID: string, loading?: boolean, userName?: string): MemberState {
  const streams: MemberState['streams'] = {}
  if (loading !== undefined) {
    streams.main = { key: `${userID}_main`, userID, streamType: 'main', playURL: 'room://x', hasVideo: true, hasAudio: true, loading, playing: true, volume: 0, net: null, small: false }
  }
  return { userID, userName, joinedAt: 0, streams, muteAudio: false, muteVideo: false, streamPref: 'auto', volume: 0, speaking: false, quality: 0 }
}

describe("'1v3' seats", () => {
  it('counts members beyond the three seats', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((id) => member(id))
    expect(overflowCount(five)).toBe(2)
    expect(overflowCount(five.slice(0, 2))).toBe(0)
  })

  it('keeps the loading cover until the main stream has its first frame', () => {
    expect(isLoading(member('a'))).toBe(true)
    expect(isLoading(member('a', true))).toBe(true)
    expect(isLoading(member('a', false))).toBe(false)
  })

  it('captions with the user name when known', () => {
    expect(captionOf(member('u1', false, 'Alice'))).toBe('Alice')
    expect(captionOf(member('u1'))).toBe('u1')
  })
})

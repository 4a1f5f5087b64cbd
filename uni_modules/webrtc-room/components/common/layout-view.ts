/**
 * What the `layout` slot of `<webrtc-room>` receives for members and self: the store's state without
 * the fields a layout does not draw and that change all the time (network stats, volume, play URL).
 * A custom layout's slot content belongs to the page; handing it the raw state would re-send the whole
 * member list to the page on every `bindnetstatus` of every stream.
 */
import type { LayoutMember, LayoutSelf, LayoutStream, MemberState, SelfState, StreamState, StreamType } from '../../core/types'

function layoutStream(s: StreamState): LayoutStream {
  return { key: s.key, userID: s.userID, streamType: s.streamType, hasVideo: s.hasVideo, hasAudio: s.hasAudio, loading: s.loading, playing: s.playing }
}

export function layoutMembers(members: readonly MemberState[]): LayoutMember[] {
  return members.map((m) => {
    const streams: Partial<Record<StreamType, LayoutStream>> = {}
    for (const type of ['main', 'aux'] as const) {
      const s = m.streams[type]
      if (s) streams[type] = layoutStream(s)
    }
    return { userID: m.userID, userName: m.userName, joinedAt: m.joinedAt, streams }
  })
}

export function layoutSelf(self: SelfState | null): LayoutSelf | null {
  if (!self) return null
  const { net: _net, ...rest } = self
  return rest
}

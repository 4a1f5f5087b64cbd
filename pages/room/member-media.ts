/** What a member row says about their streams: the label keys, in a fixed order. */
import type { MemberState } from '@/uni_modules/webrtc-room'
import type { MessageKey } from '../shared/i18n'

export function memberMediaKeys(member: MemberState): MessageKey[] {
  const main = member.streams.main
  const keys: MessageKey[] = []
  if (main?.hasVideo) keys.push('member.video')
  if (main?.hasAudio) keys.push('member.audio')
  if (member.streams.aux?.hasVideo) keys.push('member.screen')
  if (keys.length === 0) keys.push('member.noMedia')
  // Still waiting for the first frame of a stream that has something to show.
  else if (main?.loading && (main.hasVideo || main.hasAudio)) keys.push('room.loading')
  return keys
}

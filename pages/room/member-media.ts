/** What a member row says about their streams (label keys, in a fixed order) and its local controls. */
import type { MemberState, WebrtcRoomMethods } from '@/uni_modules/webrtc-room'
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

export type MemberControlID = 'audio' | 'video' | 'stream'

/** One toggle of a member row: its label now and whether it is on (muted / small stream). */
export interface MemberControl {
  id: MemberControlID
  label: MessageKey
  on: boolean
}

/** What plays now; before the member has a camera stream, what was chosen. */
function playsSmall(member: MemberState): boolean {
  return member.streams.main?.small ?? member.streamPref === 'small'
}

/** Local mute of audio, of video, and the big / small switch (all only on this device). */
export function memberControls(member: MemberState): MemberControl[] {
  const small = playsSmall(member)
  return [
    { id: 'audio', label: member.muteAudio ? 'member.unmuteAudio' : 'member.muteAudio', on: member.muteAudio },
    { id: 'video', label: member.muteVideo ? 'member.showVideo' : 'member.hideVideo', on: member.muteVideo },
    { id: 'stream', label: small ? 'member.smallStream' : 'member.bigStream', on: small },
  ]
}

type MemberMethods = Pick<WebrtcRoomMethods, 'muteMemberAudio' | 'muteMemberVideo' | 'setMemberStream'>

/** A tap on a control: flip it through the room's methods. */
export function toggleMemberControl(room: MemberMethods | null, member: MemberState, id: MemberControlID): void {
  if (!room) return
  if (id === 'audio') room.muteMemberAudio(member.userID, !member.muteAudio)
  else if (id === 'video') room.muteMemberVideo(member.userID, !member.muteVideo)
  else room.setMemberStream(member.userID, playsSmall(member) ? 'big' : 'small')
}

/** Signal bars (0–3) of a TRTC quality level: 0 unknown and 6 down show none, 1–2 all three, 3 two, 4–5 one (as the built-in tiles). */
export function qualityBars(quality: number): number {
  return quality >= 1 && quality <= 5 ? [3, 3, 2, 1, 1][quality - 1] : 0
}

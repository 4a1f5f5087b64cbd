/**
 * The comparable result of a member-notification stream: who is in the room and which streams play.
 * Both our core and trtc-wx-sdk are reduced to this shape so a difference is a plain deep-equal miss.
 */
import type { RoomState } from '../uni_modules/webrtc-room/core/types'

export interface StreamSnapshot {
  /** `${userID}_${streamType}`, the key both implementations use. */
  key: string
  hasVideo: boolean
  hasAudio: boolean
  playURL: string
}

export interface RoomSnapshot {
  /** Remote users in join order. */
  users: string[]
  /** Streams sorted by key. */
  streams: StreamSnapshot[]
}

export function sortStreams(streams: StreamSnapshot[]): StreamSnapshot[] {
  return streams.slice().sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

export function snapshotOfRoom(room: RoomState): RoomSnapshot {
  const streams: StreamSnapshot[] = []
  for (const userID of room.memberOrder) {
    for (const stream of Object.values(room.members[userID]?.streams ?? {})) {
      if (stream) streams.push({ key: stream.key, hasVideo: stream.hasVideo, hasAudio: stream.hasAudio, playURL: stream.playURL })
    }
  }
  return { users: room.memberOrder.slice(), streams: sortStreams(streams) }
}

/** Human-readable differences (empty = same result). */
export function diffSnapshots(ours: RoomSnapshot, theirs: RoomSnapshot): string[] {
  const out: string[] = []
  if (ours.users.join(',') !== theirs.users.join(',')) {
    const onlyOurs = ours.users.filter((u) => !theirs.users.includes(u))
    const onlyTheirs = theirs.users.filter((u) => !ours.users.includes(u))
    out.push(`users differ: only ours [${onlyOurs.join(', ')}], only trtc-wx-sdk [${onlyTheirs.join(', ')}]${onlyOurs.length + onlyTheirs.length === 0 ? ' (order)' : ''}`)
  }
  const theirsByKey = new Map(theirs.streams.map((s) => [s.key, s]))
  const oursByKey = new Map(ours.streams.map((s) => [s.key, s]))
  for (const [key, mine] of oursByKey) {
    const other = theirsByKey.get(key)
    if (!other) out.push(`stream ${key}: ours ${describe(mine)}, trtc-wx-sdk has none`)
    else if (describe(mine) !== describe(other)) out.push(`stream ${key}: ours ${describe(mine)}, trtc-wx-sdk ${describe(other)}`)
  }
  for (const [key, other] of theirsByKey) {
    if (!oursByKey.has(key)) out.push(`stream ${key}: ours none, trtc-wx-sdk ${describe(other)}`)
  }
  return out
}

function describe(stream: StreamSnapshot): string {
  return `{video ${stream.hasVideo ? 1 : 0}, audio ${stream.hasAudio ? 1 : 0}, url ${stream.playURL || '-'}}`
}

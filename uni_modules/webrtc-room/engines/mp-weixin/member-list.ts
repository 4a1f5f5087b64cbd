/**
 * Parse the JSON `message` of live-pusher member notifications (1020, 1031–1034) into announced users.
 * Tolerant: a malformed message yields `null`, entries without a string `userid` are skipped,
 * `hasvideo`/`hasaudio` accept 0/1/booleans, the original's `accelerateURL` is read as `playurl`.
 */
import type { AnnouncedUser } from '../../core/actions'
import type { StreamType } from '../../core/types'

interface RawUser {
  userid?: unknown
  userID?: unknown
  playurl?: unknown
  accelerateURL?: unknown
  streamtype?: unknown
  hasvideo?: unknown
  hasaudio?: unknown
}

function flag(value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return value !== 0
  if (typeof value === 'string') return value !== '' && value !== '0' && value !== 'false'
  return undefined
}

function streamType(value: unknown): StreamType | undefined {
  return value === 'main' || value === 'aux' ? value : undefined
}

export interface UserList {
  users: AnnouncedUser[]
  /** Entries without a string userid (or not objects): skipped, counted. */
  skipped: number
}

export function parseUserList(message: unknown): UserList | null {
  let data: unknown = message
  if (typeof message === 'string') {
    try {
      data = JSON.parse(message)
    } catch {
      return null
    }
  }
  if (typeof data !== 'object' || data === null) return null
  const list = (data as { userlist?: unknown }).userlist
  if (!Array.isArray(list)) return null
  const users: AnnouncedUser[] = []
  let skipped = 0
  for (const entry of list as RawUser[]) {
    const userID = typeof entry !== 'object' || entry === null ? '' : typeof entry.userid === 'string' ? entry.userid : typeof entry.userID === 'string' ? entry.userID : ''
    if (userID === '') {
      skipped += 1
      continue
    }
    const url = typeof entry.playurl === 'string' ? entry.playurl : typeof entry.accelerateURL === 'string' ? entry.accelerateURL : undefined
    const user: AnnouncedUser = { userID }
    const type = streamType(entry.streamtype)
    if (type) user.streamType = type
    if (url) user.playURL = url
    const video = flag(entry.hasvideo)
    if (video !== undefined) user.hasVideo = video
    const audio = flag(entry.hasaudio)
    if (audio !== undefined) user.hasAudio = audio
    users.push(user)
  }
  return { users, skipped }
}

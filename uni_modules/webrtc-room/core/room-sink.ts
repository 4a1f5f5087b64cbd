/**
 * Where a controller writes its room state, only what changed (the Pinia room store provides one,
 * stores/room.ts `roomSink`), and where it records errors and warnings (the media-codes store).
 */
import { copyMembers } from './room-state'
import type { ImEvent, MemberState, RoomEvent, RoomState } from './types'

export interface RoomSink {
  put(state: RoomState): void
  patch(key: string, patch: Partial<RoomState>): void
  patchMembers(key: string, changed: Record<string, MemberState>, removed: string[]): void
  remove(key: string): void
  /** The sink's live (e.g. reactive) copy of a room, returned by `controller.state`. */
  view?(key: string): RoomState | undefined
  record?(event: RoomEvent | ImEvent, meta: { kind: 'room' | 'im'; roomKey: string; at: number }): void
}

/** Write only what changed from `prev` to `next`: top-level fields, then member by member. */
export function writeChanges(sink: RoomSink, key: string, prev: RoomState, next: RoomState): void {
  if (prev === next) return
  const patch: Partial<RoomState> = {}
  let any = false
  for (const field of Object.keys(next) as Array<keyof RoomState>) {
    if (field === 'members' || field === 'key' || prev[field] === next[field]) continue
    ;(patch as Record<string, unknown>)[field] = next[field]
    any = true
  }
  if (any) sink.patch(key, patch)
  if (prev.members === next.members) return
  const changed = copyMembers()
  const removed: string[] = []
  for (const userID of Object.keys(next.members)) if (prev.members[userID] !== next.members[userID]) changed[userID] = next.members[userID]
  for (const userID of Object.keys(prev.members)) if (!(userID in next.members)) removed.push(userID)
  sink.patchMembers(key, changed, removed)
}

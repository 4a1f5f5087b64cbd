/**
 * The grid's paging, pure: cell 0 is the local view, then each remote tile in its seat; pages of
 * GRID_PAGE_SIZE cells. Seats are stable (seatTiles): a join takes a free seat or the next one at the
 * end, a leave moves the last tile into the freed seat. So a join or a leave re-renders at most two
 * pages of 4 cells whatever the room size, and no other member's player is re-bound (restarted).
 */
import type { ComputedRef, InjectionKey } from 'vue'
import type { Tile } from '../common/member-stream'

export const GRID_PAGE_SIZE = 4

/** The grid's seated tiles, provided by layout-grid to its pages (one seating per grid). */
export const GRID_SEATS: InjectionKey<ComputedRef<Tile[]>> = Symbol('webrtc-room grid seats')

export interface GridCell {
  key: string
  self: boolean
  userID: string
  streamType: 'main' | 'aux'
}

export function gridPageCount(remoteTiles: number, size = GRID_PAGE_SIZE): number {
  return Math.max(1, Math.ceil((remoteTiles + 1) / size))
}

export function gridCells(tiles: readonly Tile[], page: number, size = GRID_PAGE_SIZE): GridCell[] {
  const cells: GridCell[] = []
  for (let i = page * size; i < (page + 1) * size && i <= tiles.length; i++) {
    if (i === 0) cells.push({ key: 'self', self: true, userID: '', streamType: 'main' })
    else {
      const t = tiles[i - 1]
      cells.push({ key: t.key, self: false, userID: t.userID, streamType: t.streamType })
    }
  }
  return cells
}

/**
 * Next seating from the previous one: tiles keep their seat; new tiles fill freed seats first, then
 * go to the end; seats still free are filled by moving the last tile in (swap-remove) and trimmed.
 */
export function seatTiles<T extends { key: string }>(previous: readonly T[], tiles: readonly T[]): T[] {
  const byKey = new Map(tiles.map((t) => [t.key, t]))
  const seated = new Set<string>()
  const seats: Array<T | null> = previous.map((p) => {
    const now = byKey.get(p.key)
    if (!now || seated.has(p.key)) return null
    seated.add(p.key)
    return now
  })
  const newcomers = tiles.filter((t) => !seated.has(t.key))
  let next = 0
  for (let i = 0; i < seats.length && next < newcomers.length; i++) if (seats[i] === null) seats[i] = newcomers[next++]
  while (next < newcomers.length) seats.push(newcomers[next++])
  for (let i = 0; i < seats.length; i++) {
    if (seats[i] !== null) continue
    while (seats.length > i + 1 && seats[seats.length - 1] === null) seats.pop()
    if (seats.length > i + 1) seats[i] = seats.pop()!
    else seats.length = i
  }
  return seats as T[]
}

/**
 * The grid's paging, pure: cell 0 is the local view, then each remote tile in join order; pages of
 * GRID_PAGE_SIZE cells. A member joining only changes the last page (and maybe the page count), so
 * each page is its own component and a join re-renders one page of at most 4 cells.
 */
import type { Tile } from '../common/member-stream'

export const GRID_PAGE_SIZE = 4

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

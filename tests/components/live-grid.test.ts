/** The grid's cells for the live audience: no local cell, anchors from cell 0, pages counted without self. */
import { describe, expect, it } from 'vitest'
import { gridCells, gridPageCount } from '../../uni_modules/webrtc-room/components/common/room-view'

const tiles = (n: number): string[] => Array.from({ length: n }, (_, i) => `u${i}_main`)

describe('grid without a self cell (live audience)', () => {
  it('pages hold anchors only', () => {
    for (const n of [0, 1, 3, 4, 5, 9, 50]) {
      const all = tiles(n)
      const pages = gridPageCount(n, 4, 0)
      expect(pages).toBe(Math.max(1, Math.ceil(n / 4)))
      const cells = Array.from({ length: pages }, (_, p) => gridCells(all, p, 4, 0)).flat()
      expect(cells).toEqual(all)
      expect(cells).not.toContain('self')
    }
  })

  it('with self (default) the local view stays cell 0', () => {
    expect(gridCells(tiles(2), 0)).toEqual(['self', 'u0_main', 'u1_main'])
    expect(gridPageCount(4)).toBe(2)
  })
})

/**
 * The grid's stable seating: joins take free seats or the end, a leave moves the last tile into the
 * freed seat — so one change touches at most two seats and never re-binds another member's player.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { GRID_PAGE_SIZE, gridCells, seatTiles } from '../../uni_modules/webrtc-room/components/common/room-view'

// A tile is its stream key.
const tiles = (...keys: string[]) => keys
const keys = (list: string[]) => list

describe('seatTiles', () => {
  it('keeps seats, fills holes with newcomers, swap-removes the rest', () => {
    expect(keys(seatTiles([], tiles('a', 'b')))).toEqual(['a', 'b'])
    expect(keys(seatTiles(tiles('a', 'b', 'c', 'd'), tiles('a', 'c', 'd')))).toEqual(['a', 'd', 'c'])
    expect(keys(seatTiles(tiles('a', 'b', 'c', 'd'), tiles('a', 'b', 'c')))).toEqual(['a', 'b', 'c'])
    expect(keys(seatTiles(tiles('a', 'b', 'c', 'd'), tiles('a', 'c', 'd', 'e')))).toEqual(['a', 'e', 'c', 'd'])
    expect(keys(seatTiles(tiles('a', 'b', 'c', 'd'), tiles('b')))).toEqual(['b'])
    expect(keys(seatTiles(tiles('a', 'b'), []))).toEqual([])
  })

  it('over random changes: same set as the room, ≤ 2 seats change per single join/leave', () => {
    const op = fc.record({ join: fc.boolean(), pick: fc.nat() })
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        let room: string[] = []
        let seats: string[] = []
        let next = 0
        for (const { join, pick } of ops) {
          if (join || room.length === 0) room = [...room, `u${next++}`]
          else room = room.filter((_, i) => i !== pick % room.length)
          const seated = seatTiles(seats, tiles(...room))
          expect([...keys(seated)].sort()).toEqual([...room].sort())
          const changed = Math.max(seated.length, seats.length) - seated.filter((t, i) => seats[i] === t).length
          expect(changed).toBeLessThanOrEqual(2)
          seats = seated
        }
      }),
      { numRuns: 300 },
    )
  })

  it('a leave in a room of 50 changes at most two grid pages', () => {
    const room = Array.from({ length: 49 }, (_, i) => `u${i}_main`)
    const before = seatTiles([], room)
    const after = seatTiles(before, room.filter((t) => t !== 'u5_main'))
    const pages = Math.ceil((before.length + 1) / GRID_PAGE_SIZE)
    const changedPages = Array.from({ length: pages }, (_, p) => p).filter(
      (p) => JSON.stringify(gridCells(before, p)) !== JSON.stringify(gridCells(after, p)),
    )
    expect(changedPages.length).toBeLessThanOrEqual(2)
  })
})

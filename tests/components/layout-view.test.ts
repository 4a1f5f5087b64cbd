/**
 * The `layout` slot's view (components/common/room-view.ts): seat-stable seating, in-place patches,
 * and stable member / seat / self objects whose reads re-run only for the fields that changed.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { effect, reactive } from 'vue'
import { applyLayout, layoutSnapshot, patchInPlace, seatMembers, type LayoutView } from '../../uni_modules/webrtc-room/components/common/room-view'
import type { MemberState, RoomState } from '../../uni_modules/webrtc-room/core/types'

function member(userID: string, hasVideo = true, extra: Partial<MemberState> = {}): MemberState {
  const main = { key: `${userID}_main`, userID, streamType: 'main' as const, playURL: 'room://x', hasVideo, hasAudio: true, loading: false, playing: true, volume: 0, net: null, small: false }
  return { userID, joinedAt: 1, streams: { main }, muteAudio: false, muteVideo: false, streamPref: 'auto', volume: 0, speaking: false, quality: 0, ...extra }
}

function roomWith(members: MemberState[], muted = false): RoomState {
  return {
    key: 'k',
    status: 'in_room',
    self: { userID: 'me', pushURL: '', muted, cameraOn: true, frontCamera: true, net: { videoBitrate: Math.random() }, screenSharing: false, devices: null },
    members: Object.fromEntries(members.map((m) => [m.userID, m])),
    memberOrder: members.map((m) => m.userID),
  } as unknown as RoomState
}

describe('seatMembers', () => {
  it('keeps seats, frees a leaver’s seat, fills the lowest free seat first', () => {
    let seats = seatMembers([], ['a', 'b', 'c'])
    expect(seats).toEqual(['a', 'b', 'c'])
    seats = seatMembers(seats, ['a', 'c'])
    expect(seats).toEqual(['a', '', 'c'])
    seats = seatMembers(seats, ['a', 'c', 'd', 'e'])
    expect(seats).toEqual(['a', 'd', 'c', 'e'])
    expect(seatMembers(seats, [])).toEqual([])
  })

  it('a fixed count: members beyond it wait and take the first seat that frees', () => {
    let seats = seatMembers([], ['a', 'b', 'c'], 2)
    expect(seats).toEqual(['a', 'b'])
    seats = seatMembers(seats, ['b', 'c'], 2)
    expect(seats).toEqual(['c', 'b'])
    expect(seatMembers(seats, [], 2)).toEqual(['', ''])
    expect(seatMembers(['c', 'b'], ['b', 'c'], 1)).toEqual(['c'])
  })

  it('for any sequence of rooms: no one seated twice, seated members keep their seat, free seats only when everyone is seated', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g')
    const room = fc.uniqueArray(ids, { maxLength: 7 })
    fc.assert(
      fc.property(fc.array(room, { minLength: 1, maxLength: 12 }), fc.nat({ max: 5 }), (rooms, count) => {
        let seats: string[] = []
        for (const present of rooms) {
          const next = seatMembers(seats, present, count)
          const seated = next.filter(Boolean)
          expect(new Set(seated).size).toBe(seated.length)
          for (const id of seated) expect(present as string[]).toContain(id)
          seats.forEach((id, i) => {
            if (id && (present as string[]).includes(id) && i < next.length) expect(next[i]).toBe(id)
          })
          if (count > 0) expect(next).toHaveLength(count)
          if (next.includes('')) expect(seated).toHaveLength(present.length)
          else expect(seated.length).toBe(count > 0 ? Math.min(count, present.length) : present.length)
          seats = next
        }
      }),
    )
  })
})

describe('patchInPlace', () => {
  it('assigns only what differs, keeps nested objects, treats null / undefined / absent alike', () => {
    const inner = { x: 1 }
    const target: Record<string, unknown> = { a: 1, inner, gone: 2, nulled: null }
    patchInPlace(target, { a: 1, inner: { x: 2 }, nulled: undefined, added: 'y' })
    expect(target).toEqual({ a: 1, inner: { x: 2 }, nulled: null, added: 'y' })
    expect(target.inner).toBe(inner)
  })
})

/** As `<webrtc-room>` keeps it. */
const newView = () => reactive<LayoutView>({ members: [], seats: [], self: null })

describe('applyLayout', () => {
  it('members, seats and self stay the same objects; a reader of one field re-runs only when it changes', () => {
    const view = newView()
    applyLayout(view, layoutSnapshot(roomWith([member('a'), member('b')])), 3)
    const [a, b] = view.members
    const self = view.self!
    let videoReads = 0
    let nameReads = 0
    let seatReads = 0
    effect(() => void (videoReads++, a.streams.main?.hasVideo))
    effect(() => void (nameReads++, b.userName))
    effect(() => void (seatReads++, view.seats[2].member))
    let listReads = 0
    effect(() => void (listReads++, view.seats.length, view.members.length))

    // b's video goes off, network stats change (not in the view), a's name arrives.
    applyLayout(view, layoutSnapshot(roomWith([member('a', true, { userName: 'Ann' }), member('b', false)])), 3)
    expect(view.members[0]).toBe(a)
    expect(view.members[1]).toBe(b)
    expect(view.self).toBe(self)
    expect(b.streams.main?.hasVideo).toBe(false)
    expect([videoReads, nameReads, seatReads, listReads]).toEqual([1, 1, 1, 1])

    // a leaves: its seat frees, b keeps seat 1, c takes seat 0 (the lowest free), seat 2 stays free.
    applyLayout(view, layoutSnapshot(roomWith([member('b', false), member('c')])), 3)
    expect(view.seats.map((s) => s.member?.userID ?? '')).toEqual(['c', 'b', ''])
    expect(view.members[0]).toBe(b)
    expect(seatReads).toBe(1)
    applyLayout(view, layoutSnapshot(roomWith([member('b', false), member('c'), member('d')])), 3)
    expect(view.seats[2].member?.userID).toBe('d')
    expect(seatReads).toBe(2)

    applyLayout(view, layoutSnapshot(roomWith([member('b', false), member('c'), member('d')], true)), 3)
    expect(view.self).toBe(self)
    expect(self.muted).toBe(true)
  })

  it('without a seat count the seats grow with the room and empty when it does', () => {
    const view = newView()
    applyLayout(view, layoutSnapshot(roomWith(['a', 'b', 'c'].map((id) => member(id)))))
    expect(view.seats.map((s) => s.index)).toEqual([0, 1, 2])
    applyLayout(view, layoutSnapshot(roomWith([member('c')])))
    expect(view.seats.map((s) => s.member?.userID ?? '')).toEqual(['', '', 'c'])
    applyLayout(view, layoutSnapshot(roomWith([])))
    expect(view.seats).toEqual([])
    expect(view.members).toEqual([])
  })
})

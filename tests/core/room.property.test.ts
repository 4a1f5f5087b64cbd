/**
 * Property test of the controller (not only the reducer): over random interleavings of native member
 * and player events, connection losses, timers firing, pause/resume, app hide/show, update() and
 * start/stop, the room store always mirrors the controller exactly (the per-field / per-member sync
 * never drifts), the real push URL and its redacted copy are set together, and after a final stop
 * nothing is left running.
 */
import fc from 'fast-check'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { toRaw } from 'vue'
import { createRoom } from '../../uni_modules/webrtc-room/room-factory'
import type { RoomController, RoomOptions } from '../../uni_modules/webrtc-room/core/types'
import { useRoomStore } from '../../uni_modules/webrtc-room/stores/room'
import { createFakePlatform, flush, type FakePlatform } from '../helpers/fake-platform'
import { memberEventArb, toDetail } from '../helpers/member-events'

const BASE: RoomOptions = { sdkAppID: 1400000001, userID: 'me', userSig: 'sig', roomID: 7, reconnect: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 40 }, enterTimeout: 500 }
// Object.prototype names included: any userID the server accepts must join, stream and leave.
const USERS = ['alice', 'bob', 'carol', 'toString', '__proto__', 'constructor', 'valueOf', 'hasOwnProperty', 'me']

type Op =
  | { kind: 'member'; detail: { code: number; message?: string } }
  | { kind: 'pusher'; code: number }
  | { kind: 'player'; userID: string; code: number; aux: boolean }
  | { kind: 'advance'; ms: number }
  | { kind: 'call'; method: 'start' | 'stop' | 'pause' | 'resume' | 'switchCamera' }
  | { kind: 'app'; hidden: boolean }
  | { kind: 'update'; options: Partial<RoomOptions> }
  | { kind: 'play'; userID: string; play: boolean }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: memberEventArb({ userPool: USERS, includeFullList: true }).map((e): Op => ({ kind: 'member', detail: toDetail(e) })) },
  { weight: 3, arbitrary: fc.constantFrom(1018, 1002, -1307, 1021, 1019, 5000, -1301, 3002, 1101).map((code): Op => ({ kind: 'pusher', code })) },
  { weight: 3, arbitrary: fc.record({ userID: fc.constantFrom(...USERS), code: fc.constantFrom(2003, 2004, 2007, -2301, 2105), aux: fc.boolean() }).map((p): Op => ({ kind: 'player', ...p })) },
  { weight: 2, arbitrary: fc.constantFrom(0, 10, 40, 600).map((ms): Op => ({ kind: 'advance', ms })) },
  { weight: 2, arbitrary: fc.constantFrom('start', 'stop', 'pause', 'resume', 'switchCamera' as const).map((method): Op => ({ kind: 'call', method })) },
  { weight: 1, arbitrary: fc.boolean().map((hidden): Op => ({ kind: 'app', hidden })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom<Partial<RoomOptions>>({ muted: true }, { muted: false }, { beauty: 5 }, { template: 'bigsmall' }, { autoplay: true }, { roomID: 8 }, { minBitrate: 900 })
      .map((options): Op => ({ kind: 'update', options })),
  },
  { weight: 1, arbitrary: fc.record({ userID: fc.constantFrom(...USERS), play: fc.boolean() }).map((p): Op => ({ kind: 'play', ...p })) },
)

async function apply(room: RoomController, platform: FakePlatform, op: Op): Promise<void> {
  switch (op.kind) {
    case 'member':
      room.onPusherStateChange(op.detail)
      return
    case 'pusher':
      room.onPusherStateChange({ code: op.code, message: '' })
      return
    case 'player':
      room.onPlayerStateChange(op.userID, { code: op.code }, op.aux ? 'aux' : 'main')
      return
    case 'advance':
      platform.advance(op.ms)
      return
    case 'call':
      if (op.method === 'start' || op.method === 'stop') await room[op.method]()
      else room[op.method]()
      await flush()
      return
    case 'app':
      if (op.hidden) platform.hideApp()
      else platform.showApp()
      return
    case 'update':
      room.update(op.options)
      await flush()
      return
    case 'play':
      if (op.play) room.playMember(op.userID)
      else room.stopMember(op.userID)
      return
  }
}

/** Plain JSON of what the store holds vs what the controller's own getters say. */
function mirrorMismatch(room: RoomController): string | null {
  const entry = toRaw(useRoomStore().rooms[room.key])
  if (entry.status !== room.status) return `status ${entry.status} vs ${room.status}`
  const storeMembers = JSON.stringify(useRoomStore().members(room.key))
  const own = JSON.stringify(room.members)
  if (storeMembers !== own) return `members ${storeMembers} vs ${own}`
  if (Object.keys(entry.members).length !== entry.memberOrder.length) return 'members record and memberOrder differ in size'
  if ((entry.self.pushURL === '') !== (room.pushURL === '')) return 'redacted and real push URL out of step'
  if (room.pushURL !== '' && entry.self.pushURL.includes('usersig=sig')) return 'userSig in the store'
  return null
}

describe('controller properties (fast-check)', () => {
  it('the store mirrors the controller after every step; a final stop leaves nothing running (400 sequences)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 60 }), async (ops) => {
        setActivePinia(createPinia())
        const platform = createFakePlatform()
        const room = createRoom(BASE, platform)
        room.attachPusher({ start() {}, stop() {}, pause() {}, resume() {}, switchCamera() {} })
        await room.start()
        for (const op of ops) {
          await apply(room, platform, op)
          const mismatch = mirrorMismatch(room)
          if (mismatch) throw new Error(`after ${JSON.stringify(op)}: ${mismatch}`)
        }
        await room.stop()
        expect(platform.liveTimers()).toBe(0)
        expect(platform.liveListeners()).toBe(0)
        expect(room.members).toEqual([])
        expect(useRoomStore().members(room.key)).toEqual([])
        await room.destroy()
      }),
      { numRuns: 400, seed: 20261128 },
    )
  })
})

/**
 * Property tests of the room reducer over random interleavings of member notifications, player
 * codes, errors, reconnects, timers, stop/start, pause/resume, app hide/show and live updates.
 * Every step is checked against the invariants the issue asks for (see `checkStep`).
 */
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import type { Effect, RoomAction, TimerName } from '../../uni_modules/webrtc-room/core/actions'
import { acceptsEngineEvents, createCoreState, isLegalTransition, isOverCapacity, type CoreState } from '../../uni_modules/webrtc-room/core/room-state'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { translatePlayerState, translatePusherError, translatePusherNet, translatePusherState } from '../../uni_modules/webrtc-room/engines/mp-weixin/live-tags-engine'
import { reduce } from '../../uni_modules/webrtc-room/core/reducer'
// Legacy rooms (their 1020 full list) are the opt-in `legacy` entry's: install it as main.ts would.
import '../../uni_modules/webrtc-room/legacy'
import type { RoomStatus, StreamType } from '../../uni_modules/webrtc-room/core/types'
import { memberEventArb, toDetail, type MemberEvent } from '../helpers/member-events'
import { deepFreeze, Driver, SIG } from './driver'

const SELF = 'me'
/** Small pool (with our own id in it) so joins, leaves and stream toggles collide often. */
// Object.prototype names are ordinary userIDs (the sign service accepts them): members must not inherit them.
const POOL = ['a', 'b', 'c', 'toString', '__proto__', 'constructor', 'valueOf', 'hasOwnProperty', SELF] as const
/** Event-log bounds drawn per sequence (edge sizes 0, 1, 2 included). */
const EVENT_LIMITS = [0, 1, 2, 20] as const

/** A step of a generated scenario; epochs are resolved when it runs (the generator cannot know them). */
type Op =
  | { op: 'member'; event: MemberEvent }
  | { op: 'pusher'; code: number; message: string }
  | { op: 'player'; userID: string; streamType: StreamType; code: number }
  | { op: 'binderror'; errCode: number }
  | { op: 'net' }
  | { op: 'control'; action: RoomAction }
  | { op: 'preflight'; ok: boolean; mode: 'modern' | 'legacy'; stale: boolean }
  | { op: 'room_sig'; ok: boolean; stale: boolean }
  | { op: 'timer'; name: TimerName; stale: boolean }

const user = fc.constantFrom(...POOL)
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: memberEventArb({ userPool: POOL, maxUsersPerEvent: 3, includeFullList: true }).map((event) => ({ op: 'member' as const, event })) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('pusher' as const),
      code: fc.constantFrom(1018, 1018, 1002, 1019, -1301, -1302, -1307, 1021, 5000, 5001, -3301, -100018, 3002, 1101, -1303, 4999),
      message: fc.constantFrom('', 'reason[0]', 'reason[1]'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('player' as const),
      userID: user,
      streamType: fc.constantFrom<StreamType>('main', 'aux'),
      code: fc.constantFrom(2003, 2004, 2007, -2301, 2001, -2302, 6003),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('binderror' as const), errCode: fc.constantFrom(10001, 10002, 10003, 10004) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'net' as const }) },
  {
    weight: 6,
    arbitrary: fc.oneof(
      fc.constantFrom<RoomAction>(
        { type: 'start' },
        { type: 'start' },
        { type: 'stop' },
        { type: 'pause' },
        { type: 'resume' },
        { type: 'app_hide' },
        { type: 'app_show' },
        { type: 'switch_camera' },
      ),
      fc.record({ type: fc.constant('play_member' as const), userID: user, play: fc.boolean() }),
      fc.oneof(
        fc.record({ muted: fc.boolean() }),
        fc.record({ enableIM: fc.boolean() }),
        fc.record({ template: fc.constantFrom('float', 'bigsmall', 'grid', '1v3') }),
        fc.record({ roomID: fc.constantFrom<number | string>(1234, 5678, 'class-7B', 0) }), // 0 = an invalid update
        fc.record({ beauty: fc.integer({ min: -2, max: 12 }) }),
      ).map((options) => ({ type: 'update' as const, options })),
    ).map((action) => ({ op: 'control' as const, action })),
  },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('preflight' as const), ok: fc.constantFrom(true, true, true, false), mode: fc.constantFrom<'modern' | 'legacy'>('modern', 'legacy'), stale: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('room_sig' as const), ok: fc.boolean(), stale: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('timer' as const), name: fc.constantFrom<TimerName>('reconnect', 'enter_timeout', 'room_sig_retry'), stale: fc.boolean() }) },
)

function run(d: Driver, op: Op): void {
  const epoch = d.state.epoch
  switch (op.op) {
    case 'member':
      d.dispatchAll(translatePusherState(toDetail(op.event)))
      return
    case 'pusher':
      d.pusher(op.code, op.message)
      return
    case 'player':
      d.dispatchAll(translatePlayerState(op.userID, op.streamType, { code: op.code, message: '' }))
      return
    case 'binderror':
      d.dispatchAll(translatePusherError({ errCode: op.errCode }))
      return
    case 'net':
      d.dispatchAll(translatePusherNet({ info: { videoBitrate: 300 } }))
      return
    case 'control':
      d.dispatch(op.action)
      return
    case 'preflight':
      d.dispatch({
        type: 'preflight_done',
        epoch: op.stale ? epoch - 1 : epoch,
        result: op.ok ? { ok: true, mode: op.mode, system: null } : { ok: false, code: RoomErrorCode.CAMERA_PERMISSION_DENIED, message: 'denied', detail: {} },
      })
      return
    case 'room_sig':
      d.dispatch(
        op.ok
          ? { type: 'room_sig_done', epoch: op.stale ? epoch - 1 : epoch, ok: true, pushURL: 'room://cloud.tencent.com?roomsig=s' }
          : { type: 'room_sig_done', epoch: op.stale ? epoch - 1 : epoch, ok: false, message: 'HTTP 500' },
      )
      return
    case 'timer': {
      // The controller fires only timers it was asked to set; a stale one carries an old epoch.
      const pending = d.timers.get(op.name)
      if (op.stale) d.dispatch({ type: 'timer', name: op.name, epoch: epoch - 1 })
      else if (pending) d.fire(op.name)
    }
  }
}

const stats = { sequences: 0, steps: 0, maxMembers: 0, statuses: new Set<RoomStatus>(), overCapacityEpisodes: 0 }

/** Native events apply only while this session's push URL is live. */
function live(state: CoreState): boolean {
  return acceptsEngineEvents(state.room.status) && state.pushURL !== ''
}

/** Plain assertion for the hot path (vitest's expect is too slow for ~10⁵ steps × 20 checks). */
function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`invariant violated: ${message}`)
}

/** What the notifications said is in the room (model), reset whenever the room forgets its members. */
class Observer {
  announced = new Set<string>()
  imRunning = false
  overflowOpen = false

  check(before: CoreState, action: RoomAction, after: CoreState, effects: Effect[], timers: ReadonlyMap<TimerName, unknown>): void {
    stats.steps++
    const room = after.room
    const from = before.room.status
    const to = room.status
    stats.statuses.add(to)

    // Legal status transitions only.
    assert(isLegalTransition(from, to), `${from} → ${to} on ${action.type}`)
    // Epochs never go back.
    assert(after.epoch >= before.epoch, 'epoch went back')

    // Model of the announced membership: applied only when the reducer accepted native events.
    if (live(before)) {
      if (action.type === 'members_joined') for (const id of action.userIDs) this.announced.add(id)
      if (action.type === 'members_left') for (const id of action.userIDs) this.announced.delete(id)
      if (action.type === 'member_list' && before.room.enterMode === 'legacy' && (action.users.length > 0 || action.skipped === 0)) this.announced = new Set(action.users.map((u) => u.userID))
    }
    if (!acceptsEngineEvents(to) || (action.type === 'update' && after.epoch !== before.epoch)) this.announced.clear()

    // No duplicate userIDs; order and map agree; never our own id; members ⊆ last announced list.
    const order = room.memberOrder
    assert(new Set(order).size === order.length, `duplicate member in ${order}`)
    assert(Object.keys(room.members).length === order.length && order.every((id) => id in room.members), 'members map and order disagree')
    assert(!order.includes(after.options?.userID ?? SELF), 'own userID is a member')
    for (const id of order) assert(this.announced.has(id), `${id} listed but not announced`)
    stats.maxMembers = Math.max(stats.maxMembers, order.length)

    // Legacy 1020 is the complete list: afterwards the members are exactly it (minus ourselves).
    if (action.type === 'member_list' && before.room.enterMode === 'legacy' && live(before) && acceptsEngineEvents(to)) {
      const listed = new Set(action.users.map((u) => u.userID).filter((id) => id !== after.options?.userID))
      assert(listed.size === order.length && order.every((id) => listed.has(id)), '1020 list not applied exactly')
    }

    // Members are never kept after leaving: no session with a live URL = no members.
    if (!acceptsEngineEvents(to)) assert(order.length === 0, `members kept while ${to}`)

    // Streams: keyed userID_streamType, belong to their member, carry audio or video.
    for (const id of order) {
      for (const [type, stream] of Object.entries(room.members[id].streams)) {
        if (!stream) continue
        assert(stream.key === `${id}_${type}`, `stream key ${stream.key}`)
        assert(stream.userID === id, 'stream of another user')
        assert(stream.hasVideo || stream.hasAudio, `empty stream ${stream.key}`)
      }
    }

    // Every stream that disappears has its player stopped (no player left behind).
    const stopped = new Set(effects.flatMap((e) => (e.type === 'player' && e.call === 'stop' ? [e.stream.key] : [])))
    for (const id of before.room.memberOrder) {
      for (const stream of Object.values(before.room.members[id].streams)) {
        if (stream && !room.members[id]?.streams[stream.streamType]) assert(stopped.has(stream.key), `player ${stream.key} dropped without stop`)
      }
    }

    // No timer outlives the session; a reconnect is always scheduled; an error is always recorded.
    if (to === 'idle' || to === 'exited' || to === 'error') assert(timers.size === 0, `timers pending while ${to}`)
    if (to === 'reconnecting') assert(timers.has('reconnect'), 'reconnecting without a reconnect timer')
    if (to === 'error') assert(room.lastError !== null, 'error status without lastError')

    // IM: started once, stopped once, never running outside a session.
    for (const effect of effects) {
      if (effect.type === 'im_start') {
        assert(!this.imRunning, 'im_start while IM is running')
        this.imRunning = true
      }
      if (effect.type === 'im_stop') {
        assert(this.imRunning, 'im_stop without a running IM session')
        this.imRunning = false
      }
    }
    if (to === 'idle' || to === 'exited' || to === 'error') assert(!this.imRunning, `IM left running while ${to}`)

    // The legacy (2018) URL only exists for numeric rooms.
    if (after.room.enterMode === 'legacy' && after.pushURL !== '') assert(after.options?.room.kind === 'numeric', 'legacy URL for a string room')

    // The credential-bearing URL exists exactly while pushing.
    if (to === 'in_room' || to === 'paused') assert(after.pushURL !== '', `${to} without a push URL`)
    if (to === 'idle' || to === 'preflight' || to === 'reconnecting' || to === 'exited' || to === 'error') assert(after.pushURL === '', `push URL kept while ${to}`)
    assert(!room.self.pushURL.includes(SIG), 'userSig in the store')

    // Bounded log; at most one error per step, and an error always ends in status error.
    assert(room.events.length <= after.eventLimit, 'event log unbounded')
    if (after.eventLimit > 0 && effects.some((e) => e.type === 'emit' && e.event.tag !== 'net_status')) {
      assert(room.events.length > 0, 'newest event not logged')
    }
    const emitted = Driver.emitted(effects)
    // -8 keeps the original's `error` tag but is not fatal (detail.fatal === false): the room stays open.
    const errors = emitted.filter((e) => e.tag === 'error' && (e.detail as { fatal?: boolean })?.fatal !== false)
    assert(errors.length <= 1, 'several errors in one step')
    if (errors.length === 1 && action.type !== 'report') assert(to === 'error', `error event but status ${to}`)
    for (const e of emitted) {
      if (e.tag === 'error' && (e.detail as { fatal?: boolean })?.fatal === false) {
        assert(e.code === RoomErrorCode.OVER_CAPACITY, `non-fatal error ${e.code}`)
      }
    }

    // -8 once per overflow episode, and every overflow is reported.
    const overflowReports = emitted.filter((e) => e.code === RoomErrorCode.OVER_CAPACITY).length
    assert(overflowReports <= 1, 'several -8 in one step')
    if (overflowReports === 1) {
      assert(!this.overflowOpen, 'second -8 in one episode')
      this.overflowOpen = true
      stats.overCapacityEpisodes++
    }
    const over = isOverCapacity(room.capacity ?? -1, order.length)
    if (over && acceptsEngineEvents(to)) assert(this.overflowOpen, 'overflow without -8')
    if (!over) this.overflowOpen = false
  }
}

describe('reducer properties (fast-check)', () => {
  afterAll(() => {
    // Figures for the closing note.
    console.log(
      `[fuzz] ${stats.sequences} random sequences, ${stats.steps} reducer steps, statuses seen: ${[...stats.statuses].sort().join(', ')}, ` +
        `max members ${stats.maxMembers}, over-capacity episodes ${stats.overCapacityEpisodes}`,
    )
  })

  it('keeps every invariant over 10,000 random event sequences', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 40, size: 'max' }), fc.constantFrom('float', 'bigsmall', '1v3'), fc.constantFrom(...EVENT_LIMITS), (ops, template, eventLimit) => {
        stats.sequences++
        const d = new Driver({ userID: SELF, template, reconnect: { maxAttempts: 2 } }, eventLimit)
        const observer = new Observer()
        d.observer = (before, action, after, effects) => observer.check(before, action, after, effects, d.timers)
        // Most interesting things happen in a room: enter first half of the time.
        if (ops.length % 2 === 0) d.enter()
        for (const op of ops) run(d, op)
        // A final stop always leaves a clean, idempotent state.
        d.dispatch({ type: 'stop' })
        expect(d.state.room.memberOrder).toEqual([])
        expect(d.timers.size).toBe(0)
        expect(d.dispatch({ type: 'stop' })).toEqual([])
      }),
      { numRuns: 10_000, seed: 20181128 },
    )
    expect(stats.sequences).toBeGreaterThanOrEqual(10_000)
    // The generator reaches every status (else the properties prove little).
    expect([...stats.statuses].sort()).toEqual(['entering', 'error', 'exited', 'idle', 'in_room', 'paused', 'preflight', 'reconnecting'])
    // Modern rooms ignore 1020 now, so fewer lists fill the room than before; still well covered.
    expect(stats.overCapacityEpisodes).toBeGreaterThan(40)
  })

  it('never mutates its input and is deterministic (500 sequences over frozen states)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 30, size: 'max' }), (ops) => {
        const play = (freeze: boolean) => {
          const d = new Driver({ userID: SELF })
          // Frozen input: any write by the reducer throws (ES modules are strict).
          if (freeze) d.observer = (_before, _action, after) => void deepFreeze(after)
          d.enter()
          for (const op of ops) run(d, op)
          return { state: d.state, effects: d.effects }
        }
        const frozen = play(true)
        const plain = play(false)
        expect(JSON.stringify(frozen)).toBe(JSON.stringify(plain))
      }),
      { numRuns: 500, seed: 42 },
    )
  })

  it('never throws on arbitrary native details or garbage actions', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (detail, other) => {
        let state = createCoreState('x', { sdkAppID: 1, userID: 'me', userSig: 's', roomID: 1 })
        for (const action of [{ type: 'start' }, { type: 'preflight_done', epoch: 1, result: { ok: true, mode: 'modern', system: null } }, { type: 'entered', nativeCode: 1018 }] as RoomAction[]) {
          state = reduce(state, action).state
        }
        const actions = [
          ...translatePusherState(detail as never),
          ...translatePusherState({ code: 1020, message: detail } as never),
          ...translatePusherState({ code: 1033, message: JSON.stringify({ userlist: [detail, other] }) } as never),
          ...translatePlayerState('a', 'main', detail as never),
          ...translatePusherError(detail as never),
          ...translatePusherNet(detail as never),
        ]
        for (const action of actions) state = reduce(state, action).state
        state = reduce(state, { type: 'update', options: detail as never }).state
        expect(new Set(state.room.memberOrder).size).toBe(state.room.memberOrder.length)
      }),
      { numRuns: 2_000, seed: 7 },
    )
  })
})

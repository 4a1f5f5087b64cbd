/**
 * Random interleavings of the app (start / stop / send) and of tim (login / join held and released,
 * kick-out, network, errors, messages) against one TimSession. Whatever the order:
 * - start() always settles once stop() was called (never a hanging Promise);
 * - after stop(): no im-event, no tim listener, no pooled instance, the store says logged out;
 * - group messages are only delivered after a successful join_group_event;
 * - a throwing app handler changes none of the above.
 * And two rooms sharing one pooled tim instance, started/stopped in random order: one login per
 * instance, at most one logout, nothing left behind, each room only sees its own group.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createPinia, setActivePinia } from 'pinia'
import type { ImEvent } from '../../uni_modules/webrtc-room/core/types'
import { TimClientPool } from '../../uni_modules/webrtc-room/im/tim-client-pool'
import { TimSession } from '../../uni_modules/webrtc-room/im/tim-session'
import { useImStore } from '../../uni_modules/webrtc-room/stores/im'
import { TYPES, createTimMock, incoming, type FakeTim } from '../helpers/tim-mock'

type Step =
  | 'start' | 'send_group' | 'send_c2c' | 'kick' | 'net_down' | 'net_up' | 'sdk_error' | 'group_msg' | 'c2c_msg'
  | 'release_login' | 'release_join' | 'dismiss' | 'tick'

const steps: Step[] = ['start', 'send_group', 'send_c2c', 'kick', 'net_down', 'net_up', 'sdk_error', 'group_msg', 'c2c_msg', 'release_login', 'release_join', 'dismiss', 'tick']
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

describe('TimSession under random interleavings', () => {
  it('always ends clean after stop()', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          holdLogin: fc.boolean(),
          holdJoin: fc.boolean(),
          groupExists: fc.boolean(),
          failLogin: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
          startFirst: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
          randomSteps: fc.array(fc.constantFrom(...steps), { maxLength: 14 }),
          stopAt: fc.nat({ max: 16 }),
        }),
        async ({ holdLogin, holdJoin, groupExists, failLogin, startFirst, randomSteps, stopAt }) => {
          const script: Step[] = startFirst ? ['start', ...randomSteps] : randomSteps
          setActivePinia(createPinia())
          const mock = createTimMock()
          if (groupExists) mock.server.addGroup('1234')
          const pool = new TimClientPool(mock.sdk, { readyTimeoutMs: 200 })
          const tim = mock.sdk.create({ SDKAppID: 1400000001 }) as FakeTim
          if (failLogin) tim.failLogin(70001)
          else if (holdLogin) tim.holdLogin()
          if (holdJoin) tim.holdJoin()
          const session = new TimSession(
            { roomKey: 'fuzz', sdkAppID: 1400000001, userID: 'alice', userSig: 's', groupID: '1234', groupType: 'AVChatRoom', nick: 'alice' },
            { TIM: mock.sdk, pool, sink: useImStore().sinkFor('fuzz') },
          )
          const events: ImEvent[] = []
          let stopped = false
          const afterStop: ImEvent[] = []
          session.on((event) => (stopped ? afterStop : events).push(event))
          session.on(() => { throw new Error('an app handler with a bug') }) // must not break the session
          let started: Promise<unknown> | null = null
          const pending: Promise<unknown>[] = []

          const run = async (step: Step) => {
            switch (step) {
              case 'start': started ??= session.start().then(() => 'ok', (e: unknown) => e); break
              case 'send_group': pending.push(session.sendGroupTextMsg('g').catch(() => null)); break
              case 'send_c2c': pending.push(session.sendC2CTextMsg('bob', 'c').catch(() => null)); break
              case 'kick': tim.kickOut('multipleDevice'); break
              case 'net_down': tim.netState('disconnected'); break
              case 'net_up': tim.netState('connected'); break
              case 'sdk_error': tim.sdkError(2800, 'network error'); break
              case 'group_msg': tim.receive([incoming({ from: 'bob', to: '1234' })]); break
              case 'c2c_msg': tim.receive([incoming({ from: 'bob', to: 'alice', conversationType: TYPES.CONV_C2C })]); break
              case 'release_login': await tim.releaseLogin().catch(() => {}); break
              case 'release_join': tim.releaseJoin(); break
              case 'dismiss': tim.receive([incoming({ from: '@TIM#SYSTEM', to: 'alice', conversationType: TYPES.CONV_SYSTEM, type: TYPES.MSG_GRP_SYS_NOTICE, payload: { operationType: 5, groupProfile: { groupID: '1234' } } })]); break
              case 'tick': await tick(); break
            }
          }

          for (const [i, step] of script.entries()) {
            if (i === stopAt) break
            await run(step)
            await tick() // let tim's timers (login, SDK_READY, join) interleave with the script
          }
          const stopping = session.stop()
          stopped = true
          tim.releaseJoin() // a join held forever would keep stop() waiting on the wire, as tim's own timeout would end it
          await stopping
          // What tim may still do after stop reaches nobody.
          for (const step of script.slice(stopAt)) if (step !== 'start') await run(step)
          await Promise.all(pending)
          if (started) expect(await started).toBeDefined()

          expect(afterStop).toEqual([])
          for (const instance of mock.created) expect(instance.listenerCount()).toBe(0)
          expect(pool.size).toBe(0)
          expect(useImStore().room('fuzz')?.login ?? 'logged_out').toBe('logged_out')
          const firstJoin = events.findIndex((e) => e.tag === 'join_group_event' && e.code === 0)
          const firstGroup = events.findIndex((e) => e.tag === 'big_group_msg_notify')
          if (firstGroup >= 0) expect(firstJoin).toBeGreaterThanOrEqual(0)
          if (firstGroup >= 0) expect(firstGroup).toBeGreaterThan(firstJoin)
        },
      ),
      { numRuns: 150 },
    )
  }, 60_000)
})

describe('two rooms sharing one tim instance, random order', () => {
  it('one login, one logout after the last release, nothing left behind', async () => {
    type Op = 'startA' | 'startB' | 'stopA' | 'stopB' | 'tick' | 'msgA' | 'msgB'
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom<Op>('startA', 'startB', 'stopA', 'stopB', 'tick', 'msgA', 'msgB'), { maxLength: 16 }), async (ops) => {
        setActivePinia(createPinia())
        const mock = createTimMock()
        mock.server.addGroup('A')
        mock.server.addGroup('B')
        const pool = new TimClientPool(mock.sdk, { readyTimeoutMs: 200 })
        const make = (group: string) => {
          const session = new TimSession(
            { roomKey: group, sdkAppID: 1400000001, userID: 'alice', userSig: 's', groupID: group, groupType: 'AVChatRoom', nick: 'alice' },
            { TIM: mock.sdk, pool, sink: useImStore().sinkFor(group) },
          )
          const tags: string[] = []
          session.on((e) => tags.push(e.tag))
          return { session, tags, started: null as Promise<unknown> | null }
        }
        const rooms = { A: make('A'), B: make('B') }
        const tim = () => mock.created.at(-1)
        for (const op of ops) {
          const room = rooms[op.endsWith('A') ? 'A' : 'B']
          if (op.startsWith('start')) room.started ??= room.session.start().then(() => 'ok', (e: unknown) => e)
          if (op.startsWith('stop')) await room.session.stop()
          if (op.startsWith('msg')) tim()?.receive([incoming({ from: 'bob', to: op.endsWith('A') ? 'A' : 'B' })])
          await tick()
        }
        await Promise.all([rooms.A.session.stop(), rooms.B.session.stop()])
        await Promise.all([rooms.A.started, rooms.B.started])

        expect(pool.size).toBe(0)
        for (const instance of mock.created) {
          expect(instance.listenerCount()).toBe(0)
          const logins = instance.calls.filter((c) => c.startsWith('login')).length
          expect(logins).toBeLessThanOrEqual(1) // shared: never a second login on one instance
          expect(instance.calls.filter((c) => c === 'logout').length).toBeLessThanOrEqual(1)
        }
        // Each room only ever saw its own group's messages (and never after its stop).
        for (const group of Object.keys(rooms)) {
          const groupPeers = useImStore().conversations(group).filter((c) => c.type === 'GROUP').map((c) => c.peer)
          for (const peer of groupPeers) expect(peer).toBe(group)
        }
      }),
      { numRuns: 100 },
    )
  }, 60_000)
})

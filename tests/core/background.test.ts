/**
 * backgroundPolicy and mirror (issue 14 items 3 and 5): the pure policy resolution, option validation
 * (bad values warn, naming the prop, and fall back), the reducer over hide / show sequences for every
 * policy (user mute while hidden, policy changed while hidden, entering while hidden), and the
 * controller over a fake platform (platform defaults, the engine told about the hidden mic, leave
 * releasing everything).
 */
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { validateOptions } from '../../uni_modules/webrtc-room/core/options'
import { BACKGROUND_POLICIES, createCoreState, policyOf } from '../../uni_modules/webrtc-room/core/room-state'
import type { EngineFactory, RoomEngine } from '../../uni_modules/webrtc-room/core/engine'
import type { BackgroundPolicy, PusherAttributes, RoomOptions } from '../../uni_modules/webrtc-room/core/types'
import { createRoom } from '../../uni_modules/webrtc-room/room-factory'
import { useRoomStore } from '../../uni_modules/webrtc-room/stores/room'
import { createFakePlatform } from '../helpers/fake-platform'
import { BASE_OPTIONS, Driver } from './driver'

const pusherCalls = (d: Driver) => d.effects.flatMap((e) => (e.type === 'pusher' ? [e.call] : []))

describe('policy resolution (pure)', () => {
  it('backgroundPolicy wins over pauseOnHide, which wins over the platform default', () => {
    const policy = fc.constantFrom(...BACKGROUND_POLICIES)
    fc.assert(
      fc.property(fc.option(policy, { nil: undefined }), fc.option(fc.boolean(), { nil: undefined }), policy, (set, alias, fallback) => {
        const expected = set ?? (alias === undefined ? fallback : alias ? 'pause' : 'keep')
        expect(policyOf({ raw: { ...BASE_OPTIONS, backgroundPolicy: set, pauseOnHide: alias }, hideDefault: fallback })).toBe(expected)
      }),
    )
    // An invalid value falls through to the alias / default (validation warned about it).
    expect(policyOf({ raw: { ...BASE_OPTIONS, backgroundPolicy: 'sleep' as BackgroundPolicy, pauseOnHide: false }, hideDefault: 'pause' })).toBe('keep')
  })

  it('background-mute is bound from creation on: true unless the policy keeps the room running', () => {
    expect(createCoreState('k', BASE_OPTIONS, 10, 'pause').room.pusher.backgroundMute).toBe(true)
    expect(createCoreState('k', BASE_OPTIONS, 10, 'keep').room.pusher.backgroundMute).toBe(false)
    expect(createCoreState('k', { ...BASE_OPTIONS, backgroundPolicy: 'mute' }, 10, 'keep').room.pusher.backgroundMute).toBe(true)
    expect(createCoreState('k', { ...BASE_OPTIONS, pauseOnHide: false }, 10, 'pause').room.pusher.backgroundMute).toBe(false)
  })
})

describe('validation of the new props', () => {
  it('valid values pass through; defaults are auto / false / the platform default', () => {
    const ok = validateOptions({ ...BASE_OPTIONS, localMirror: 'disable', remoteMirror: true, backgroundPolicy: 'leave' })
    expect(ok.ok && ok.options).toMatchObject({ localMirror: 'disable', remoteMirror: true, backgroundPolicy: 'leave' })
    const plain = validateOptions(BASE_OPTIONS)
    expect(plain.ok && plain.options).toMatchObject({ localMirror: 'auto', remoteMirror: false, backgroundPolicy: undefined })
  })

  it.each([
    ['localMirror', 'mirror', 'auto'],
    ['remoteMirror', 'yes', false],
    ['backgroundPolicy', 'sleep', undefined],
  ] as const)('%s = %s: a warning naming the prop, the default applies, the room still validates', (prop, value, fallback) => {
    const result = validateOptions({ ...BASE_OPTIONS, [prop]: value } as RoomOptions)
    expect(result.ok).toBe(true)
    expect(result.warnings).toEqual([expect.objectContaining({ code: RoomErrorCode.INVALID_PROP, prop })])
    expect(result.warnings[0].message).toContain(String(value))
    if (result.ok) expect(result.options[prop]).toBe(fallback)
  })
})

describe('reducer: hide / show per policy', () => {
  const entered = (options: Partial<RoomOptions> = {}) => new Driver(options).enter()

  it('keep: announced, nothing else happens', () => {
    const d = entered({ backgroundPolicy: 'keep' })
    d.dispatch({ type: 'app_hide' })
    expect(d.status).toBe('in_room')
    expect(d.eventsOf('background')[0].detail).toMatchObject({ policy: 'keep' })
    expect(d.state.room.pusher).toMatchObject({ muted: false, backgroundMute: false, paused: false })
    d.dispatch({ type: 'app_show' })
    expect(pusherCalls(d)).toEqual([])
  })

  it('mute: the mic is muted while hidden and restored on show', () => {
    const d = entered({ backgroundPolicy: 'mute' })
    expect(d.state.room.pusher.backgroundMute).toBe(true)
    d.dispatch({ type: 'app_hide' })
    expect(d.status).toBe('in_room')
    expect(d.state.room.pusher.muted).toBe(true)
    expect(d.state.room.self.muted).toBe(true)
    expect(d.state.options!.muted).toBe(false) // the user's wish is untouched
    d.dispatch({ type: 'app_show' })
    expect(d.state.room.pusher.muted).toBe(false)
    expect(d.state.room.self.muted).toBe(false)
    expect(pusherCalls(d)).toEqual([])
  })

  it('mute: a mute the user made while hidden stays on show; an unmute waits for the show', () => {
    const d = entered({ backgroundPolicy: 'mute' })
    d.dispatch({ type: 'app_hide' })
    d.dispatch({ type: 'update', options: { muted: true } })
    expect(d.state.room.pusher.muted).toBe(true)
    d.dispatch({ type: 'app_show' })
    expect(d.state.room.pusher.muted).toBe(true)
    d.dispatch({ type: 'app_hide' })
    d.dispatch({ type: 'update', options: { muted: false } })
    expect(d.state.room.pusher.muted).toBe(true) // still hidden
    d.dispatch({ type: 'app_show' })
    expect(d.state.room.pusher.muted).toBe(false)
  })

  it('pause (the mini-program default): push and players pause, resume on show; pause() by the app is kept', () => {
    const d = entered()
    d.dispatch({ type: 'app_hide' })
    expect(d.status).toBe('paused')
    d.dispatch({ type: 'app_show' })
    expect(d.status).toBe('in_room')
    d.dispatch({ type: 'pause' })
    d.dispatch({ type: 'app_hide' })
    d.dispatch({ type: 'app_show' })
    expect(d.status).toBe('paused')
    expect(pusherCalls(d)).toEqual(['pause', 'resume', 'pause'])
  })

  it('leave: the session ends on hide with the reason; show does not bring it back', () => {
    const d = entered({ backgroundPolicy: 'leave', pauseOnHide: true })
    d.pusher(1031, JSON.stringify({ userlist: [{ userid: 'bob' }] }))
    d.dispatch({ type: 'app_hide' })
    expect(d.status).toBe('exited')
    expect(d.eventsOf('exit_room')[0].detail).toMatchObject({ reason: 'background', membersCleared: 1 })
    expect(d.effects.some((e) => e.type === 'leave')).toBe(true)
    d.dispatch({ type: 'app_show' })
    expect(d.status).toBe('exited')
  })

  it('leave also ends a session that is still entering', () => {
    const d = new Driver({ backgroundPolicy: 'leave' })
    d.start()
    d.preflight()
    expect(d.status).toBe('entering')
    d.dispatch({ type: 'app_hide' })
    expect(d.status).toBe('exited')
  })

  it('1018 while hidden: pause pauses at once, keep and mute do not', () => {
    for (const [policy, status] of [['pause', 'paused'], ['keep', 'in_room'], ['mute', 'in_room']] as const) {
      const d = new Driver({ backgroundPolicy: policy })
      d.start()
      d.preflight()
      d.dispatch({ type: 'app_hide' })
      d.pusher(1018)
      expect(d.status).toBe(status)
      expect(d.state.room.pusher.muted).toBe(policy === 'mute')
    }
  })

  it('the deprecated pauseOnHide still works: false keeps, true pauses', () => {
    const off = entered({ pauseOnHide: false })
    off.dispatch({ type: 'app_hide' })
    expect(off.status).toBe('in_room')
    const on = new Driver({ pauseOnHide: true })
    on.state = { ...on.state, hideDefault: 'keep' }
    on.enter().dispatch({ type: 'app_hide' })
    expect(on.status).toBe('paused')
  })
})

describe('reducer: policy changed while hidden takes effect at once', () => {
  const hidden = (policy: BackgroundPolicy) => {
    const d = new Driver({ backgroundPolicy: policy }).enter()
    d.dispatch({ type: 'app_hide' })
    return d
  }

  it.each([
    ['keep', 'pause', 'paused', false],
    ['keep', 'mute', 'in_room', true],
    ['pause', 'keep', 'in_room', false],
    ['pause', 'mute', 'in_room', true],
    ['mute', 'keep', 'in_room', false],
    ['mute', 'pause', 'paused', false],
    ['pause', 'leave', 'exited', false],
    ['mute', 'leave', 'exited', false],
  ] as const)('%s → %s while hidden: %s, mic muted %s', (from, to, status, muted) => {
    const d = hidden(from)
    d.dispatch({ type: 'update', options: { backgroundPolicy: to } })
    expect(d.status).toBe(status)
    expect(d.state.room.pusher.muted).toBe(muted)
    expect(d.state.room.pusher.backgroundMute).toBe(to !== 'keep')
    if (to === 'leave') {
      // No resume sent to a pusher that is leaving anyway.
      expect(pusherCalls(d).filter((c) => c === 'resume')).toEqual([])
      return
    }
    // Show: everything back to normal whatever happened while hidden.
    d.dispatch({ type: 'app_show' })
    expect(d.status).toBe('in_room')
    expect(d.state.room.pusher.muted).toBe(false)
  })

  it('pauseOnHide toggled while hidden (no backgroundPolicy) counts as a policy change', () => {
    const d = new Driver({ pauseOnHide: false }).enter()
    d.dispatch({ type: 'app_hide' })
    expect(d.status).toBe('in_room')
    d.dispatch({ type: 'update', options: { pauseOnHide: true } })
    expect(d.status).toBe('paused')
    d.dispatch({ type: 'update', options: { backgroundPolicy: 'keep' } }) // wins over the alias
    expect(d.status).toBe('in_room')
  })

  it('a policy changed while shown waits for the next hide; an app pause() is never undone', () => {
    const d = new Driver({ backgroundPolicy: 'keep' }).enter()
    d.dispatch({ type: 'update', options: { backgroundPolicy: 'pause' } })
    expect(d.status).toBe('in_room')
    d.dispatch({ type: 'pause' })
    d.dispatch({ type: 'app_hide' })
    d.dispatch({ type: 'update', options: { backgroundPolicy: 'keep' } })
    expect(d.status).toBe('paused')
  })
})

describe('reducer: mirror props', () => {
  it('live update of localMirror / remoteMirror rebinds the pusher attributes; a bad value warns and falls back', () => {
    const d = new Driver().enter()
    expect(d.state.room.pusher).toMatchObject({ localMirror: 'auto', remoteMirror: false })
    d.dispatch({ type: 'update', options: { localMirror: 'enable', remoteMirror: true } })
    expect(d.state.room.pusher).toMatchObject({ localMirror: 'enable', remoteMirror: true })
    expect(d.status).toBe('in_room')
    d.dispatch({ type: 'update', options: { localMirror: 'upside-down' as never } })
    expect(d.state.room.pusher.localMirror).toBe('auto')
    expect(d.eventsOf('warning').at(-1)).toMatchObject({ code: RoomErrorCode.INVALID_PROP, detail: { prop: 'localMirror' } })
  })

  it('before start, the idle store shows the mirror the props ask for', () => {
    const d = new Driver({ localMirror: 'disable', remoteMirror: true })
    expect(d.state.room.pusher).toMatchObject({ localMirror: 'disable', remoteMirror: true })
    d.dispatch({ type: 'update', options: { localMirror: 'bogus' as never } })
    expect(d.state.room.pusher.localMirror).toBe('auto')
  })
})

// -------------------------------------------------------------------------------------------------
// Controller

function recordingEngine() {
  const updates: PusherAttributes[] = []
  const calls: string[] = []
  const factory: EngineFactory = () =>
    ({
      name: 'recording',
      enter: (_params, sink) => sink([{ type: 'entered', nativeCode: 1018 }]),
      leave: () => calls.push('leave'),
      pusher: (call) => calls.push(call),
      player: () => {},
      update: (_options, pusher) => updates.push(pusher),
      destroy: () => {},
    }) satisfies RoomEngine
  return { factory, updates, calls }
}

async function enterOn(name: string, options: Partial<RoomOptions> = {}) {
  const platform = createFakePlatform({ name })
  const engine = recordingEngine()
  const room = createRoom({ ...BASE_OPTIONS, ...options }, platform, { engine: engine.factory })
  const tags: string[] = []
  room.on((e) => tags.push(e.tag))
  await room.start()
  expect(room.status).toBe('in_room')
  return { room, platform, engine, tags, store: () => useRoomStore().rooms[room.key] }
}

describe('controller', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('platform defaults: mp-weixin pauses, h5 keeps; both visible in the store as background-mute', async () => {
    const mp = await enterOn('mp-weixin')
    expect(mp.store().pusher.backgroundMute).toBe(true)
    mp.platform.hideApp()
    expect(mp.room.status).toBe('paused')
    expect(mp.engine.calls).toEqual(['pause'])
    const h5 = await enterOn('h5')
    expect(h5.store().pusher.backgroundMute).toBe(false)
    h5.platform.hideApp()
    expect(h5.room.status).toBe('in_room')
    expect(h5.engine.calls).toEqual([])
  })

  it('mute: the engine hears of the hidden mic (H5 mutes its track; mp-weixin binds the attribute)', async () => {
    const { room, platform, engine, store } = await enterOn('h5', { backgroundPolicy: 'mute' })
    const before = engine.updates.length
    platform.hideApp()
    expect(engine.updates.slice(before).map((p) => p.muted)).toEqual([true])
    expect(store().self.muted).toBe(true)
    platform.showApp()
    expect(engine.updates.slice(before).map((p) => p.muted)).toEqual([true, false])
    // A hide with the mic already muted by the user changes nothing the engine needs to hear.
    room.update({ muted: true })
    const n = engine.updates.length
    platform.hideApp()
    platform.showApp()
    expect(engine.updates.length).toBe(n)
    await room.stop()
  })

  it('leave: stop() on hide — listeners and timers released, the reason in exit_room', async () => {
    const { room, platform, engine, tags } = await enterOn('mp-weixin', { backgroundPolicy: 'leave' })
    platform.hideApp()
    expect(room.status).toBe('exited')
    expect(engine.calls).toContain('leave')
    expect(tags.slice(-2)).toEqual(['background', 'exit_room'])
    expect(platform.liveListeners()).toBe(0)
    expect(platform.liveTimers()).toBe(0)
    // Back in front the app starts again: the new session is not hidden.
    platform.showApp()
    await room.start()
    expect(room.status).toBe('in_room')
    await room.stop()
  })

  it('update({ backgroundPolicy }) in the room rebinds background-mute live', async () => {
    const { room, store } = await enterOn('mp-weixin')
    room.update({ backgroundPolicy: 'keep' })
    expect(store().pusher.backgroundMute).toBe(false)
    room.update({ backgroundPolicy: 'mute' })
    expect(store().pusher.backgroundMute).toBe(true)
    await room.stop()
  })
})

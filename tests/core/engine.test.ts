/**
 * The mp-weixin live-tags engine (core/engine.ts): when the pusher context is started, what leave
 * stops, player calls, and contexts that throw.
 */
import { describe, expect, it } from 'vitest'
import { createLiveTagsEngine } from '../../uni_modules/webrtc-room/engines/mp-weixin/live-tags-engine'
import type { EngineEnterParams } from '../../uni_modules/webrtc-room/core/engine'
import { createFakePlatform } from '../helpers/fake-platform'

function recorder() {
  const calls: string[] = []
  const rec = (name: string) => () => {
    calls.push(name)
  }
  return {
    calls,
    pusher: { start: rec('start'), stop: rec('stop'), pause: rec('pause'), resume: rec('resume'), switchCamera: rec('switchCamera') },
    player: (id: string) => ({ play: rec(`${id}:play`), stop: rec(`${id}:stop`) }),
  }
}

const params = {} as EngineEnterParams
const sink = () => {}
const stream = (key: string) => ({ key, userID: key.split('_')[0], streamType: 'main' as const, playURL: '' })

describe('live-tags engine', () => {
  it('starts the attached pusher one macrotask after enter (the url attribute lands first)', () => {
    const platform = createFakePlatform()
    const engine = createLiveTagsEngine({ roomKey: 'r', platform })
    const r = recorder()
    engine.attachPusher!(r.pusher)
    engine.enter(params, sink)
    expect(r.calls).toEqual([])
    expect(platform.liveTimers()).toBe(1)
    platform.advance(0)
    expect(r.calls).toEqual(['start'])
  })

  it('a pusher attached after enter starts on attach; detach + re-attach starts again', () => {
    const platform = createFakePlatform()
    const engine = createLiveTagsEngine({ roomKey: 'r', platform })
    const r = recorder()
    engine.enter(params, sink)
    platform.advance(0)
    engine.attachPusher!(r.pusher)
    platform.advance(0)
    expect(r.calls).toEqual(['start'])
    engine.detachPusher!()
    engine.attachPusher!(r.pusher)
    platform.advance(0)
    expect(r.calls).toEqual(['start', 'start'])
  })

  it('leave before the deferred start cancels it and stops pusher and players; leave is idempotent', () => {
    const platform = createFakePlatform()
    const engine = createLiveTagsEngine({ roomKey: 'r', platform })
    const r = recorder()
    engine.attachPusher!(r.pusher)
    engine.attachPlayer!('a_main', r.player('a'))
    engine.enter(params, sink)
    engine.leave()
    engine.leave()
    platform.advance(10)
    expect(r.calls).toEqual(['stop', 'a:stop'])
    expect(platform.liveTimers()).toBe(0)
  })

  it('leave(keepPreview) keeps the camera preview (startPreview) until the next leave, enter or destroy', () => {
    const platform = createFakePlatform()
    const engine = createLiveTagsEngine({ roomKey: 'r', platform })
    const r = recorder()
    const pusher = { ...r.pusher, startPreview: () => void r.calls.push('startPreview'), stopPreview: () => void r.calls.push('stopPreview') }
    engine.attachPusher!(pusher)
    engine.attachPlayer!('a_main', r.player('a'))
    engine.enter(params, sink)
    platform.advance(0)
    engine.leave(true)
    expect(r.calls).toEqual(['start', 'stop', 'a:stop', 'startPreview'])
    // stop() after the error: the preview goes too; once.
    engine.leave()
    engine.leave()
    expect(r.calls.slice(4)).toEqual(['stopPreview'])
    // Kept again, then a new enter: start takes the camera over (no stopPreview first); destroy after a
    // kept preview stops it.
    engine.enter(params, sink)
    platform.advance(0)
    engine.leave(true)
    engine.enter(params, sink)
    platform.advance(0)
    expect(r.calls.slice(5)).toEqual(['start', 'stop', 'a:stop', 'startPreview', 'start'])
    engine.leave(true)
    engine.destroy()
    expect(r.calls.slice(10)).toEqual(['stop', 'a:stop', 'startPreview', 'stopPreview'])
  })

  it('leave(keepPreview) on a base library without startPreview just stops', () => {
    const platform = createFakePlatform()
    const engine = createLiveTagsEngine({ roomKey: 'r', platform })
    const r = recorder()
    engine.attachPusher!(r.pusher)
    engine.enter(params, sink)
    platform.advance(0)
    engine.leave(true)
    engine.leave()
    expect(r.calls).toEqual(['start', 'stop'])
  })

  it('pusher calls pass through; player calls reach attached players only', () => {
    const platform = createFakePlatform()
    const engine = createLiveTagsEngine({ roomKey: 'r', platform })
    const r = recorder()
    engine.attachPusher!(r.pusher)
    engine.pusher('pause')
    engine.pusher('resume')
    engine.pusher('switchCamera')
    engine.player(stream('b_main'), 'play') // not attached: nothing
    engine.attachPlayer!('b_main', r.player('b'))
    engine.player(stream('b_main'), 'play')
    engine.player(stream('b_main'), 'stop')
    engine.detachPlayer!('b_main')
    engine.player(stream('b_main'), 'play')
    engine.pusher('start')
    platform.advance(0)
    expect(r.calls).toEqual(['pause', 'resume', 'switchCamera', 'b:play', 'b:stop'])
    // 'start' outside a session is not run by the deferred timer.
    engine.update({} as never, {} as never)
    engine.destroy()
    expect(platform.liveTimers()).toBe(0)
  })

  it('a context that throws is logged, not propagated', () => {
    const platform = createFakePlatform()
    const engine = createLiveTagsEngine({ roomKey: 'r', platform })
    const broken = { start() {}, stop() { throw new Error('page gone') }, pause() {}, resume() {}, switchCamera() {} }
    engine.attachPusher!(broken)
    engine.enter(params, sink)
    expect(() => engine.leave()).not.toThrow()
    expect(platform.logs.some((l) => l.level === 'warn' && l.message.includes('live-pusher stop failed'))).toBe(true)
  })
})

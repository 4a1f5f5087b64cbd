/**
 * Test driver over the pure reducer: dispatches actions (or native `detail`s through live-tags-engine.ts),
 * keeps every effect and emitted event, and tracks the timers the effects set and clear, so a test
 * can "fire" a pending timer with the epoch the reducer gave it. No clock, no platform.
 */
import type { Effect, RoomAction, TimerName } from '../../uni_modules/webrtc-room/core/actions'
import { translatePlayerState, translatePusherError, translatePusherState } from '../../uni_modules/webrtc-room/engines/mp-weixin/live-tags-engine'
import type { PreflightResult } from '../../uni_modules/webrtc-room/core/room-platform'
import { reduce } from '../../uni_modules/webrtc-room/core/reducer'
import { createCoreState, type CoreState } from '../../uni_modules/webrtc-room/core/room-state'
import type { PusherErrorDetail, RoomEvent, RoomOptions, StateChangeDetail, StreamType } from '../../uni_modules/webrtc-room/core/types'

export const SIG = 'eJw1jcEKgjAYhV*-_abc'
export const BASE_OPTIONS: RoomOptions = { sdkAppID: 1400000001, userID: 'me', userSig: SIG, roomID: 1234 }

/** A signed legacy URL as the `legacy` entry answers it (room-signature.ts builds the real one). */
export const LEGACY_URL = 'room://cloud.tencent.com?sdkappid=1400000001&roomid=1234&userid=me&roomsig=%7B%22sig%22%3A1%7D'

export const list = (userlist: unknown[]): string => JSON.stringify({ userlist })

export interface PendingTimer {
  ms: number
  epoch: number
}

export class Driver {
  state: CoreState
  readonly effects: Effect[] = []
  readonly events: RoomEvent[] = []
  readonly timers = new Map<TimerName, PendingTimer>()
  at = 0
  /** Called after every reduce step (property tests check invariants here). */
  observer?: (before: CoreState, action: RoomAction, after: CoreState, effects: Effect[]) => void

  constructor(options: Partial<RoomOptions> = {}, eventLimit?: number) {
    this.state = createCoreState('room-1', { ...BASE_OPTIONS, ...options }, eventLimit)
  }

  get status() {
    return this.state.room.status
  }

  get memberIDs(): string[] {
    return this.state.room.memberOrder
  }

  dispatch(action: RoomAction): Effect[] {
    this.at += 10
    const before = this.state
    const { state, effects } = reduce(before, { at: this.at, ...action })
    this.state = state
    for (const effect of effects) {
      this.effects.push(effect)
      if (effect.type === 'emit') this.events.push(effect.event)
      if (effect.type === 'set_timer') this.timers.set(effect.name, { ms: effect.ms, epoch: effect.epoch })
      if (effect.type === 'clear_timer') effect.name ? this.timers.delete(effect.name) : this.timers.clear()
    }
    this.observer?.(before, action, state, effects)
    return effects
  }

  /** Dispatch several actions; returns all their effects. */
  dispatchAll(actions: RoomAction[]): Effect[] {
    return actions.flatMap((action) => this.dispatch(action))
  }

  pusher(code: number, message = ''): Effect[] {
    return this.dispatchAll(translatePusherState({ code, message } as StateChangeDetail))
  }

  player(userID: string, code: number, streamType: StreamType = 'main'): Effect[] {
    return this.dispatchAll(translatePlayerState(userID, streamType, { code, message: '' }))
  }

  pusherError(detail: PusherErrorDetail): Effect[] {
    return this.dispatchAll(translatePusherError(detail))
  }

  start(): Effect[] {
    return this.dispatch({ type: 'start' })
  }

  preflight(result: PreflightResult = { ok: true, mode: 'modern', system: null }, epoch = this.state.epoch): Effect[] {
    return this.dispatch({ type: 'preflight_done', epoch, result })
  }

  /** start → preflight ok (modern unless told) → 1018. */
  enter(mode: 'modern' | 'legacy' = 'modern'): this {
    this.start()
    this.preflight({ ok: true, mode, system: null })
    if (mode === 'legacy') this.dispatch({ type: 'room_sig_done', epoch: this.state.epoch, ok: true, pushURL: LEGACY_URL })
    this.pusher(1018)
    return this
  }

  /** Fire a pending timer as the controller would (with the epoch it was set for). */
  fire(name: TimerName): Effect[] {
    const timer = this.timers.get(name)
    if (!timer) throw new Error(`no pending ${name} timer`)
    this.timers.delete(name)
    return this.dispatch({ type: 'timer', name, epoch: timer.epoch })
  }

  eventsOf(tag: RoomEvent['tag']): RoomEvent[] {
    return this.events.filter((event) => event.tag === tag)
  }

  /** Events emitted by `effects` (one step's result). */
  static emitted(effects: Effect[]): RoomEvent[] {
    return effects.flatMap((effect) => (effect.type === 'emit' ? [effect.event] : []))
  }

  streamsOf(userID: string) {
    return this.state.room.members[userID]?.streams ?? {}
  }
}

/** Deep-freeze a state so a test proves the reducer never mutates its input. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
  }
  return value
}

/**
 * One reducer step: a draft over the state that copies on write and collects effects; and the
 * handler-table types the reducer's concerns (session, members, control) fill in.
 */
import type { EngineStream } from './engine'
import type { Effect, RoomAction } from './actions'
import { describeCode } from './codes'
import { redact } from './redact'
import type { CoreState } from './room-state'
import type { ErrorDetail, MemberState, RoomEvent, RoomEventTag, RoomStatus, StreamState } from './types'

export interface ReduceResult {
  state: CoreState
  effects: Effect[]
}

export type ActionOf<K extends RoomAction['type']> = Extract<RoomAction, { type: K }>

/** One handler per action type: the compiler checks each table covers its types. */
export type Handlers<K extends RoomAction['type']> = { [P in K]: (step: Step, action: ActionOf<P>) => void }

export class Step {
  state: CoreState
  readonly effects: Effect[] = []
  readonly at: number
  private eventsCopied = false

  constructor(previous: CoreState, at: number) {
    this.state = { ...previous, room: { ...previous.room } }
    this.at = at
  }

  get room() {
    return this.state.room
  }

  status(next: RoomStatus): void {
    this.state.room.status = next
  }

  emit<D>(tag: RoomEventTag, code: number, detail: D): void {
    // Redacted here, once: the event reaches handlers, the store and log sinks only in this form.
    const event: RoomEvent = { tag, code, detail: redact(detail) }
    this.effects.push({ type: 'emit', event })
    // net_status arrives every second per stream: it updates state but stays out of the event log.
    if (tag !== 'net_status') {
      // One copy per step (a 1032 of n users emits n events); trimmed to `eventLimit` in result().
      if (!this.eventsCopied) {
        this.room.events = this.room.events.slice()
        this.eventsCopied = true
      }
      this.room.events.push(event)
    }
    if (tag === 'error') this.room.lastError = event as RoomEvent<ErrorDetail>
  }

  notice(tag: 'error' | 'warning', code: number, detail: Partial<ErrorDetail> = {}): void {
    const message = detail.message || describeCode(code)?.en || `code ${code}`
    this.emit<ErrorDetail>(tag, code, { ...detail, message })
  }

  effect(effect: Effect): void {
    this.effects.push(effect)
  }

  setMembers(members: Record<string, MemberState>, order: string[]): void {
    this.room.members = members
    this.room.memberOrder = order
  }

  result(): ReduceResult {
    const events = this.room.events
    const limit = this.state.eventLimit
    if (events.length > limit) this.room.events = limit > 0 ? events.slice(events.length - limit) : []
    return { state: this.state, effects: this.effects }
  }
}

export function engineStream(stream: StreamState): EngineStream {
  return { key: stream.key, userID: stream.userID, streamType: stream.streamType, playURL: stream.playURL }
}

export function stopPlayers(step: Step, member: MemberState | undefined): void {
  for (const stream of Object.values(member?.streams ?? {})) {
    if (stream) step.effect({ type: 'player', stream: engineStream(stream), call: 'stop' })
  }
}

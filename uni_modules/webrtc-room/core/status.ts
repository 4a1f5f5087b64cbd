/**
 * The room's status machine. The reducer only moves along these edges; tests assert every
 * transition they observe is one of them.
 *
 * idle → preflight → entering → in_room ⇄ paused
 *                       ↑↓          ↓
 *                   reconnecting ←──┘
 * any active status → exited (stop, suspended) | error (fatal); exited / error → preflight (start again)
 */
import type { RoomStatus } from './types'

export const LEGAL_TRANSITIONS: Readonly<Record<RoomStatus, readonly RoomStatus[]>> = {
  idle: ['preflight', 'error', 'exited'],
  preflight: ['entering', 'error', 'exited', 'preflight'],
  // entering → paused: 1018 arrived while the app was hidden.
  entering: ['in_room', 'paused', 'reconnecting', 'error', 'exited', 'preflight'],
  in_room: ['paused', 'reconnecting', 'error', 'exited', 'preflight'],
  paused: ['in_room', 'reconnecting', 'error', 'exited', 'preflight'],
  reconnecting: ['entering', 'error', 'exited', 'preflight'],
  exited: ['preflight', 'error'],
  error: ['preflight', 'exited', 'error'],
}

export function isLegalTransition(from: RoomStatus, to: RoomStatus): boolean {
  return from === to || LEGAL_TRANSITIONS[from].includes(to)
}

/** Statuses in which a session exists (the pusher may be live, timers may run). */
const ACTIVE_STATUSES: readonly RoomStatus[] = ['preflight', 'entering', 'in_room', 'paused', 'reconnecting']

export function isActive(status: RoomStatus): boolean {
  return ACTIVE_STATUSES.includes(status)
}

/** Statuses in which native (engine) events are applied: a push URL is live. */
export function acceptsEngineEvents(status: RoomStatus): boolean {
  return status === 'entering' || status === 'in_room' || status === 'paused'
}

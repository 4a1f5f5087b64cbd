/**
 * tim's `NET_STATE_CHANGE` states → the original component's `connection_event` codes
 * (-1 init, 0 connected, 1 reconnecting, 9999 disconnected).
 */
import type { ImConnectionState } from './types'

export const CONNECTION_CODE: Record<ImConnectionState, number> = {
  unknown: -1,
  connected: 0,
  connecting: 1,
  disconnected: 9999,
}

/** Unknown strings (a future SDK state) map to 'unknown' instead of being trusted. */
export function toConnectionState(state: unknown): ImConnectionState {
  return state === 'connected' || state === 'connecting' || state === 'disconnected' ? state : 'unknown'
}

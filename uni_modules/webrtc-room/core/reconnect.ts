/**
 * Bounded exponential backoff for re-entering after -1307 / 1021 (the original gave up at once on
 * -1307 and re-entered immediately, forever, on 1021). Deterministic: no jitter, so a test can
 * predict every delay; rooms are per user, so thundering herds are not a concern here.
 */
import type { ReconnectPolicy } from './types'

/** Delay before attempt `attempt` (1-based): base · 2^(attempt-1), capped at maxDelayMs. */
export function backoffDelay(policy: ReconnectPolicy, attempt: number): number {
  const exponent = Number.isFinite(attempt) ? Math.max(0, Math.floor(attempt) - 1) : 0
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 30))
}


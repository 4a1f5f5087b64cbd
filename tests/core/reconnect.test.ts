import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_RECONNECT } from '../../uni_modules/webrtc-room/core/options'
import { backoffDelay } from '../../uni_modules/webrtc-room/core/reduce-session'

describe('bounded exponential backoff', () => {
  it('doubles from the base delay and caps at maxDelayMs (defaults 1, 2, 4, 8, 16 s)', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(DEFAULT_RECONNECT, n))).toEqual([1000, 2000, 4000, 8000, 16000, 16000, 16000])
  })

  it('treats attempt ≤ 1, fractions and non-numbers sanely', () => {
    expect(backoffDelay(DEFAULT_RECONNECT, 0)).toBe(1000)
    expect(backoffDelay(DEFAULT_RECONNECT, -3)).toBe(1000)
    expect(backoffDelay(DEFAULT_RECONNECT, 2.7)).toBe(2000)
    expect(backoffDelay(DEFAULT_RECONNECT, Number.NaN)).toBe(1000)
    expect(backoffDelay(DEFAULT_RECONNECT, Infinity)).toBe(1000)
  })

  it('never overflows for huge attempt numbers', () => {
    expect(backoffDelay({ maxAttempts: 1e9, baseDelayMs: 1000, maxDelayMs: 60000 }, 1e6)).toBe(60000)
  })

  it('is monotonic and bounded for any policy (property)', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(100_000), fc.integer({ min: 1, max: 100 }), (base, max, attempt) => {
        const policy = { maxAttempts: 10, baseDelayMs: base, maxDelayMs: max }
        const delay = backoffDelay(policy, attempt)
        expect(delay).toBeGreaterThanOrEqual(0)
        expect(delay).toBeLessThanOrEqual(max)
        expect(backoffDelay(policy, attempt + 1)).toBeGreaterThanOrEqual(delay)
      }),
      { numRuns: 500 },
    )
  })
})

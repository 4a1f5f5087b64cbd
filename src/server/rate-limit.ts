/**
 * Per-client token buckets: each client (IP) may send `burst` requests at once, refilled at
 * `perMinute`. A login burst passes; a loop of hundreds gets 429 with the seconds to wait. The table
 * is bounded (least recently seen clients are forgotten), so many addresses cannot grow memory.
 */
export interface RateLimitOptions {
  /** Bucket size: requests a client may send at once. */
  burst: number
  /** Refill, requests per minute. */
  perMinute: number
  /** Clients remembered at most (LRU). */
  maxClients?: number
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number }

export interface RateLimiter {
  take(client: string, nowMs: number): RateDecision
}

interface Bucket {
  tokens: number
  at: number
}

export const DEFAULT_MAX_CLIENTS = 10_000

export function createRateLimiter({ burst, perMinute, maxClients = DEFAULT_MAX_CLIENTS }: RateLimitOptions): RateLimiter {
  const perMs = perMinute / 60_000
  const buckets = new Map<string, Bucket>()
  return {
    take(client, nowMs) {
      const bucket = buckets.get(client) ?? { tokens: burst, at: nowMs }
      buckets.delete(client) // re-inserted below: Map order is then least recently seen first
      bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, nowMs - bucket.at) * perMs)
      bucket.at = nowMs
      buckets.set(client, bucket)
      if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value as string)
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1
        return { ok: true }
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) }
    },
  }
}

/** Shared bits of the signer suites: fixture keys (TEST-ONLY), inflating a sig to its JSON, generators. */
import { readFileSync } from 'node:fs'
import { inflateSync } from 'node:zlib'
import fc from 'fast-check'
import { vi } from 'vitest'
import type { ServerConfig } from '../../src/server/config'

const keysDir = new URL('../fixtures/keys/', import.meta.url)
export const fixtureKey = (name: string): string => readFileSync(new URL(name, keysDir), 'utf8')
/** TEST-ONLY dev secret (sdkAppID 1400000001), the one `npm run sign-server:dev` uses. */
export const devSecret = JSON.parse(fixtureKey('dev-trtc-secret.json')) as { sdkAppID: number; secretKey: string }

/** A sign service config on 127.0.0.1 with the TEST-ONLY dev secret, as the in-process suites start it. */
export function testServerConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    sdkAppID: devSecret.sdkAppID,
    secretKey: devSecret.secretKey,
    secretSource: 'test',
    expire: 3600,
    host: '127.0.0.1',
    port: 0,
    cors: { kind: 'any' },
    maxBodyBytes: 4096,
    devSecret: false,
    ...overrides,
  }
}

/** The JSON inside a userSig, keys in their written order. */
export function sigJson(sig: string): Record<string, unknown> {
  const b64 = sig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=')
  return JSON.parse(inflateSync(Buffer.from(b64, 'base64')).toString('utf8'))
}

const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8')
// eslint-disable-next-line no-control-regex
const hasControl = (s: string) => /[\u0000-\u001f\u007f-\u009f]/.test(s)

/** TRTC-style ids: the URL-safe alphabet the plugin accepts. */
export const asciiUserID = fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/)
/** Any Unicode (CJK, emoji, combining marks), up to the 32-byte limit, no control characters. */
export const unicodeUserID = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 16 })
  .filter((s) => utf8Bytes(s) <= 32 && !hasControl(s))
/** Long ids: exactly at or near the 32-byte limit. */
export const longUserID = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{30,32}$/),
  fc.string({ unit: 'grapheme', minLength: 8, maxLength: 16 }).filter((s) => utf8Bytes(s) >= 24 && utf8Bytes(s) <= 32 && !hasControl(s)),
)
export const anyUserID = fc.oneof(asciiUserID, unicodeUserID, longUserID)

const MAX_EXPIRE = 0x7fffffff
export const expire = fc.oneof(fc.constantFrom(1, 2, 59, 60, 300, 86400, 180 * 86400, MAX_EXPIRE - 1, MAX_EXPIRE), fc.integer({ min: 1, max: MAX_EXPIRE }))
/** Clock in ms; up to 2033 so that now + any expire fits the record's u32 expiry. */
export const clockMs = fc.oneof(fc.constantFrom(0, 999, 1_600_000_000_000, 1_600_000_000_999), fc.integer({ min: 0, max: 2_000_000_000_000 }))
export const sdkAppID = fc.oneof(fc.constantFrom(1, 1400000000, 1400000001, 0x7fffffff, 0x80000000, 0xffffffff), fc.integer({ min: 1, max: 0xffffffff }))
export const secretKey = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{64}$/),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }).filter((s) => s.trim() === s && s.length > 0),
)
export const privilege = fc.integer({ min: 0, max: 255 })
/** Every numeric room TRTC accepts: 1 … 4294967294 (2^32 − 2). */
export const roomID = fc.oneof(fc.constantFrom(1, 1234, 0x7fffffff, 0x80000000, 0xfffffffe), fc.integer({ min: 1, max: 0xfffffffe }))
export const strRoomID = fc.stringMatching(/^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]{1,64}$/)
export const isAscii = (s: string) => /^[\x00-\x7f]*$/.test(s)

/** Runs `run` with Date.now() fixed at `nowMs` (how the official signers read the clock). */
export function atClock<T>(nowMs: number, run: () => T): T {
  const spy = vi.spyOn(Date, 'now').mockReturnValue(nowMs)
  try {
    return run()
  } finally {
    spy.mockRestore()
  }
}

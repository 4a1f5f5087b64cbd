/**
 * The sign service's configuration, from environment variables only (see src/README.md). Anything
 * missing or out of range is a ConfigError with the variable's name: the service refuses to start
 * rather than sign with a guessed setting.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { findSecretKey, keyFilePermissionWarning, SecretSourceError, type Env } from '../secret-source'
import { assertSdkAppID, assertSecretKey } from '../validate'
import { SignError } from '../errors'
import { DEFAULT_ISSUED_EXPIRE, MAX_ISSUED_EXPIRE, MIN_ISSUED_EXPIRE } from '../limits'
import { parseCorsPolicy, type CorsPolicy } from './cors'

export interface ServerConfig {
  sdkAppID: number
  secretKey: string
  /** Where the secret came from, for the start-up log (never the secret). */
  secretSource: string
  /** Lifetime of every userSig / privateMapKey, seconds. */
  expire: number
  host: string
  port: number
  /** Bearer token required on POST /api/usersig when set. */
  accessToken?: string
  cors: CorsPolicy
  maxBodyBytes: number
  /** Signing with the TEST-ONLY throwaway secret: signatures are useless for real TRTC. */
  devSecret: boolean
  /** Things worth a warning at start-up (e.g. a key file others can read). */
  warnings?: string[]
  /** Abuse limits; anything not given takes its DEFAULT_LIMITS value. */
  limits?: Partial<ServiceLimits>
}

/** The service's abuse limits (src/README.md, "Limits"). Times in milliseconds. */
export interface ServiceLimits {
  /** Requests a client (IP) may send at once; 0 turns the rate limit off. */
  rateBurst: number
  /** Refill of each client's bucket, requests per minute. */
  ratePerMinute: number
  /** Take the client from the last X-Forwarded-For hop (behind your reverse proxy only). */
  trustProxy: boolean
  /** Open connections at most; at the cap the longest-idle socket makes room for a newcomer. */
  maxConnections: number
  /** A client must finish its request headers within this time (408 otherwise). */
  headersTimeoutMs: number
  /** …and the whole request, body included, within this time. */
  requestTimeoutMs: number
  /** An idle keep-alive socket is closed after this time. */
  keepAliveTimeoutMs: number
  /** On SIGINT/SIGTERM, requests in flight get this long before the sockets are cut. */
  shutdownTimeoutMs: number
}

/** Room for the key file, logs and the runtime's own descriptors below the open-files limit. */
const RESERVED_FDS = 64
const CONNECTIONS_CEILING = 1000

/**
 * Default connection cap: 1000, or less when the process may open fewer files (`ulimit -n`), so
 * the cap, not EMFILE, decides who is turned away. Reads /proc/self/limits where there is one.
 */
export function defaultMaxConnections(limitsText?: string): number {
  let text = limitsText
  if (text === undefined) {
    try {
      text = readFileSync('/proc/self/limits', 'utf8')
    } catch {
      return CONNECTIONS_CEILING
    }
  }
  const soft = /^Max open files\s+(\d+)/m.exec(text)
  if (!soft) return CONNECTIONS_CEILING
  return Math.max(16, Math.min(CONNECTIONS_CEILING, Number(soft[1]) - RESERVED_FDS))
}

export const DEFAULT_LIMITS: ServiceLimits = {
  rateBurst: 20,
  ratePerMinute: 60,
  trustProxy: false,
  maxConnections: CONNECTIONS_CEILING,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  shutdownTimeoutMs: 5_000,
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

export const DEFAULT_PORT = 8787
/** USERSIG_EXPIRE default and bounds (src/limits.ts). */
export const DEFAULT_EXPIRE = DEFAULT_ISSUED_EXPIRE
export const MIN_EXPIRE = MIN_ISSUED_EXPIRE
export const MAX_EXPIRE = MAX_ISSUED_EXPIRE
export const MAX_BODY_BYTES = 4096
export const MIN_ACCESS_TOKEN_LENGTH = 16

/**
 * TEST-ONLY fixture for --dev (tests/fixtures/keys/dev-trtc-secret.json): sdkAppID 1400000001.
 * Found from the source tree only: the packaged service has no dev secret and refuses --dev.
 */
export const DEV_SECRET_FILE = join(__dirname, '../../tests/fixtures/keys/dev-trtc-secret.json')

function loadDevSecret(): { sdkAppID: number; secretKey: string } {
  try {
    const { sdkAppID, secretKey } = JSON.parse(readFileSync(DEV_SECRET_FILE, 'utf8')) as { sdkAppID: number; secretKey: string }
    assertSdkAppID(sdkAppID)
    assertSecretKey(secretKey)
    return { sdkAppID, secretKey }
  } catch (err) {
    throw new ConfigError(`--dev: cannot load the TEST-ONLY secret ${DEV_SECRET_FILE} (--dev works in the webrtc-room repository only): ${(err as Error).message}`)
  }
}

function integerVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const text = env[name]?.trim()
  if (!text) return fallback
  if (!/^\d+$/.test(text)) throw new ConfigError(`${name} must be a whole number, got ${JSON.stringify(text)}`)
  const value = Number(text)
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`)
  return value
}

/**
 * `dev`: when no secret is configured, sign with the TEST-ONLY fixture (loud warnings), so the
 * demo runs on a fresh machine; with TRTC_SDKAPPID + a secret set, those win.
 */
export function loadConfig(env: Env, options: { dev?: boolean } = {}): ServerConfig {
  let found: ReturnType<typeof findSecretKey>
  try {
    found = findSecretKey(env)
  } catch (err) {
    throw new ConfigError((err as SecretSourceError).message)
  }
  const sdkAppIDText = env.TRTC_SDKAPPID?.trim()
  let sdkAppID: number
  let secretKey: string
  let secretSource: string
  let devSecret = false
  const warnings: string[] = []
  if (found || sdkAppIDText || !options.dev) {
    if (!found) {
      throw new ConfigError(
        'refusing to start without a secret: set TRTC_SECRETKEY or TRTC_SECRETKEY_FILE (the key from the TRTC console; keep it on this server only)' +
          (options.dev ? '' : ', or run `npm run sign-server:dev` for a throwaway TEST secret'),
      )
    }
    if (!sdkAppIDText) throw new ConfigError('refusing to start without TRTC_SDKAPPID (the app id from the TRTC console)')
    if (!/^\d+$/.test(sdkAppIDText)) throw new ConfigError(`TRTC_SDKAPPID must be a whole number, got ${JSON.stringify(sdkAppIDText)}`)
    sdkAppID = Number(sdkAppIDText)
    secretKey = found.secretKey
    secretSource = found.source
    const loose = found.file ? keyFilePermissionWarning(found.file) : null
    if (loose) warnings.push(loose)
  } else {
    if (env.NODE_ENV === 'production') throw new ConfigError('--dev (the TEST-ONLY secret) is refused when NODE_ENV=production')
    ;({ sdkAppID, secretKey } = loadDevSecret())
    secretSource = 'TEST-ONLY dev fixture'
    devSecret = true
  }
  try {
    assertSdkAppID(sdkAppID)
    assertSecretKey(secretKey)
  } catch (err) {
    throw new ConfigError(`${(err as SignError).message}`.replace(/^sdkAppID/, 'TRTC_SDKAPPID'))
  }

  const accessToken = env.ACCESS_TOKEN?.trim() || undefined
  if (accessToken && accessToken.length < MIN_ACCESS_TOKEN_LENGTH) {
    throw new ConfigError(`ACCESS_TOKEN must be at least ${MIN_ACCESS_TOKEN_LENGTH} characters (e.g. \`openssl rand -hex 24\`)`)
  }
  return {
    sdkAppID,
    secretKey,
    secretSource,
    expire: integerVar(env, 'USERSIG_EXPIRE', DEFAULT_EXPIRE, MIN_EXPIRE, MAX_EXPIRE),
    host: env.HOST?.trim() || '127.0.0.1',
    port: integerVar(env, 'PORT', DEFAULT_PORT, 0, 65535),
    accessToken,
    // The dev mode serves the demo from wherever it runs; otherwise only loopback pages by default.
    cors: parseCorsPolicy(env.CORS_ORIGINS ?? env.CORS_ORIGIN, devSecret ? { kind: 'any' } : { kind: 'loopback' }),
    maxBodyBytes: MAX_BODY_BYTES,
    devSecret,
    warnings,
    limits: loadLimits(env),
  }
}

/** The abuse limits from the environment (each optional; src/README.md lists them). */
export function loadLimits(env: Env): ServiceLimits {
  const trust = env.TRUST_PROXY?.trim()
  if (trust && trust !== '0' && trust !== '1') throw new ConfigError(`TRUST_PROXY must be 1 (behind your own reverse proxy) or 0, got ${JSON.stringify(trust)}`)
  const limits: ServiceLimits = {
    rateBurst: integerVar(env, 'RATE_LIMIT_BURST', DEFAULT_LIMITS.rateBurst, 0, 100_000),
    ratePerMinute: integerVar(env, 'RATE_LIMIT_PER_MINUTE', DEFAULT_LIMITS.ratePerMinute, 1, 6_000_000),
    trustProxy: trust === '1',
    maxConnections: integerVar(env, 'MAX_CONNECTIONS', defaultMaxConnections(), 1, 1_000_000),
    headersTimeoutMs: integerVar(env, 'HEADERS_TIMEOUT_MS', DEFAULT_LIMITS.headersTimeoutMs, 100, 600_000),
    requestTimeoutMs: integerVar(env, 'REQUEST_TIMEOUT_MS', DEFAULT_LIMITS.requestTimeoutMs, 100, 600_000),
    keepAliveTimeoutMs: integerVar(env, 'KEEP_ALIVE_TIMEOUT_MS', DEFAULT_LIMITS.keepAliveTimeoutMs, 100, 600_000),
    shutdownTimeoutMs: integerVar(env, 'SHUTDOWN_TIMEOUT_MS', DEFAULT_LIMITS.shutdownTimeoutMs, 0, 600_000),
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new ConfigError(`HEADERS_TIMEOUT_MS (${limits.headersTimeoutMs}) must not exceed REQUEST_TIMEOUT_MS (${limits.requestTimeoutMs}): the headers are part of the request`)
  }
  return limits
}

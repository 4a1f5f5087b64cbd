/**
 * The sign service's configuration, from environment variables only (see src/README.md). Anything
 * missing or out of range is a ConfigError with the variable's name: the service refuses to start
 * rather than sign with a guessed setting.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { findSecretKey, keyFilePermissionWarning, SecretSourceError, type Env } from '../secret-source'
import { assertSdkAppID, assertSecretKey } from '../validate'
import { SignError } from '../errors'
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
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

export const DEFAULT_PORT = 8787
export const DEFAULT_EXPIRE = 86400
/** USERSIG_EXPIRE bounds: a minute to 30 days. Longer-lived credentials in a client are a liability. */
export const MIN_EXPIRE = 60
export const MAX_EXPIRE = 30 * 86400
export const MAX_BODY_BYTES = 4096
export const MIN_ACCESS_TOKEN_LENGTH = 16

/** TEST-ONLY fixture for --dev (tests/fixtures/keys/dev-trtc-secret.json): sdkAppID 1400000001. */
export const DEV_SECRET_FILE = fileURLToPath(new URL('../../tests/fixtures/keys/dev-trtc-secret.json', import.meta.url))

function loadDevSecret(): { sdkAppID: number; secretKey: string } {
  try {
    const { sdkAppID, secretKey } = JSON.parse(readFileSync(DEV_SECRET_FILE, 'utf8')) as { sdkAppID: number; secretKey: string }
    assertSdkAppID(sdkAppID)
    assertSecretKey(secretKey)
    return { sdkAppID, secretKey }
  } catch (err) {
    throw new ConfigError(`--dev: cannot load the test secret ${DEV_SECRET_FILE}: ${(err as Error).message}`)
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
  }
}

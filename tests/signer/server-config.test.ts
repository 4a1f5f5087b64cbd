/** loadConfig: the environment contract of `npm run sign-server`, and its refusals. */
import { describe, expect, it } from 'vitest'
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError, loadConfig, MAX_EXPIRE } from '../../src/server/config'
import { originAllowed } from '../../src/server/cors'
import { devSecret } from './helpers'

const real = { TRTC_SDKAPPID: '1400000002', TRTC_SECRETKEY: 'test-only-secret-value' }
const refusal = (env: Record<string, string | undefined>, dev = false) => {
  try {
    loadConfig(env, { dev })
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError)
    return (err as Error).message
  }
  throw new Error('expected a ConfigError')
}

describe('loadConfig', () => {
  it('defaults: 127.0.0.1:8787, 1 day, no token, loopback CORS', () => {
    const config = loadConfig(real)
    expect(config).toMatchObject({ sdkAppID: 1400000002, secretKey: 'test-only-secret-value', host: '127.0.0.1', port: 8787, expire: 86400, devSecret: false })
    expect(config.accessToken).toBeUndefined()
    expect(originAllowed('http://localhost:5173', config.cors)).toBe(true)
    expect(originAllowed('http://127.0.0.1:8080', config.cors)).toBe(true)
    expect(originAllowed('http://192.168.1.5:5173', config.cors)).toBe(false)
    expect(originAllowed('http://localhost.evil.com', config.cors)).toBe(false)
  })

  it('refuses to start without a secret or an sdkAppID, saying what to set', () => {
    expect(refusal({ TRTC_SDKAPPID: '1400000002' })).toMatch(/refusing to start without a secret: set TRTC_SECRETKEY/)
    expect(refusal({ TRTC_SECRETKEY: 'x-secret' })).toMatch(/TRTC_SDKAPPID/)
    expect(refusal({ ...real, TRTC_SDKAPPID: '14e8' })).toMatch(/whole number/)
    expect(refusal({ ...real, TRTC_SDKAPPID: '0' })).toMatch(/TRTC_SDKAPPID must be an integer/)
  })

  it('reads the secret from TRTC_SECRETKEY_FILE (trimmed), and says when the file is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sign-config-'))
    writeFileSync(join(dir, 'key'), 'file-secret-value\n')
    chmodSync(join(dir, 'key'), 0o600)
    expect(loadConfig({ TRTC_SDKAPPID: '1', TRTC_SECRETKEY_FILE: join(dir, 'key') })).toMatchObject({ secretKey: 'file-secret-value', secretSource: `file ${join(dir, 'key')}`, warnings: [] })
    chmodSync(join(dir, 'key'), 0o644)
    expect(loadConfig({ TRTC_SDKAPPID: '1', TRTC_SECRETKEY_FILE: join(dir, 'key') }).warnings).toEqual([expect.stringMatching(/readable by other users \(mode 0644\); `chmod 600`/)])
    expect(refusal({ TRTC_SDKAPPID: '1', TRTC_SECRETKEY_FILE: join(dir, 'absent') })).toMatch(/cannot read the secretKey file named by TRTC_SECRETKEY_FILE \(ENOENT\)/)
    writeFileSync(join(dir, 'empty'), '\n')
    expect(refusal({ TRTC_SDKAPPID: '1', TRTC_SECRETKEY_FILE: join(dir, 'empty') })).toMatch(/file named by TRTC_SECRETKEY_FILE is empty/)
  })

  it('USERSIG_EXPIRE and PORT are bounded', () => {
    expect(loadConfig({ ...real, USERSIG_EXPIRE: '600', PORT: '0' })).toMatchObject({ expire: 600, port: 0 })
    expect(refusal({ ...real, USERSIG_EXPIRE: '59' })).toMatch(/USERSIG_EXPIRE must be between 60 and/)
    expect(refusal({ ...real, USERSIG_EXPIRE: String(MAX_EXPIRE + 1) })).toMatch(/USERSIG_EXPIRE/)
    expect(refusal({ ...real, USERSIG_EXPIRE: '1h' })).toMatch(/whole number/)
    expect(refusal({ ...real, PORT: '70000' })).toMatch(/PORT/)
  })

  it('ACCESS_TOKEN: empty is off, short is refused', () => {
    expect(loadConfig({ ...real, ACCESS_TOKEN: '' }).accessToken).toBeUndefined()
    expect(loadConfig({ ...real, ACCESS_TOKEN: 'a'.repeat(16) }).accessToken).toBe('a'.repeat(16))
    expect(refusal({ ...real, ACCESS_TOKEN: 'short' })).toMatch(/at least 16/)
  })

  it('CORS_ORIGINS (or CORS_ORIGIN): * or an exact list', () => {
    expect(loadConfig({ ...real, CORS_ORIGINS: '*' }).cors).toEqual({ kind: 'any' })
    const list = loadConfig({ ...real, CORS_ORIGINS: 'https://a.example, http://localhost:5173/' }).cors
    expect(originAllowed('https://a.example', list)).toBe(true)
    expect(originAllowed('http://localhost:5173', list)).toBe(true)
    expect(originAllowed('http://localhost:5174', list)).toBe(false)
    expect(originAllowed('http://127.0.0.1:4173', loadConfig({ ...real, CORS_ORIGIN: 'http://127.0.0.1:4173' }).cors)).toBe(true)
  })

  it('--dev without credentials uses the TEST-ONLY fixture (sdkAppID 1400000001) and any origin', () => {
    const config = loadConfig({}, { dev: true })
    expect(config).toMatchObject({ devSecret: true, sdkAppID: 1400000001, secretKey: devSecret.secretKey, secretSource: 'TEST-ONLY dev fixture' })
    expect(config.cors).toEqual({ kind: 'any' })
  })

  it('--dev with real credentials uses them; --dev is refused in production', () => {
    expect(loadConfig(real, { dev: true })).toMatchObject({ devSecret: false, sdkAppID: 1400000002 })
    expect(refusal({ TRTC_SDKAPPID: '1400000002' }, true)).toMatch(/without a secret/)
    expect(refusal({ NODE_ENV: 'production' }, true)).toMatch(/refused when NODE_ENV=production/)
  })
})

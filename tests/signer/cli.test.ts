/**
 * `trtc-sign` / `npm run sign`: spawned as users run it for the main flows, and driven in-process
 * (runCli) for the many input checks.
 */
import { describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { runCli } from '../../src/cli/run'
import { genUserSigV1, verifyUserSig, verifyUserSigV1 } from '../../src/index'
import { fixtureKey } from './helpers'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SECRET = 'test-only-cli-secret'
const run = promisify(execFile)

/** Spawns the CLI; resolves with stdout, stderr and the exit code. */
async function spawnCli(args: string[], env: Record<string, string> = {}, viaNpm = false) {
  const [cmd, argv] = viaNpm ? ['npm', ['run', '-s', 'sign', '--', ...args]] : [process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args]]
  try {
    const { stdout, stderr } = await run(cmd, argv, { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } })
    return { stdout, stderr, code: 0 }
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number }
    return { stdout: e.stdout, stderr: e.stderr, code: e.code }
  }
}

/** runCli in-process, capturing its output. */
function cli(args: string[], env: Record<string, string> = {}, stdin = '') {
  const out: string[] = []
  const err: string[] = []
  const code = runCli(args, env, { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: () => stdin })
  return { code, out: out.join('\n'), err: err.join('\n'), json: () => JSON.parse(out.join('\n')), error: () => JSON.parse(err.join('\n')).error }
}

describe('trtc-sign, spawned', () => {
  it('npm run -s sign -- usersig … prints {"userSig": …} with the secret from TRTC_SECRETKEY', async () => {
    const { stdout, code } = await spawnCli(['usersig', '--sdkappid', '1400000001', '--userid', 'alice', '--expire', '86400'], { TRTC_SECRETKEY: SECRET }, true)
    expect(code).toBe(0)
    const result = JSON.parse(stdout)
    expect(result).toMatchObject({ version: '2.0', sdkAppID: 1400000001, userID: 'alice', expire: 86400 })
    expect(verifyUserSig(result.userSig, SECRET, { userID: 'alice' })).toMatchObject({ valid: true, expire: 86400 })
  })

  it('privatemapkey then verify (stdin) round-trip; a wrong key exits 1', async () => {
    const made = await spawnCli(['privatemapkey', '--sdkappid', '1400000001', '--userid', 'bob', '--strroomid', 'room-7', '--privilege', '42'], { TRTC_SECRETKEY: SECRET })
    expect(made.code).toBe(0)
    const { privateMapKey } = JSON.parse(made.stdout)
    const good = await spawnCli(['verify', '--sig', privateMapKey], { TRTC_SECRETKEY: SECRET })
    expect(good.code).toBe(0)
    expect(JSON.parse(good.stdout)).toMatchObject({ hmacValid: true, valid: true, identifier: 'bob', privateMap: { strRoomID: 'room-7', privilege: 42, roomID: 0 } })
    const bad = await spawnCli(['verify', '--sig', privateMapKey], { TRTC_SECRETKEY: 'another-key' })
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.stdout)).toMatchObject({ hmacValid: false, valid: false, problems: ['HMAC does not match'] })
  })

  it('bad input exits 2 with a JSON error on stderr and nothing on stdout', async () => {
    const { stdout, stderr, code } = await spawnCli(['usersig', '--sdkappid', '1400000001', '--userid', 'a'.repeat(40)], { TRTC_SECRETKEY: SECRET })
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(JSON.parse(stderr).error).toMatchObject({ code: 'INVALID_USER_ID' })
  })
})

describe('trtc-sign, in-process', () => {
  const env = { TRTC_SECRETKEY: SECRET }

  it('never takes a key on the command line', () => {
    for (const flag of ['--secret=abc', '--secretkey', '--key', '--private-key=x', '--SecretKey']) {
      const r = cli(['usersig', flag, 'abc', '--sdkappid', '1', '--userid', 'a'], env)
      expect(r.code).toBe(2)
      expect(r.error().message).toMatch(/not accepted: a key on the command line leaks/)
      expect(r.out).toBe('')
    }
  })

  it('never prints a value that may be a key: a mistaken --secret-file, a stray argument, an unknown option or command', () => {
    const secret = 'f3e1c0ffee5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bf'
    const runs = [
      cli(['usersig', '--sdkappid', '1', '--userid', 'a', '--secret-file', secret], {}),
      cli(['usersig', '--sdkappid', '1', '--userid', 'a'], { TRTC_SECRETKEY_FILE: secret }),
      cli(['privatemapkey', '--v1', '--sdkappid', '1', '--userid', 'a', '--roomid', '1', '--private-key-file', secret], {}),
      cli(['usersig', '--sdkappid', '1', '--userid', 'a', secret], env),
      cli(['usersig', secret, '--sdkappid', '1', '--userid', 'a'], env),
      cli([secret], env),
      cli(['usersig', `--${secret}`, '--sdkappid', '1', '--userid', 'a'], env),
      cli(['usersig', '--sdkappid', '1', '--userid', 'a', `-${secret}`], env),
    ]
    for (const r of runs) {
      expect(r.code).toBe(2)
      expect(r.err + r.out).not.toContain(secret.slice(0, 12))
      expect(r.error().message.length).toBeGreaterThan(20)
    }
    expect(runs[0].error().message).toMatch(/cannot read the secretKey file named by --secret-file \(ENOENT\)/)
    expect(runs[1].error().message).toMatch(/named by TRTC_SECRETKEY_FILE/)
    expect(runs[2].error().message).toMatch(/named by --private-key-file/)
  })

  it('says what to set when no secret is configured', () => {
    const r = cli(['usersig', '--sdkappid', '1', '--userid', 'a'], {})
    expect(r.code).toBe(2)
    expect(r.error().message).toMatch(/TRTC_SECRETKEY or TRTC_SECRETKEY_FILE/)
  })

  it('reads the secret from --secret-file or TRTC_SECRETKEY_FILE, and sdkappid from TRTC_SDKAPPID', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trtc-sign-'))
    writeFileSync(join(dir, 'secret'), `${SECRET}\n`)
    const a = cli(['usersig', '--userid', 'a', '--secret-file', join(dir, 'secret')], { TRTC_SDKAPPID: '1400000003' })
    expect(verifyUserSig(a.json().userSig, SECRET, { sdkAppID: 1400000003 }).valid).toBe(true)
    const b = cli(['usersig', '--sdkappid', '7', '--userid', 'a'], { TRTC_SECRETKEY_FILE: join(dir, 'secret') })
    expect(verifyUserSig(b.json().userSig, SECRET).valid).toBe(true)
    expect(cli(['usersig', '--sdkappid', '7', '--userid', 'a'], { TRTC_SECRETKEY_FILE: join(dir, 'none') }).error().message).toMatch(/cannot read/)
  })

  it.each([
    [['usersig', '--userid', 'a'], /--sdkappid is required/],
    [['usersig', '--sdkappid', '1'], /--userid is required/],
    [['usersig', '--sdkappid', '1e9', '--userid', 'a'], /--sdkappid must be a whole number/],
    [['usersig', '--sdkappid', '1', '--userid', 'a', '--expire', '0'], /expire must be a positive/],
    [['usersig', '--sdkappid', '1', '--userid', 'a', '--bogus'], /unknown option at argument 6 .*options: --sdkappid/],
    [['privatemapkey', '--sdkappid', '1', '--userid', 'a'], /exactly one of --roomid and --strroomid/],
    [['privatemapkey', '--sdkappid', '1', '--userid', 'a', '--roomid', '1', '--strroomid', 'x'], /exactly one/],
    [['privatemapkey', '--sdkappid', '1', '--userid', 'a', '--roomid', '1', '--privilege', '256'], /8 known bits/],
    [['privatemapkey', '--sdkappid', '1', '--userid', 'a', '--roomid', 'abc'], /--roomid must be a whole number/],
    [['verify'], /--sig is required/],
    [['verify', '--sig', 'not*a*sig'], /zlib/],
    [['frobnicate'], /unknown command .*usersig, privatemapkey, verify, decode/],
    [['usersig', 'extra', '--sdkappid', '1', '--userid', 'a'], /unexpected extra argument at position 2/],
  ])('%j → exit 2 (%s)', (args, message) => {
    const r = cli(args as string[], env)
    expect(r.code).toBe(2)
    expect(r.error().message).toMatch(message)
  })

  it('--help prints the usage; no command prints it and exits 2', () => {
    expect(cli(['--help'], env)).toMatchObject({ code: 0 })
    expect(cli(['--help'], env).out).toMatch(/trtc-sign usersig/)
    expect(cli([], env)).toMatchObject({ code: 2, out: '' })
    expect(cli([], env).err).toMatch(/trtc-sign usersig/)
  })

  it('verify checks the expected userID and sdkAppID; decode needs no key', () => {
    const sig = cli(['usersig', '--sdkappid', '1400000001', '--userid', 'alice'], env).json().userSig
    expect(cli(['verify', '--sig', sig, '--userid', 'bob', '--sdkappid', '1400000002'], env)).toMatchObject({ code: 1 })
    expect(cli(['verify', '--sig', '-'], env, `${sig}\n`).json()).toMatchObject({ valid: true })
    expect(cli(['decode', '--sig', sig], {}).json()).toMatchObject({ version: '2.0', identifier: 'alice', sdkAppID: 1400000001, expire: 86400 })
  })

  it('--v1: ECDSA userSig / privateMapKey from a PEM file, verified with the public key file', () => {
    const keyEnv = {
      TRTC_PRIVATE_KEY_FILE: fileURLToPath(new URL('../fixtures/keys/v1-secp256k1-private.pem', import.meta.url)),
      TRTC_PUBLIC_KEY_FILE: fileURLToPath(new URL('../fixtures/keys/v1-secp256k1-public.pem', import.meta.url)),
    }
    const userSig = cli(['usersig', '--v1', '--sdkappid', '1400001052', '--userid', 'abc'], keyEnv).json().userSig
    expect(verifyUserSigV1(userSig, fixtureKey('v1-secp256k1-public.pem')).valid).toBe(true)
    const pmk = cli(['privatemapkey', '--v1', '--sdkappid', '1400001052', '--userid', 'abc', '--roomid', '1234'], keyEnv).json().privateMapKey
    const verified = cli(['verify', '--sig', pmk], keyEnv)
    expect(verified.code).toBe(0)
    expect(verified.json()).toMatchObject({ version: 'v1', signatureValid: true, privateMap: { roomID: 1234, privilege: 255 } })
    const foreign = genUserSigV1({ sdkAppID: 1, privateKey: fixtureKey('v1-p256-private.pem'), userID: 'x' })
    expect(cli(['verify', '--sig', foreign], keyEnv)).toMatchObject({ code: 1 })
    expect(cli(['usersig', '--v1', '--sdkappid', '1', '--userid', 'a'], {}).error().message).toMatch(/--private-key-file/)
  })
})

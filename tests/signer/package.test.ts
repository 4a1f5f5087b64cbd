/**
 * The acceptance test for the standalone signer package (src/package.json): `npm pack` in
 * src/ builds and packs it; in an empty folder `npm install <tarball>` (offline: it has no
 * dependencies) gives `npx trtc-sign` and `npx trtc-sign-server`, plain node, no tsx. Their output
 * is checked against the official tls-sig-api-v2 algorithm. The Dockerfile is checked statically
 * (no Docker engine here): non-root, health check, and a CMD that exists in the tarball.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { Api } from 'tls-sig-api-v2'
import { ROOM_ID_MAX } from '../../uni_modules/webrtc-room/core/room-id'
import { atClock, sigJson } from './helpers'

const SRC = fileURLToPath(new URL('../../src/', import.meta.url))
const run = promisify(execFile)
const SECRET = 'test-only-package-secret-0123456789'

let work: string
let app: string
let tarball: string
let packedFiles: string[]
const env = () => ({ PATH: process.env.PATH, HOME: process.env.HOME, npm_config_update_notifier: 'false' })

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'trtc-sign-pack-'))
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: SRC, env: env() })
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[]
  tarball = join(work, packed.filename)
  packedFiles = packed.files.map((f) => f.path)
  app = join(work, 'app')
  mkdirSync(app)
  await run('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund'], { cwd: app, env: env() })
}, 120_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

const npx = (args: string[], extra: Record<string, string> = {}) =>
  run('npx', ['--no', ...args], { cwd: app, env: { ...env(), ...extra } })

/** The official signer at the second our signature carries: byte-identical or not. */
const official = (sig: string, make: (api: Api) => string) => atClock((sigJson(sig)['TLS.time'] as number) * 1000, () => make(new Api(1400000001, SECRET)))

describe('signer package: npm pack → npm install <tarball> → npx', () => {
  it('the tarball holds compiled JS + .d.ts only, no dependencies, node ≥ 20', () => {
    expect(packedFiles).toContain('dist/src/index.js')
    expect(packedFiles).toContain('dist/src/index.d.ts')
    expect(packedFiles.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([])
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules/@webrtc-room/trtc-sign/package.json'), 'utf8'))
    expect(manifest.dependencies ?? {}).toEqual({})
    expect(manifest.engines.node).toBe('>=20')
    for (const bin of Object.values(manifest.bin) as string[]) expect(packedFiles).toContain(bin)
    // The installed folder holds this package and nothing else.
    expect(readFileSync(join(app, 'package-lock.json'), 'utf8').match(/"node_modules\//g)?.length).toBe(1)
  })

  it('npx trtc-sign usersig / privatemapkey sign exactly as tls-sig-api-v2', async () => {
    const { stdout } = await npx(['trtc-sign', 'usersig', '--sdkappid', '1400000001', '--userid', 'alice', '--expire', '3600'], { TRTC_SECRETKEY: SECRET })
    const { userSig } = JSON.parse(stdout)
    expect(userSig).toBe(official(userSig, (api) => api.genUserSig('alice', 3600)))
    const pmk = JSON.parse((await npx(['trtc-sign', 'privatemapkey', '--sdkappid', '1400000001', '--userid', 'bob', '--roomid', '42', '--privilege', '255', '--expire', '600'], { TRTC_SECRETKEY: SECRET })).stdout).privateMapKey
    expect(pmk).toBe(official(pmk, (api) => api.genPrivateMapKey('bob', 600, 42, 255)))
  })

  it('npx trtc-sign-server serves with TRTC_SDKAPPID / TRTC_SECRETKEY_FILE / HOST / PORT, and stops on SIGTERM', async () => {
    const keyFile = join(work, 'trtc.key')
    writeFileSync(keyFile, `${SECRET}\n`, { mode: 0o600 })
    const child = spawn('npx', ['--no', 'trtc-sign-server'], {
      cwd: app,
      env: { ...env(), TRTC_SDKAPPID: '1400000001', TRTC_SECRETKEY_FILE: keyFile, HOST: '127.0.0.1', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, signalled as a whole below
    })
    let out = ''
    child.stderr.on('data', (c) => (out += c))
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (c) => {
        out += c
        const match = /"msg":"listening".*?"port":(\d+)/.exec(out)
        if (match) resolve(Number(match[1]))
      })
      exited.then((code) => reject(new Error(`exited ${code}: ${out}`)))
    })
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200)
    const res = await fetch(`http://127.0.0.1:${port}/api/usersig`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userID: 'carol', roomID: ROOM_ID_MAX }) })
    const body = (await res.json()) as { userSig: string; privateMapKey: string; expireAt: number }
    expect(res.status).toBe(200)
    expect(body.userSig).toBe(official(body.userSig, (api) => api.genUserSig('carol', 86400)))
    expect(body.privateMapKey).toBe(official(body.privateMapKey, (api) => api.genPrivateMapKey('carol', 86400, ROOM_ID_MAX, 255)))
    const tooBig = await fetch(`http://127.0.0.1:${port}/api/usersig`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userID: 'carol', roomID: ROOM_ID_MAX + 1 }) })
    expect(tooBig.status).toBe(400)
    // npx runs the bin in a child: signal the whole group, as a process manager would.
    // npm itself may die of the signal; the server answers it with a clean stop (its pipes close last).
    const closed = new Promise((done) => child.on('close', done))
    process.kill(-child.pid!, 'SIGTERM')
    await closed
    expect(out).toMatch(/"msg":"stopped","outcome":"clean"/)
    expect(out).not.toContain(SECRET)
  })

  it('the library: require() and import() of the installed package, with the client\'s roomID range compiled in', async () => {
    const script = `
      const lib = require('@webrtc-room/trtc-sign')
      const server = require('@webrtc-room/trtc-sign/server')
      import('@webrtc-room/trtc-sign').then((esm) => {
        const sig = esm.genUserSig({ sdkAppID: 1400000001, secretKey: 'k', userID: 'u', expire: 60 })
        console.log(JSON.stringify({ max: lib.MAX_ROOM_ID, valid: lib.verifyUserSig(sig, 'k').valid, server: typeof server.createSignServer }))
      })`
    const { stdout } = await run(process.execPath, ['-e', script], { cwd: app, env: env() })
    expect(JSON.parse(stdout)).toEqual({ max: ROOM_ID_MAX, valid: true, server: 'function' })
  })
})

describe('src/Dockerfile (static checks; not built here)', () => {
  const dockerfile = readFileSync(join(SRC, 'Dockerfile'), 'utf8')
  const instructions = dockerfile.split('\n').filter((l) => /^[A-Z]+\s/.test(l))
  const last = (name: string) => instructions.filter((l) => l.startsWith(`${name} `)).at(-1) ?? ''

  it('runs on a small Node 20 base as the non-root node user, with a health check on /healthz', () => {
    expect(last('FROM')).toMatch(/^FROM node:20-(alpine|slim)/)
    expect(last('USER')).toBe('USER node')
    const lastFrom = instructions.map((l) => l.startsWith('FROM ')).lastIndexOf(true)
    expect(instructions.findIndex((l) => l.startsWith('USER '))).toBeGreaterThan(lastFrom)
    expect(dockerfile).toMatch(/HEALTHCHECK [\s\S]*\/healthz/)
    expect(dockerfile).not.toMatch(/TRTC_SECRETKEY=/) // the secret is given at run time, never baked in
  })

  it('its CMD is `node <file>` for a file the packed tarball holds', () => {
    const cmd = JSON.parse(last('CMD').slice(4)) as string[]
    expect(cmd[0]).toBe('node')
    expect(packedFiles).toContain(cmd[1])
  })

  it('copies only what exists, and its .dockerignore lets those paths through', () => {
    const ignore = readFileSync(join(SRC, 'Dockerfile.dockerignore'), 'utf8')
    for (const line of instructions.filter((l) => l.startsWith('COPY ') && !l.includes('--from'))) {
      const source = line.split(/\s+/)[1]
      expect(existsSync(join(SRC, '..', source))).toBe(true)
      expect(ignore).toContain(`!${source}`)
    }
  })
})

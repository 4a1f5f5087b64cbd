/**
 * The sign service on an ephemeral 127.0.0.1 port: the good path (checked by verifying what it
 * signs, and through the demo's own sign client) and every bad path, plus its logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { verifyUserSig } from '../../src/index'
import { createSignServer } from '../../src/server/app'
import { createLogger } from '../../src/server/logger'
import type { ServerConfig } from '../../src/server/config'
import { requestSignature, SignServiceError, type HttpPost } from '../../pages/shared/sign-client'
import { devSecret, testServerConfig } from './helpers'

const TOKEN = 'test-only-token-0123456789'
const baseConfig = testServerConfig({
  cors: { kind: 'list', origins: new Set(['http://localhost:5173']) },
  // These suites send many requests from one address; the rate limit has its own suite (server-limits.test.ts).
  limits: { rateBurst: 10_000 },
})

interface Running {
  url: string
  logs: string[]
  close(): Promise<void>
}

async function start(overrides: Partial<ServerConfig> = {}): Promise<Running> {
  const config = { ...baseConfig, ...overrides }
  const logs: string[] = []
  const server: Server = createSignServer(config, createLogger((line) => logs.push(line), [config.secretKey, config.accessToken ?? '']))
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    logs,
    close: () => new Promise((done) => server.close(() => done())),
  }
}

const json = { 'content-type': 'application/json' }
const post = (url: string, body: unknown, headers: Record<string, string> = json) =>
  fetch(`${url}/api/usersig`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) })

async function expectError(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  const body = (await response.json()) as { error: { code: string; message: string } }
  expect(body.error.code).toBe(code)
  expect(body.error.message.length).toBeGreaterThan(10)
  return body.error.message
}

/** Raw request, for bodies fetch will not send (lying Content-Length, chunked streams). */
function rawPost(url: string, chunks: string[], headers: Record<string, string>): Promise<{ status: number; body: string; connection?: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/api/usersig`, { method: 'POST', headers }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode!, body, connection: res.headers.connection }))
    })
    req.on('error', reject)
    for (const chunk of chunks) req.write(chunk)
    req.end()
  })
}

describe('sign service: good path', () => {
  let svc: Running
  beforeAll(async () => (svc = await start()))
  afterAll(() => svc.close())

  it('signs a userSig and a privateMapKey for a numeric room', async () => {
    const before = Math.floor(Date.now() / 1000)
    const response = await post(svc.url, { userID: 'alice', roomID: 1234, privilege: 42 })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const body = (await response.json()) as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual(['expireAt', 'privateMapKey', 'sdkAppID', 'userID', 'userSig'])
    expect(body).toMatchObject({ sdkAppID: 1400000001, userID: 'alice' })
    expect(body.expireAt).toBeGreaterThanOrEqual(before + 3600)
    expect(body.expireAt).toBeLessThanOrEqual(before + 3601)
    const sig = verifyUserSig(body.userSig as string, devSecret.secretKey, { userID: 'alice', sdkAppID: 1400000001 })
    expect(sig).toMatchObject({ valid: true, expire: 3600, expireAt: body.expireAt })
    const pmk = verifyUserSig(body.privateMapKey as string, devSecret.secretKey)
    expect(pmk.valid).toBe(true)
    expect(pmk.privateMap).toMatchObject({ userID: 'alice', roomID: 1234, privilege: 42, expireAt: body.expireAt })
  })

  it('string rooms, default privilege 255, and no privateMapKey without a room', async () => {
    const str = (await (await post(svc.url, { userID: 'bob_1', strRoomID: 'room-a' })).json()) as Record<string, string>
    expect(verifyUserSig(str.privateMapKey, devSecret.secretKey).privateMap).toMatchObject({ strRoomID: 'room-a', roomID: 0, privilege: 255 })
    const plain = (await (await post(svc.url, { userID: 'carol' })).json()) as Record<string, string>
    expect(plain.privateMapKey).toBeUndefined()
    expect(verifyUserSig(plain.userSig, devSecret.secretKey).valid).toBe(true)
  })

  it('answers the demo\'s own sign client (pages/shared/sign-client.ts)', async () => {
    const fetchPost: HttpPost = async (url, body) => {
      const response = await fetch(url, { method: 'POST', headers: json, body: JSON.stringify(body) })
      return { statusCode: response.status, data: await response.text() }
    }
    const result = await requestSignature(fetchPost, `${svc.url}/`, { userID: 'dave', roomID: 77 }, 1400000001)
    expect(result.userID).toBe('dave')
    expect(verifyUserSig(result.privateMapKey!, devSecret.secretKey).privateMap?.roomID).toBe(77)
    const err = await requestSignature(fetchPost, svc.url, { userID: 'not ok', roomID: 77 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(SignServiceError)
    expect(err).toMatchObject({ kind: 'http', status: 400, code: 'INVALID_USER_ID' })
  })

  it('GET /healthz', async () => {
    const response = await fetch(`${svc.url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true, sdkAppID: 1400000001 })
  })

  it('CORS: preflight and answers for an allowed origin', async () => {
    const preflight = await fetch(`${svc.url}/api/usersig`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type')
    const response = await post(svc.url, { userID: 'erin' }, { ...json, origin: 'http://localhost:5173' })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(response.headers.get('vary')).toBe('Origin')
  })

  it('logs one JSON line per request, without the secret or a full userSig', async () => {
    const body = (await (await post(svc.url, { userID: 'frank', roomID: 5 })).json()) as Record<string, string>
    const lines = svc.logs.map((line) => JSON.parse(line) as Record<string, unknown>)
    const entry = lines.find((l) => l.userID === 'frank')
    expect(entry).toMatchObject({ level: 'info', msg: 'request', method: 'POST', path: '/api/usersig', status: 200, roomID: 5 })
    expect(entry!.userSig).toMatch(/^eJ.{6}…\(\d+ chars\)$/)
    const all = svc.logs.join('\n')
    expect(all).not.toContain(devSecret.secretKey)
    expect(all).not.toContain(body.userSig)
    expect(all).not.toContain(body.privateMapKey)
    expect(all).not.toContain(body.userSig.slice(0, 40))
  })
})

describe('sign service: bad paths', () => {
  let svc: Running
  beforeAll(async () => (svc = await start()))
  afterAll(() => svc.close())

  it('bad JSON → 400 BAD_JSON', async () => {
    await expectError(await post(svc.url, '{"userID": "alice",'), 400, 'BAD_JSON')
    await expectError(await post(svc.url, ''), 400, 'BAD_JSON')
  })

  it('not an object → 400 BAD_REQUEST', async () => {
    await expectError(await post(svc.url, '[1,2]'), 400, 'BAD_REQUEST')
    await expectError(await post(svc.url, 'null'), 400, 'BAD_REQUEST')
  })

  it('missing userID → 400 INVALID_USER_ID', async () => {
    expect(await expectError(await post(svc.url, { roomID: 1 }), 400, 'INVALID_USER_ID')).toMatch(/required/)
    await expectError(await post(svc.url, { userID: '' }), 400, 'INVALID_USER_ID')
  })

  it.each([['spaces', 'al ice'], ['33 chars', 'a'.repeat(33)], ['CJK', '用户'], ['a number', 42], ['newline', 'a\nb'], ['slash', 'a/b']])(
    'invalid userID (%s) → 400 INVALID_USER_ID',
    async (_, userID) => {
      expect(await expectError(await post(svc.url, { userID }), 400, 'INVALID_USER_ID')).toMatch(/letters, digits/)
    },
  )

  it('invalid rooms and privileges → 400 with the field\'s code', async () => {
    await expectError(await post(svc.url, { userID: 'a', roomID: 0 }), 400, 'INVALID_ROOM_ID')
    await expectError(await post(svc.url, { userID: 'a', roomID: '1234' }), 400, 'INVALID_ROOM_ID')
    await expectError(await post(svc.url, { userID: 'a', roomID: 2 ** 32 }), 400, 'INVALID_ROOM_ID')
    // 4294967295 is past the client's range (one constant, uni_modules/webrtc-room/core/room-id.ts).
    await expectError(await post(svc.url, { userID: 'a', roomID: 4294967295 }), 400, 'INVALID_ROOM_ID')
    await expectError(await post(svc.url, { userID: 'a', strRoomID: 'x/y' }), 400, 'INVALID_ROOM_ID')
    await expectError(await post(svc.url, { userID: 'a', roomID: 1, strRoomID: 'r' }), 400, 'INVALID_ROOM_ID')
    await expectError(await post(svc.url, { userID: 'a', roomID: 1, privilege: 256 }), 400, 'INVALID_PRIVILEGE')
    await expectError(await post(svc.url, { userID: 'a', privilege: 255 }), 400, 'INVALID_PRIVILEGE')
  })

  it('oversized body → 413 (declared, and streamed without a length)', async () => {
    await expectError(await post(svc.url, { userID: 'a', pad: 'x'.repeat(5000) }), 413, 'BODY_TOO_LARGE')
    const streamed = await rawPost(svc.url, ['{"userID":"a","pad":"', 'x'.repeat(3000), 'x'.repeat(3000), '"}'], { ...json, 'transfer-encoding': 'chunked' })
    expect(streamed.status).toBe(413)
    expect(JSON.parse(streamed.body).error.code).toBe('BODY_TOO_LARGE')
  })

  it('wrong content type → 415', async () => {
    await expectError(await post(svc.url, '{"userID":"a"}', { 'content-type': 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE')
  })

  it('wrong method → 405 with Allow; wrong path → 404', async () => {
    const get = await fetch(`${svc.url}/api/usersig`)
    expect(get.headers.get('allow')).toBe('POST, OPTIONS')
    await expectError(get, 405, 'METHOD_NOT_ALLOWED')
    await expectError(await fetch(`${svc.url}/api/usersig`, { method: 'PUT', headers: json, body: '{}' }), 405, 'METHOD_NOT_ALLOWED')
    await expectError(await fetch(`${svc.url}/healthz`, { method: 'POST' }), 405, 'METHOD_NOT_ALLOWED')
    await expectError(await fetch(`${svc.url}/api/usersig2`, { method: 'POST', headers: json, body: '{}' }), 404, 'NOT_FOUND')
    await expectError(await fetch(`${svc.url}/`), 404, 'NOT_FOUND')
  })

  it('CORS: a foreign origin gets 403 for the preflight and the request, without CORS headers', async () => {
    const preflight = await fetch(`${svc.url}/api/usersig`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    await expectError(preflight, 403, 'FORBIDDEN_ORIGIN')
    const response = await post(svc.url, { userID: 'a' }, { ...json, origin: 'https://evil.example' })
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    await expectError(response, 403, 'FORBIDDEN_ORIGIN')
  })

  it('bad requests are logged as warnings with their code', () => {
    const warnings = svc.logs.map((l) => JSON.parse(l)).filter((l) => l.level === 'warn')
    expect(warnings.map((w) => w.error)).toEqual(expect.arrayContaining(['BAD_JSON', 'INVALID_USER_ID', 'BODY_TOO_LARGE', 'FORBIDDEN_ORIGIN', 'NOT_FOUND']))
  })
})

describe('sign service: ACCESS_TOKEN', () => {
  let svc: Running
  beforeAll(async () => (svc = await start({ accessToken: TOKEN })))
  afterAll(() => svc.close())

  it('missing or wrong token → 401 with a Bearer challenge; the right one signs', async () => {
    const missing = await post(svc.url, { userID: 'a' })
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/)
    expect(await expectError(missing, 401, 'UNAUTHORIZED')).toMatch(/missing/)
    expect(await expectError(await post(svc.url, { userID: 'a' }, { ...json, authorization: `Bearer ${TOKEN}x` }), 401, 'UNAUTHORIZED')).toMatch(/wrong/)
    await expectError(await post(svc.url, { userID: 'a' }, { ...json, authorization: TOKEN }), 401, 'UNAUTHORIZED')
    const ok = await post(svc.url, { userID: 'a' }, { ...json, authorization: `Bearer ${TOKEN}` })
    expect(ok.status).toBe(200)
    // Refused before the upload was read: the socket is closed instead of draining it.
    const refused = await rawPost(svc.url, ['{"userID":"a","pad":"', 'x'.repeat(3000)], { ...json, 'transfer-encoding': 'chunked' })
    expect(refused.status).toBe(401)
    expect(refused.connection).toBe('close')
    // The token is checked before the body is read: bad JSON with no token is still a 401.
    await expectError(await post(svc.url, '{nope'), 401, 'UNAUTHORIZED')
    expect(svc.logs.join('\n')).not.toContain(TOKEN)
  })

  it('the preflight and /healthz need no token', async () => {
    expect((await fetch(`${svc.url}/api/usersig`, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173' } })).status).toBe(204)
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200)
  })
})

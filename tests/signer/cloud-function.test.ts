/**
 * The uniCloud cloud function `webrtc-room-sign` as uniCloud runs it: the committed, generated
 * index.js is required in Node and its `main(event, context)` called with fake events. Signatures
 * are compared byte for byte with the official tls-sig-api-v2. Also: the file is not stale, the
 * secret comes from uni-config-center (or the environment) and never from the client, uni-id mode
 * signs only for the logged-in user, and the demo's uniCloud client reads its answers.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Api } from 'tls-sig-api-v2'
import { bundleCloudFunction, FUNCTION_DIR, FUNCTION_FILE, ROOT } from '../../scripts/build-cloud-function'
import { ROOM_ID_MAX } from '../../uni_modules/webrtc-room/core/room-id'
import { requestSignature, SignServiceError } from '../../pages/shared/sign-client'
import { cloudPost, CLOUD_SIGN_BASE, type CallFunction } from '../../pages/shared/cloud-sign-client'
import { atClock, sigJson } from './helpers'

const SECRET = 'test-only-cloud-secret-abcdef0123456789'
const SDKAPPID = 1400000007

type Main = (event: unknown, context?: unknown) => Promise<Record<string, unknown>>

/**
 * A fresh copy of the function (its own module instance) in a temp folder, with fake uniCloud
 * common modules in node_modules as uniCloud installs them: uni-config-center reading
 * `<pluginId>/config.json`, uni-id-common accepting the tokens `token:<uid>`.
 */
function loadFunction(options: { config?: Record<string, unknown>; uniId?: boolean } = {}): Main {
  const dir = mkdtempSync(join(tmpdir(), 'webrtc-room-sign-'))
  cpSync(join(ROOT, FUNCTION_DIR), dir, { recursive: true })
  if (options.config) {
    const center = join(dir, 'node_modules/uni-config-center')
    mkdirSync(join(center, 'webrtc-room-sign'), { recursive: true })
    writeFileSync(join(center, 'webrtc-room-sign/config.json'), JSON.stringify(options.config))
    writeFileSync(join(center, 'index.js'), "module.exports = ({ pluginId }) => ({ config: () => require('./' + pluginId + '/config.json') })\n")
  }
  if (options.uniId) {
    const uniId = join(dir, 'node_modules/uni-id-common')
    mkdirSync(uniId, { recursive: true })
    writeFileSync(
      join(uniId, 'index.js'),
      "exports.createInstance = ({ context }) => ({ checkToken: async (t) => (context && t.startsWith('token:') ? { errCode: 0, uid: t.slice(6) } : { errCode: 'uni-id-check-token-failed' }) })\n",
    )
  }
  return createRequire(join(dir, 'index.js'))(join(dir, 'index.js')).main as Main
}

/** tls-sig-api-v2 at the second our signature carries. */
const official = (sig: string, make: (api: Api) => string) => atClock((sigJson(sig)['TLS.time'] as number) * 1000, () => make(new Api(SDKAPPID, SECRET)))

const context = { APPID: '__UNI__TEST', PLATFORM: 'mp-weixin', CLIENTIP: '127.0.0.1' }

afterEach(() => vi.unstubAllEnvs())

describe('cloud function webrtc-room-sign', () => {
  it('index.js is generated from src/ and up to date (npm run build:cloud-function)', async () => {
    expect(readFileSync(join(ROOT, FUNCTION_FILE), 'utf8')).toBe(await bundleCloudFunction())
  })

  it('signs {sdkAppID, userID, userSig, expire} (+ privateMapKey for a room) exactly as tls-sig-api-v2, config from uni-config-center', async () => {
    const main = loadFunction({ config: { sdkAppID: SDKAPPID, secretKey: SECRET, expire: 7200 } })
    const plain = await main({ userID: 'alice' }, context)
    expect(plain).toMatchObject({ errCode: 0, sdkAppID: SDKAPPID, userID: 'alice', expire: 7200 })
    expect(plain.privateMapKey).toBeUndefined()
    expect(plain.userSig).toBe(official(plain.userSig as string, (api) => api.genUserSig('alice', 7200)))
    expect(plain.expireAt).toBe((sigJson(plain.userSig as string)['TLS.time'] as number) + 7200)

    const room = await main({ userID: 'bob', roomID: ROOM_ID_MAX, privilege: 42 }, context)
    expect(room.privateMapKey).toBe(official(room.privateMapKey as string, (api) => api.genPrivateMapKey('bob', 7200, ROOM_ID_MAX, 42)))
    const str = await main({ userID: 'bob', strRoomID: 'room-a' }, context)
    expect(str.privateMapKey).toBe(official(str.privateMapKey as string, (api) => api.genPrivateMapKeyWithStringRoomID('bob', 7200, 'room-a', 255)))
    for (const answer of [plain, room, str]) expect(JSON.stringify(answer)).not.toContain(SECRET)
  })

  it('falls back to TRTC_SDKAPPID / TRTC_SECRETKEY without uni-config-center; a secret in the event is ignored', async () => {
    vi.stubEnv('TRTC_SDKAPPID', String(SDKAPPID))
    vi.stubEnv('TRTC_SECRETKEY', SECRET)
    const main = loadFunction()
    const answer = await main({ userID: 'carol', secretKey: 'from-the-client', sdkAppID: 1 }, context)
    expect(answer).toMatchObject({ errCode: 0, sdkAppID: SDKAPPID, expire: 86400 })
    expect(answer.userSig).toBe(official(answer.userSig as string, (api) => api.genUserSig('carol', 86400)))
  })

  it.each([
    [{}, 'INVALID_USER_ID'],
    [{ userID: 'not ok' }, 'INVALID_USER_ID'],
    [{ userID: 'a'.repeat(33) }, 'INVALID_USER_ID'],
    [{ userID: 'a', roomID: 0 }, 'INVALID_ROOM_ID'],
    [{ userID: 'a', roomID: ROOM_ID_MAX + 1 }, 'INVALID_ROOM_ID'],
    [{ userID: 'a', roomID: '12' }, 'INVALID_ROOM_ID'],
    [{ userID: 'a', roomID: 1, strRoomID: 'x' }, 'INVALID_ROOM_ID'],
    [{ userID: 'a', roomID: 1, privilege: 256 }, 'INVALID_PRIVILEGE'],
    [{ userID: 'a', privilege: 1 }, 'INVALID_PRIVILEGE'],
    ['just a string', 'BAD_REQUEST'],
  ])('bad event %j → {errCode: %s, errMsg}', async (event, code) => {
    const main = loadFunction({ config: { sdkAppID: SDKAPPID, secretKey: SECRET } })
    const answer = await main(event, context)
    expect(answer.errCode).toBe(code)
    expect(String(answer.errMsg).length).toBeGreaterThan(10)
    expect(answer.userSig).toBeUndefined()
  })

  it('not configured (or badly): errCode CONFIG to the caller, the reason in the log, never the secret', async () => {
    const errors: string[] = []
    const spy = vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(m))
    try {
      expect(await loadFunction()({ userID: 'a' }, context)).toMatchObject({ errCode: 'CONFIG' })
      expect(errors.at(-1)).toMatch(/uni-config-center\/webrtc-room-sign\/config.json/)
      const bad = await loadFunction({ config: { sdkAppID: SDKAPPID, secretKey: ` ${SECRET}\n` } })({ userID: 'a' }, context)
      expect(bad).toMatchObject({ errCode: 'CONFIG' })
      expect(errors.at(-1)).toMatch(/whitespace/)
      expect(await loadFunction({ config: { sdkAppID: SDKAPPID, secretKey: SECRET, expire: 10 } })({ userID: 'a' }, context)).toMatchObject({ errCode: 'CONFIG' })
      expect(await loadFunction({ config: { sdkAppID: SDKAPPID, secretKey: SECRET, userIDFrom: 'anyone' } })({ userID: 'a' }, context)).toMatchObject({ errCode: 'CONFIG' })
      expect(errors.join('\n')).not.toContain(SECRET)
    } finally {
      spy.mockRestore()
    }
  })

  it('userIDFrom "uni-id": signs only for the logged-in user (uni-id-common checkToken)', async () => {
    const main = loadFunction({ config: { sdkAppID: SDKAPPID, secretKey: SECRET, userIDFrom: 'uni-id' }, uniId: true })
    const uid = '65f0c0ffee0123456789abcd'
    const mine = await main({ uniIdToken: `token:${uid}`, roomID: 9 }, context)
    expect(mine).toMatchObject({ errCode: 0, userID: uid })
    expect(mine.userSig).toBe(official(mine.userSig as string, (api) => api.genUserSig(uid, 86400)))
    expect(await main({ uniIdToken: `token:${uid}`, userID: uid }, context)).toMatchObject({ errCode: 0, userID: uid })
    expect(await main({ uniIdToken: `token:${uid}`, userID: 'someone-else' }, context)).toMatchObject({ errCode: 'FORBIDDEN_USER_ID' })
    expect(await main({ userID: uid }, context)).toMatchObject({ errCode: 'UNAUTHORIZED' })
    expect(await main({ uniIdToken: 'forged' }, context)).toMatchObject({ errCode: 'UNAUTHORIZED' })
    // Without uni-id-common installed, uni-id mode refuses rather than trusting the event.
    const without = loadFunction({ config: { sdkAppID: SDKAPPID, secretKey: SECRET, userIDFrom: 'uni-id' } })
    expect(await without({ uniIdToken: `token:${uid}`, userID: uid }, context)).toMatchObject({ errCode: 'UNAUTHORIZED' })
  })

  it('the demo\'s uniCloud client (pages/shared/cloud-sign-client.ts) gets a SignResult, and shows its errors', async () => {
    const main = loadFunction({ config: { sdkAppID: SDKAPPID, secretKey: SECRET } })
    const calls: string[] = []
    const callFunction: CallFunction = async ({ name, data }) => (calls.push(name), { result: await main(data, context) })
    const result = await requestSignature(cloudPost(callFunction), CLOUD_SIGN_BASE, { userID: 'dave', roomID: 77 }, SDKAPPID)
    expect(calls).toEqual(['webrtc-room-sign'])
    expect(result).toMatchObject({ sdkAppID: SDKAPPID, userID: 'dave' })
    expect(result.privateMapKey).toBe(official(result.privateMapKey!, (api) => api.genPrivateMapKey('dave', 86400, 77, 255)))
    const err = await requestSignature(cloudPost(callFunction), CLOUD_SIGN_BASE, { userID: 'not ok', roomID: 77 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(SignServiceError)
    expect(err).toMatchObject({ kind: 'http', status: 400, code: 'INVALID_USER_ID' })
    const mismatch = await requestSignature(cloudPost(callFunction), CLOUD_SIGN_BASE, { userID: 'dave', roomID: 77 }, 1400000001).catch((e: unknown) => e)
    expect(mismatch).toMatchObject({ kind: 'sdkappid_mismatch' })
  })
})

/**
 * Hostile input never crashes anything: the request parser answers a typed 4xx or a valid request,
 * the decoders a SignError or fields, the sign service never a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { deflateSync } from 'node:zlib'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { decodeUserSig, SignError, verifyUserSig, verifyUserSigV1 } from '../../src/index'
import { parseSignRequest } from '../../src/server/sign-request'
import { HttpError } from '../../src/server/http-error'
import { createSignServer } from '../../src/server/app'
import { createLogger } from '../../src/server/logger'
import { devSecret, fixtureKey } from './helpers'

const tlsPack = (text: string) => deflateSync(Buffer.from(text)).toString('base64').replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_')
/** JSON objects shaped like signatures: the real keys with arbitrary values, plus noise. */
const sigLikeJson = fc.dictionary(
  fc.constantFrom('TLS.ver', 'TLS.identifier', 'TLS.sdkappid', 'TLS.sdk_appid', 'TLS.time', 'TLS.expire', 'TLS.expire_after', 'TLS.sig', 'TLS.userbuf', 'TLS.account_type', 'TLS.appid_at_3rd', 'x'),
  fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant('2.0'), fc.constant(null), fc.boolean(), fc.base64String()),
)

describe('fuzz', () => {
  it('parseSignRequest: any JSON value → a request or an HttpError 400', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ userID: fc.oneof(fc.string(), fc.jsonValue()), roomID: fc.jsonValue(), strRoomID: fc.jsonValue(), privilege: fc.jsonValue() }, { requiredKeys: [] })), (body) => {
        try {
          const request = parseSignRequest(body)
          expect(request.userID).toMatch(/^[A-Za-z0-9_-]{1,32}$/)
          expect(request.privilege).toBeGreaterThanOrEqual(0)
        } catch (err) {
          expect(err).toBeInstanceOf(HttpError)
          expect((err as HttpError).status).toBe(400)
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('decoders and verifiers: any string or sig-shaped JSON → fields or a SignError', () => {
    const publicKey = fixtureKey('v1-secp256k1-public.pem')
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.base64String(), sigLikeJson.map((o) => tlsPack(JSON.stringify(o)))), (sig) => {
        for (const run of [() => decodeUserSig(sig), () => verifyUserSig(sig, 'k'), () => verifyUserSigV1(sig, publicKey)]) {
          try {
            run()
          } catch (err) {
            expect(err).toBeInstanceOf(SignError)
          }
        }
      }),
      { numRuns: 1000 },
    )
  })

  describe('sign service', () => {
    let server: Server
    let url: string
    beforeAll(async () => {
      const config = { sdkAppID: devSecret.sdkAppID, secretKey: devSecret.secretKey, secretSource: 'test', expire: 600, host: '127.0.0.1', port: 0, cors: { kind: 'any' as const }, maxBodyBytes: 4096, devSecret: false }
      server = createSignServer(config, createLogger(() => {}, [config.secretKey]))
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    })
    afterAll(() => new Promise<void>((done) => server.close(() => done())))

    it('any body → 200 or a JSON 4xx, never a 5xx', async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null')), async (body) => {
          const response = await fetch(`${url}/api/usersig`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
          expect(response.status === 200 || (response.status >= 400 && response.status < 500)).toBe(true)
          const answer = (await response.json()) as { error?: { code: string } }
          if (response.status !== 200) expect(typeof answer.error?.code).toBe('string')
        }),
        { numRuns: 150 },
      )
    })
  })
})

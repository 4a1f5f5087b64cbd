import { describe, expect, it, vi } from 'vitest'
import { SignServiceError, parseSignResponse, requestSignature, signEndpoint, type HttpPost } from '../../pages/shared/sign-client'

const answer = { sdkAppID: 1400000001, userID: 'alice', userSig: 'eJw-sig', privateMapKey: 'eJw-pmk', expireAt: 1900000000 }

async function caught(p: Promise<unknown>): Promise<SignServiceError> {
  const err = await p.then(() => null, (e: unknown) => e)
  expect(err).toBeInstanceOf(SignServiceError)
  return err as SignServiceError
}

describe('sign client', () => {
  it('posts userID, roomID and the full privilege to {base}/api/usersig', async () => {
    const post = vi.fn<HttpPost>(async () => ({ statusCode: 200, data: answer }))
    const result = await requestSignature(post, 'http://127.0.0.1:8787/', { userID: 'alice', roomID: 1234 })
    expect(post).toHaveBeenCalledWith('http://127.0.0.1:8787/api/usersig', { userID: 'alice', roomID: 1234, privilege: 255 }, undefined)
    expect(result).toEqual(answer)
    expect(signEndpoint('https://a.b/base//')).toBe('https://a.b/base/api/usersig')
  })

  it("sends the service's access token as a bearer token, and shows its refusal", async () => {
    const post = vi.fn<HttpPost>(async () => ({ statusCode: 200, data: answer }))
    await requestSignature(post, 'http://h', { userID: 'alice', roomID: 1 }, null, 'tok-123')
    expect(post.mock.calls[0][2]).toEqual({ authorization: 'Bearer tok-123' })
    const refused: HttpPost = async () => ({ statusCode: 401, data: { error: { code: 'UNAUTHORIZED', message: 'missing Authorization: Bearer <ACCESS_TOKEN>' } } })
    const err = await caught(requestSignature(refused, 'http://h', { userID: 'alice', roomID: 1 }))
    expect(err).toMatchObject({ kind: 'http', status: 401, code: 'UNAUTHORIZED' })
  })

  it("keeps the service's JSON error: status, code and message", async () => {
    const post: HttpPost = async () => ({ statusCode: 400, data: { error: { code: 'invalid_user_id', message: 'userID must be 1-32 chars' } } })
    const err = await caught(requestSignature(post, 'http://h', { userID: 'alice', roomID: 1 }))
    expect(err).toMatchObject({ kind: 'http', status: 400, code: 'invalid_user_id', message: 'userID must be 1-32 chars' })
  })

  it('accepts a JSON body delivered as text, and names a non-JSON error by its status', () => {
    expect(parseSignResponse(200, JSON.stringify(answer)).userSig).toBe('eJw-sig')
    expect(() => parseSignResponse(502, '<html>Bad gateway</html>')).toThrowError(/HTTP 502/)
  })

  it('maps a transport failure to a network error with the reason', async () => {
    const post: HttpPost = async () => { throw new Error('request:fail net::ERR_CONNECTION_REFUSED') }
    const err = await caught(requestSignature(post, 'http://h', { userID: 'alice', roomID: 1 }))
    expect(err).toMatchObject({ kind: 'network', message: 'POST http://h/api/usersig: request:fail net::ERR_CONNECTION_REFUSED' })
  })

  it.each([
    [{ ...answer, userSig: '' }, /userSig/],
    [{ ...answer, sdkAppID: 'x' }, /sdkAppID/],
    [{ ...answer, expireAt: undefined }, /expireAt/],
    ['not json', /JSON/],
  ])('rejects an incomplete answer %#', (data, message) => {
    expect(() => parseSignResponse(200, data)).toThrowError(message)
  })

  it('refuses a signature for another sdkAppID or userID', async () => {
    const post: HttpPost = async () => ({ statusCode: 200, data: answer })
    const mismatch = await caught(requestSignature(post, 'http://h', { userID: 'alice', roomID: 1 }, 1400000002))
    expect(mismatch.kind).toBe('sdkappid_mismatch')
    const other = await caught(requestSignature(post, 'http://h', { userID: 'bob', roomID: 1 }))
    expect(other).toMatchObject({ kind: 'bad_response', message: expect.stringContaining('alice') })
  })

  it('drops an empty privateMapKey', () => {
    expect(parseSignResponse(200, { ...answer, privateMapKey: '' }).privateMapKey).toBeUndefined()
  })
})

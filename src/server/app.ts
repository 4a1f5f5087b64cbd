/**
 * The HTTP sign service on plain node:http:
 *   POST /api/usersig {userID, roomID?|strRoomID?, privilege?} → {sdkAppID, userID, userSig, privateMapKey?, expireAt}
 *   GET  /healthz → {ok: true, sdkAppID}
 * Every answer is JSON; every failure `{"error": {"code", "message"}}` with a 4xx status.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createHash, timingSafeEqual } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { createV2Signer } from '../usersig-v2'
import { signPrivateMapKey } from '../private-map-key'
import type { ServerConfig } from './config'
import { corsHeaders, originAllowed, PREFLIGHT_HEADERS } from './cors'
import { HttpError } from './http-error'
import { readJsonBody, sendJson } from './http-json'
import { sigPreview, type LogFields, type Logger } from './logger'
import { parseSignRequest } from './sign-request'

export const SIGN_PATH = '/api/usersig'
export const HEALTH_PATH = '/healthz'

const digest = (text: string) => createHash('sha256').update(text).digest()

/** Constant-time check of `Authorization: Bearer <token>` (hashing first hides the length too). */
function checkBearer(req: IncomingMessage, token: string): void {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')
  const challenge = { 'www-authenticate': 'Bearer realm="trtc-sign"' }
  if (!match) throw new HttpError(401, 'UNAUTHORIZED', 'missing Authorization: Bearer <ACCESS_TOKEN>', challenge)
  if (!timingSafeEqual(digest(match[1]), digest(token))) throw new HttpError(401, 'UNAUTHORIZED', 'wrong access token', challenge)
}

export function createSignHandler(config: ServerConfig, logger: Logger): (req: IncomingMessage, res: ServerResponse) => void {
  const signer = createV2Signer({ sdkAppID: config.sdkAppID, secretKey: config.secretKey })
  const expectedToken = config.accessToken

  async function route(req: IncomingMessage, res: ServerResponse, fields: LogFields, cors: Record<string, string>): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]
    if (path === HEALTH_PATH) {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${path} takes GET`, { allow: 'GET, HEAD' })
      return sendJson(res, 200, { ok: true, sdkAppID: config.sdkAppID }, cors)
    }
    if (path !== SIGN_PATH) throw new HttpError(404, 'NOT_FOUND', `no route ${path}; the service answers POST ${SIGN_PATH} and GET ${HEALTH_PATH}`)
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, ...PREFLIGHT_HEADERS })
      return void res.end()
    }
    if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${SIGN_PATH} takes POST`, { allow: 'POST, OPTIONS' })
    if (expectedToken) checkBearer(req, expectedToken)

    const request = parseSignRequest(await readJsonBody(req, config.maxBodyBytes))
    const now = Date.now()
    const expireAt = Math.floor(now / 1000) + config.expire
    const userSig = signer.genUserSig(request.userID, config.expire, { now })
    const privateMapKey = request.room
      ? signPrivateMapKey(signer, { ...request.room, userID: request.userID, expire: config.expire, privilege: request.privilege, now })
      : undefined
    Object.assign(fields, { userID: request.userID, ...request.room, userSig: sigPreview(userSig) })
    sendJson(res, 200, { sdkAppID: config.sdkAppID, userID: request.userID, userSig, ...(privateMapKey ? { privateMapKey } : {}), expireAt }, cors)
  }

  return (req, res) => {
    const started = performance.now()
    const fields: LogFields = { method: req.method, path: (req.url ?? '/').split('?')[0] }
    const origin = req.headers.origin
    let cors: Record<string, string> = {}
    const finish = (status: number, error?: HttpError) => {
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info'
      logger.log(level, 'request', { ...fields, status, ms: Math.round((performance.now() - started) * 10) / 10, ...(error ? { error: error.code } : {}) })
    }
    const run = async () => {
      if (origin !== undefined) {
        // A page from an origin we do not serve gets no signature (and could not read one anyway).
        if (!originAllowed(origin, config.cors)) throw new HttpError(403, 'FORBIDDEN_ORIGIN', `origin ${origin} is not in CORS_ORIGINS`)
        cors = corsHeaders(origin)
        fields.origin = origin
      }
      await route(req, res, fields, cors)
    }
    run().then(
      () => finish(res.statusCode),
      (err: unknown) => {
        const httpError = err instanceof HttpError ? err : new HttpError(500, 'INTERNAL', 'the sign service failed; see its log')
        if (!(err instanceof HttpError)) logger.log('error', 'unexpected failure', { error: err instanceof Error ? err.message : String(err) })
        // Refused before its body was read: close rather than drain an unwanted upload on a kept-alive socket.
        const close: Record<string, string> = req.complete ? {} : { connection: 'close' }
        if (!res.headersSent) sendJson(res, httpError.status, { error: { code: httpError.code, message: httpError.message } }, { ...cors, ...close, ...httpError.headers })
        finish(httpError.status, httpError)
      },
    )
  }
}

export function createSignServer(config: ServerConfig, logger: Logger): Server {
  const server = createServer(createSignHandler(config, logger))
  // Slow or stuck clients must not hold sockets open.
  server.requestTimeout = 10_000
  server.headersTimeout = 5_000
  server.keepAliveTimeout = 5_000
  return server
}

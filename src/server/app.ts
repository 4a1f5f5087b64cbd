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
import { DEFAULT_LIMITS, type ServerConfig, type ServiceLimits } from './config'
import { guardConnections } from './connection-guard'
import { createRateLimiter } from './rate-limit'
import { corsHeaders, originAllowed, PREFLIGHT_HEADERS } from './cors'
import { HttpError } from './http-error'
import { readJsonBody, sendJson } from './http-json'
import { sigPreview, type LogFields, type Logger } from './logger'
import { parseSignRequest, signRequest } from './sign-request'

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

/** The client a rate limit counts: the peer address, or the hop your proxy appended to X-Forwarded-For. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? req.headers['x-forwarded-for'] : undefined
  const hops = typeof forwarded === 'string' ? forwarded.split(',').map((hop) => hop.trim()).filter(Boolean) : []
  return hops.length ? hops[hops.length - 1] : (req.socket.remoteAddress ?? 'unknown')
}

export const limitsOf = (config: ServerConfig): ServiceLimits => ({ ...DEFAULT_LIMITS, ...config.limits })

/** Shared between a server and its handler: set once shutdown begins. */
interface Lifecycle {
  closing: boolean
  /** Responses not yet finished, so shutdown can ask each to close its socket. */
  inFlight: Set<ServerResponse>
}

const newLifecycle = (): Lifecycle => ({ closing: false, inFlight: new Set() })

export function createSignHandler(config: ServerConfig, logger: Logger, lifecycle: Lifecycle = newLifecycle()): (req: IncomingMessage, res: ServerResponse) => void {
  const signer = createV2Signer({ sdkAppID: config.sdkAppID, secretKey: config.secretKey })
  const expectedToken = config.accessToken
  const limits = limitsOf(config)
  const limiter = limits.rateBurst > 0 ? createRateLimiter({ burst: limits.rateBurst, perMinute: limits.ratePerMinute }) : null

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
    const { userSig, privateMapKey, expireAt } = signRequest(signer, request, config.expire)
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
    // Shutting down: answer, then close the socket instead of keeping it alive.
    if (lifecycle.closing) res.setHeader('connection', 'close')
    lifecycle.inFlight.add(res)
    res.once('close', () => lifecycle.inFlight.delete(res))
    const run = async () => {
      // /healthz stays free: a container's health probe must not be starved by a flood.
      if (limiter && fields.path !== HEALTH_PATH) {
        const decision = limiter.take(clientAddress(req, limits.trustProxy), performance.now())
        if (!decision.ok) {
          const wait = String(decision.retryAfterSeconds)
          throw new HttpError(429, 'RATE_LIMITED', `too many requests from this client; retry after ${wait} s`, { 'retry-after': wait })
        }
      }
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

const servers = new WeakMap<Server, { lifecycle: Lifecycle; limits: ServiceLimits }>()

/**
 * The service on node:http with its abuse limits (config.limits): per-client rate limit, a cap on
 * open connections that sheds idle sockets first, and header / request / keep-alive timeouts that
 * fire on time (Node checks the first two only every `connectionsCheckingInterval`, 30 s by
 * default, so the interval is set to a fraction of the shortest timeout).
 */
export function createSignServer(config: ServerConfig, logger: Logger): Server {
  const limits = limitsOf(config)
  const lifecycle = newLifecycle()
  const shortest = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs)
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(shortest / 10))),
    },
    createSignHandler(config, logger, lifecycle),
  )
  // Also as properties: the createServer options for these arrived across Node 18.x releases.
  server.headersTimeout = limits.headersTimeoutMs
  server.requestTimeout = limits.requestTimeoutMs
  server.keepAliveTimeout = limits.keepAliveTimeoutMs
  let lastShedLog = -Infinity // performance.now() starts near 0 in a fresh process: the first shed always logs
  guardConnections(server, {
    maxConnections: limits.maxConnections,
    keepAliveTimeoutMs: limits.keepAliveTimeoutMs,
    onShed: (what) => {
      // One warning per second at most: a flood must not become a flood of log lines.
      const now = performance.now()
      if (now - lastShedLog < 1000) return
      lastShedLog = now
      logger.log('warn', 'connection cap reached', { maxConnections: limits.maxConnections, shed: what })
    },
  })
  servers.set(server, { lifecycle, limits })
  return server
}

/**
 * Graceful stop: no new connections, idle keep-alive sockets closed at once, requests in flight
 * answered with `Connection: close`; after `shutdownTimeoutMs` the rest is cut. Resolves with
 * whether it had to cut.
 */
export function stopSignServer(server: Server): Promise<'clean' | 'forced'> {
  const entry = servers.get(server)
  const timeoutMs = entry?.limits.shutdownTimeoutMs ?? DEFAULT_LIMITS.shutdownTimeoutMs
  return new Promise((resolve) => {
    let outcome: 'clean' | 'forced' = 'clean'
    const force = setTimeout(() => {
      outcome = 'forced'
      server.closeAllConnections()
    }, timeoutMs)
    force.unref()
    // A socket whose request finishes during shutdown becomes idle: close it then, not at keepAliveTimeout.
    const closeWhenDone = (res: ServerResponse) => {
      if (!res.headersSent) res.setHeader('connection', 'close')
      res.once('close', () => setImmediate(() => server.closeIdleConnections()))
    }
    const onRequest = (_req: IncomingMessage, res: ServerResponse) => closeWhenDone(res)
    if (entry) {
      entry.lifecycle.closing = true
      entry.lifecycle.inFlight.forEach(closeWhenDone)
    }
    server.on('request', onRequest)
    server.close(() => {
      clearTimeout(force)
      server.off('request', onRequest)
      resolve(outcome)
    })
    server.closeIdleConnections()
  })
}

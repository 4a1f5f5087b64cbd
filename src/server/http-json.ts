/** Reading a bounded JSON body and writing JSON answers, on plain node:http. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { HttpError } from './http-error'

/**
 * Resolves the parsed body. Refuses a non-JSON content type (415), more than `limit` bytes (413,
 * checked on Content-Length first and again while streaming) and unparsable text (400).
 */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  if (type !== 'application/json') {
    return Promise.reject(new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as JSON with Content-Type: application/json'))
  }
  const tooLarge = () => new HttpError(413, 'BODY_TOO_LARGE', `request body is larger than ${limit} bytes`, { connection: 'close' })
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    req.resume() // Drain without buffering; the answer closes the connection.
    return Promise.reject(tooLarge())
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const settle = (fn: () => void) => {
      if (!settled) {
        settled = true
        fn()
      }
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.removeAllListeners('data')
        req.resume()
        settle(() => reject(tooLarge()))
      } else {
        chunks.push(chunk)
      }
    })
    req.on('error', () => settle(() => reject(new HttpError(400, 'BAD_REQUEST', 'the request body could not be read'))))
    req.on('end', () =>
      settle(() => {
        const text = Buffer.concat(chunks).toString('utf8')
        try {
          resolve(JSON.parse(text))
        } catch {
          reject(new HttpError(400, 'BAD_JSON', 'the request body is not valid JSON'))
        }
      }),
    )
  })
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    // Signatures are credentials: no cache may keep them.
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  })
  res.end(text)
}

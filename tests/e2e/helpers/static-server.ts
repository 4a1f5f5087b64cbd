/**
 * Serves the built H5 demo (dist/build/h5) on 127.0.0.1 for the browser tests: plain files,
 * index.html for everything else (the app routes by hash anyway). Port 0 = the OS picks a free one.
 */
import { createServer, type Server } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

export interface RunningServer {
  url: string
  close(): Promise<void>
}

export async function serveStatic(rootDir: string, host = '127.0.0.1', port = 0): Promise<RunningServer> {
  const root = resolve(rootDir)
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const candidate = normalize(join(root, pathname))
    const inside = candidate === root || candidate.startsWith(root + sep)
    let file = inside ? candidate : join(root, 'index.html')
    try {
      if (!(await stat(file)).isFile()) file = join(root, 'index.html')
    } catch {
      file = join(root, 'index.html')
    }
    try {
      const body = await readFile(file)
      res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
      res.end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(port, host, () => ok())
  })
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('static server has no TCP address')
  return {
    url: `http://${host}:${address.port}`,
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections()
      server.close(() => ok())
    }),
  }
}

#!/usr/bin/env node
/**
 * `trtc-sign-server` (`npm run sign-server` in the repo): the HTTP sign service. Configuration from the environment (src/README.md);
 * `--dev` signs with the TEST-ONLY throwaway secret when none is configured.
 */
import { isIP } from 'node:net'
import type { AddressInfo } from 'node:net'
import { ConfigError, loadConfig } from './server/config'
import { createSignServer, limitsOf, stopSignServer } from './server/app'
import { describeCorsPolicy } from './server/cors'
import { createLogger } from './server/logger'

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'))
}

function main(): void {
  const args = process.argv.slice(2)
  const unknown = args.filter((arg) => arg !== '--dev')
  if (unknown.length) {
    // The argument itself is not echoed: it may be a key typed in the wrong place.
    process.stderr.write(`sign-server: unexpected argument #${args.indexOf(unknown[0]) + 1} (not shown; only --dev is accepted — configuration comes from the environment, see README.md)\n`)
    process.exit(2)
  }
  let config
  try {
    config = loadConfig(process.env, { dev: args.includes('--dev') })
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    process.stderr.write(`sign-server: ${err.message}\n`)
    process.exit(1)
  }
  const logger = createLogger((line) => process.stdout.write(`${line}\n`), [config.secretKey, ...(config.accessToken ? [config.accessToken] : [])])
  if (config.devSecret) {
    const banner = '!'.repeat(78)
    process.stderr.write(
      `${banner}\n!! DEV MODE: signing with the TEST-ONLY throwaway secret (sdkAppID ${config.sdkAppID}).\n` +
        '!! These signatures are NOT valid for real TRTC. For a real app set TRTC_SDKAPPID and\n' +
        `!! TRTC_SECRETKEY (or TRTC_SECRETKEY_FILE) and run \`npm run sign-server\`.\n${banner}\n`,
    )
    logger.log('warn', 'dev mode: TEST-ONLY secret, signatures are not valid for real TRTC', { sdkAppID: config.sdkAppID })
  }
  for (const warning of config.warnings ?? []) logger.log('warn', warning)
  if (!isLoopback(config.host) && !config.accessToken) {
    logger.log('warn', 'listening beyond loopback without ACCESS_TOKEN: anyone who reaches this port can get signatures', { host: config.host })
  }

  const server = createSignServer(config, logger)
  server.on('error', (err: NodeJS.ErrnoException) => {
    logger.log('error', 'cannot listen', { host: config.host, port: config.port, error: err.code ?? err.message })
    process.exit(1)
  })
  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo
    logger.log('info', 'listening', {
      url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
      port,
      sdkAppID: config.sdkAppID,
      secret: config.secretSource,
      expire: config.expire,
      accessToken: config.accessToken ? 'required' : 'off',
      cors: describeCorsPolicy(config.cors),
      limits: limitsOf(config),
    })
  })

  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    logger.log('info', 'shutting down', { signal })
    stopSignServer(server).then((outcome) => {
      logger.log('info', 'stopped', { outcome })
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main()

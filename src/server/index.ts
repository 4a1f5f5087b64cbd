/**
 * `@webrtc-room/trtc-sign/server`: the sign service as parts, to embed it in your own Node
 * process (`createSignServer(loadConfig(process.env), logger).listen(...)`) or mount its handler.
 */
export { createSignServer, createSignHandler, stopSignServer, clientAddress, SIGN_PATH, HEALTH_PATH } from './app'
export { loadConfig, loadLimits, defaultMaxConnections, ConfigError, DEFAULT_LIMITS, type ServerConfig, type ServiceLimits } from './config'
export { createLogger, type Logger, type LogLevel, type LogFields } from './logger'
export { createRateLimiter, type RateLimiter, type RateLimitOptions } from './rate-limit'
export { HttpError, type HttpErrorCode } from './http-error'

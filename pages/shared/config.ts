/**
 * Where the sign service is by default. Override at build time with VITE_SIGN_BASE_URL
 * (e.g. `VITE_SIGN_BASE_URL=https://sign.example.com npm run build:mp-weixin`); users can also
 * change it on the enter page, which remembers it.
 */

/** The port `npm run sign-server` listens on when PORT is not set. */
export const SIGN_SERVER_DEFAULT_PORT = 8787

export function defaultSignBaseURL(): string {
  const fromEnv = import.meta.env.VITE_SIGN_BASE_URL
  if (typeof fromEnv === 'string' && fromEnv) return fromEnv
  // #ifdef H5
  if (typeof location !== 'undefined' && location.hostname) {
    // `npm run dev` proxies /api/ to the sign service (vite.config.ts): same origin, no port, no CORS.
    if (import.meta.env.DEV) return location.origin
    // A static H5 build has no proxy: same host as the page, so a phone on the LAN reaches the same machine.
    return `http://${location.hostname}:${SIGN_SERVER_DEFAULT_PORT}`
  }
  // #endif
  return `http://127.0.0.1:${SIGN_SERVER_DEFAULT_PORT}`
}

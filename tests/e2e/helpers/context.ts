/** What global setup hands to every e2e file through vitest's provide/inject. */
export interface E2EContext {
  /** The built H5 demo, served on 127.0.0.1. */
  webURL: string
  /** The real sign service (src/), on 127.0.0.1. */
  signURL: string
  sdkAppID: number
  /** TEST-ONLY secret generated for this run, so the tests can verify the signatures they get. */
  secretKey: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2EContext
  }
}

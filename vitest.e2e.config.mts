import { defineConfig } from 'vitest/config'

// Browser end-to-end tests (`npm run test:e2e`): Debian chromium via playwright-core against the
// built H5 demo and the real sign service, both on 127.0.0.1. Kept apart from `npm test`.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    // One browser at a time on a 2-core machine; files share the servers from global setup.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})

import { defineConfig } from 'vite'
import uni from '@dcloudio/vite-plugin-uni'
import { devPorts } from './scripts/dev-ports'

const ports = devPorts(process.env)

// uni's own plugin compiles the demo app and the plugin for mp-weixin and H5.
export default defineConfig({
  plugins: [uni()],
  // The browser test of the dev server starts from an empty cache of its own (tests/e2e/helpers/dev-server.ts).
  cacheDir: process.env.VITE_CACHE_DIR || undefined,
  server: {
    port: ports.web,
    // A busy port is an error (scripts/dev.mjs says which one and how to pick another), not a
    // silent move to the next port that the sign service's CORS list and the README don't know.
    strictPort: true,
    // The H5 form posts to its own origin: the sign service sits behind this proxy, so there is no
    // port to type and no CORS in development.
    proxy: {
      '/api/': { target: `http://127.0.0.1:${ports.sign}`, changeOrigin: false },
    },
  },
  optimizeDeps: {
    // Dependencies imported only when a room starts (the H5 engine loads the TRTC web SDK lazily).
    // Vite's dependency scan starts at main.ts and does not see them: without this list the first
    // "Enter room" in `npm run dev` makes Vite optimize them then and reload the page, losing the
    // in-memory session ("No room session"). tests/e2e/dev-server.e2e.ts enters a room on a cold cache.
    include: ['trtc-sdk-v5/trtc.esm.js'],
  },
})

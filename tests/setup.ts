import { afterEach, vi } from 'vitest'
import { createUniStub } from './helpers/uni-stub'

// Every test starts with a fresh recording `uni`; a test that needs other answers stubs its own.
vi.stubGlobal('uni', createUniStub().uni)

afterEach(() => {
  vi.stubGlobal('uni', createUniStub().uni)
})

// Quiet output unless DEBUG_LOGS=1: no console.log/info/debug (the plugin's debug log, tim's), and
// none of the plugin's own `[webrtc-room]` lines at any level (tests provoke its errors on purpose
// and assert them as room events). Other warnings and errors stay visible. Tests that check
// logging spy on console themselves: a spy still records calls made to these replacements.
if (process.env.DEBUG_LOGS !== '1') {
  for (const level of ['log', 'info', 'debug'] as const) console[level] = () => {}
  for (const level of ['warn', 'error'] as const) {
    const write = console[level].bind(console)
    console[level] = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('[webrtc-room]')) return
      write(...args)
    }
  }
}

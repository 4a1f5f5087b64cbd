/**
 * The lazy loader with trtc-sdk-v5 mocked at the module boundary: it hands the ES module build's
 * default export to the engine, and a whole room runs on it.
 */
import { createRequire } from 'node:module'
import { describe, expect, it, vi } from 'vitest'
import { loadTrtc } from '../../uni_modules/webrtc-room/engines/h5/load-trtc'
import { createFakeTrtc } from './helpers/fake-trtc'
import { createH5Room, settle } from './helpers/h5-room'

const mocked = vi.hoisted(() => ({ imports: 0 }))

vi.mock('trtc-sdk-v5/trtc.esm.js', async () => {
  mocked.imports += 1
  const { createFakeTrtc: create } = await import('./helpers/fake-trtc')
  return { default: create() }
})

describe('loadTrtc', () => {
  it('imports the SDK only when called, and returns its default export', async () => {
    expect(mocked.imports).toBe(0)
    const sdk = await loadTrtc()
    expect(mocked.imports).toBe(1)
    expect(typeof sdk.create).toBe('function')
    expect(await sdk.isSupported()).toMatchObject({ result: true })
  })

  it('drives a room end to end through the mocked module', async () => {
    const sdk = (await loadTrtc()) as ReturnType<typeof createFakeTrtc>
    const h5 = createH5Room({}, () => loadTrtc)
    await h5.room.start()
    await settle()
    expect(h5.room.status).toBe('in_room')
    expect(sdk.clients).toHaveLength(1)
    expect(sdk.client.callsOf('enterRoom')).toHaveLength(1)
  })

  it('the ES module build it imports exists in the installed package', () => {
    const require = createRequire(import.meta.url)
    expect(require.resolve('trtc-sdk-v5/trtc.esm.js')).toMatch(/trtc-sdk-v5[/\\]trtc\.esm\.js$/)
  })
})

/**
 * The opt-in IM entry in the real mp-weixin build (tests/fixtures/mp-app-im), run under
 * miniprogram-simulate with a fake `wx` (tests/mp/mp-harness.ts): the compiled tim-wx-sdk loads in
 * its WeChat mode, `main.ts`'s import registers IM, and a page's `<webrtc-room enableIM>` start()
 * reaches the real SDK (it opens its IM socket through `wx.connectSocket`); stop() destroys it
 * (socket closed). The fake socket never opens, so nothing leaves the machine and login stays pending.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { buildFixture } from '../helpers/build-fixture'
import { installMpApp, renderPage, settle, sleep, type MpEnv } from '../mp/mp-harness'

interface FixturePage {
  imEvents: Array<{ tag: string; code: number; detail: unknown }>
  room(): { roomKey: string; start(): Promise<void>; stop(): Promise<void>; sendGroupTextMsg(msg: string): Promise<unknown> } | null
}

interface SocketRecord {
  url: string
  closed: boolean
}

let env: MpEnv
const sockets: SocketRecord[] = []
const storage: Record<string, unknown> = {}

/** What tim-wx-sdk asks of `wx` besides the harness's APIs (offline versions). */
function addImApis(wx: Record<string, unknown>): void {
  const systemInfo = wx.getSystemInfoSync as () => Record<string, unknown>
  Object.assign(wx, {
    getSystemInfoSync: () => ({ fontSizeSetting: 16, model: 'test', ...systemInfo() }),
    connectSocket: (options: { url: string }) => {
      const record: SocketRecord = { url: options.url, closed: false }
      sockets.push(record)
      return { onOpen() {}, onClose() {}, onError() {}, onMessage() {}, send() {}, close: () => { record.closed = true } }
    },
    getStorageSync: (key: string) => storage[key],
    setStorageSync: (key: string, value: unknown) => { storage[key] = value },
    removeStorageSync: (key: string) => { delete storage[key] },
    getStorageInfoSync: () => ({ keys: Object.keys(storage) }),
    getNetworkType: (options: { success?: (r: unknown) => void }) => options?.success?.({ networkType: 'wifi' }),
    onNetworkStatusChange() {},
    offNetworkStatusChange() {},
    getAccountInfoSync: () => ({ miniProgram: { appId: 'wx-test' } }),
  })
}

function fixture(name: string): FixturePage {
  return (globalThis as unknown as { __fixture: Record<string, FixturePage> }).__fixture[name]
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await sleep(5)
  if (!condition()) throw new Error(`timed out waiting for ${what}`)
}

beforeAll(() => {
  env = installMpApp(buildFixture('mp-app-im'))
  // uni's runtime snapshots `wx` into copies at load and leaves the last copy as the global `wx`
  // (the one the bundled tim calls): add the IM APIs there as well as to the harness's object.
  addImApis(env.wx)
  const current = (globalThis as unknown as { wx: Record<string, unknown> }).wx
  if (current !== env.wx) addImApis(current)
}, 300_000)

describe('IM in the compiled mp-weixin app (tests/fixtures/mp-app-im)', () => {
  it('start() with enableIM reaches the bundled tim-wx-sdk; stop() destroys it', async () => {
    const page = renderPage(env, 'float')
    await settle(page)
    const fx = fixture('float')
    const room = fx.room()
    expect(room).not.toBeNull()
    // Importing the IM entry only registers it: no tim instance, no socket before a room starts IM.
    expect(sockets).toEqual([])
    await room!.start()
    await settle(page)

    // The IM entry was registered by main.ts: the controller's session created tim, which dialled its IM host.
    await until(() => sockets.length > 0, 'tim to open its IM socket')
    expect(sockets[0].url).toMatch(/^wss:\/\/wss\.im\.qcloud\.com\/.*sdkappid=1400000001/)
    expect(fx.imEvents.filter((e) => e.code === -90301)).toEqual([]) // not "IM entry not installed"

    // Login is pending (offline): sends are refused with IM_NOT_READY, not crashed or silently dropped.
    await expect(room!.sendGroupTextMsg('hello')).rejects.toMatchObject({ code: -90309 })

    await room!.stop()
    await until(() => sockets.every((s) => s.closed), 'tim to close its socket')
    page.detach()
  })
})

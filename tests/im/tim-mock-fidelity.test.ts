/**
 * The mock (tests/helpers/tim-mock.ts) against the real tim-wx-sdk 2.27.6, on everything that can be
 * observed offline: the real package runs here with a fake `wx` whose socket never opens (nothing
 * leaves the machine), so only the SDK's local answers are compared — instance caching, destroy,
 * and the error codes of its API guards. What needs a server (login success, joins, delivery)
 * stays documented in the mock's header. The last test runs the real IM session on the real offline SDK.
 */
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { TimInstance, TimStatic } from '../../uni_modules/webrtc-room/im/tim-types'
import { EVENT, TYPES, createTimMock } from '../helpers/tim-mock'
import { TimClientPool } from '../../uni_modules/webrtc-room/im/tim-client-pool'
import { TimSession } from '../../uni_modules/webrtc-room/im/tim-session'
import { RoomErrorCode, WebrtcRoomError } from '../../uni_modules/webrtc-room/core/error-codes'

const require = createRequire(import.meta.url)

/** A fresh copy of the real package, loaded while `wx` is the fake (tim picks its platform at load). */
function loadRealTimForWeixin(): TimStatic {
  const path = require.resolve('tim-wx-sdk')
  const cached = require.cache[path]
  delete require.cache[path]
  const globals = globalThis as Record<string, unknown>
  const savedUni = globals.uni
  delete globals.uni
  try {
    return require('tim-wx-sdk') as TimStatic
  } finally {
    if (cached) require.cache[path] = cached
    else delete require.cache[path]
    globals.uni = savedUni
  }
}

const storage: Record<string, unknown> = {}
const fakeWx = {
  getSystemInfoSync: () => ({ fontSizeSetting: 16, platform: 'android', SDKVersion: '3.4.0', version: '8.0.50', system: 'Android 14', model: 'test' }),
  // A socket that never opens: tim stays offline, its login never settles.
  connectSocket: () => ({ onOpen() {}, onClose() {}, onError() {}, onMessage() {}, send() {}, close() {} }),
  request: () => ({ abort() {} }),
  getStorageSync: (key: string) => storage[key],
  setStorageSync: (key: string, value: unknown) => { storage[key] = value },
  removeStorageSync: (key: string) => { delete storage[key] },
  getStorageInfoSync: () => ({ keys: Object.keys(storage) }),
  getNetworkType: (options: { success?: (r: unknown) => void }) => options?.success?.({ networkType: 'wifi' }),
  onNetworkStatusChange() {}, offNetworkStatusChange() {},
  onAppShow() {}, onAppHide() {}, offAppShow() {}, offAppHide() {},
  getAccountInfoSync: () => ({ miniProgram: { appId: 'wx-test' } }),
}

let REAL: TimStatic
const mock = createTimMock()

type Outcome = { ok: true } | { ok: false; code: unknown }

async function outcome(run: () => unknown): Promise<Outcome> {
  try {
    const result = run()
    // Settled within a short wait, or "pending" (the offline real SDK may wait for its socket).
    await Promise.race([result, new Promise((_, reject) => setTimeout(() => reject({ code: 'pending' }), 300))])
    return { ok: true }
  } catch (error) {
    return { ok: false, code: (error as { code?: unknown })?.code }
  }
}

beforeAll(() => {
  vi.stubGlobal('wx', fakeWx)
  vi.stubGlobal('getApp', () => ({}))
  vi.stubGlobal('getCurrentPages', () => [])
  vi.stubGlobal('__wxConfig', { envVersion: 'develop' })
  REAL = loadRealTimForWeixin()
})

afterAll(() => {
  vi.unstubAllGlobals()
})

describe('tim mock fidelity (offline-observable behaviour of tim-wx-sdk 2.27.6)', () => {
  it('uses the real EVENT / TYPES and offers every method the plugin calls', () => {
    expect(EVENT).toEqual(REAL.EVENT)
    expect(TYPES).toEqual(REAL.TYPES)
    const tim = REAL.create({ SDKAppID: 1400000101 }) as unknown as Record<string, unknown>
    tim.setLogLevel && (tim.setLogLevel as (n: number) => void)(4)
    const used: Array<keyof TimInstance> = [
      'login', 'logout', 'destroy', 'on', 'off', 'setLogLevel', 'updateMyProfile', 'joinGroup', 'quitGroup', 'createGroup',
      'createTextMessage', 'createCustomMessage', 'sendMessage',
    ]
    const fake = mock.sdk.create({ SDKAppID: 1400000101 }) as unknown as Record<string, unknown>
    for (const name of used) {
      expect(typeof tim[name], `real ${name}`).toBe('function')
      expect(typeof fake[name], `mock ${name}`).toBe('function')
    }
    // Neither has a public isReady(): readiness is only the SDK_READY event.
    expect(tim.isReady).toBeUndefined()
    expect(fake.isReady).toBeUndefined()
  })

  it('both answer the offline API guards with the same codes', async () => {
    const real = REAL.create({ SDKAppID: 1400000102 })
    real.setLogLevel?.(4)
    const fake = mock.sdk.create({ SDKAppID: 1400000102 })
    const rows: Array<[string, (tim: TimInstance) => unknown]> = [
      ['logout, not logged in', (tim) => tim.logout()],
      ['quitGroup, not a member', (tim) => tim.quitGroup('fidelity-group')],
      ['createGroup, not logged in', (tim) => tim.createGroup({ type: 'AVChatRoom', groupID: 'fidelity-group', name: 'x' })],
      ['createTextMessage, not logged in', (tim) => tim.createTextMessage({ to: 'bob', conversationType: TYPES.CONV_C2C, payload: { text: 'hi' } })],
      ['createCustomMessage, not logged in', (tim) => tim.createCustomMessage({ to: 'g', conversationType: TYPES.CONV_GROUP, payload: { data: 'd', description: '', extension: '' } })],
    ]
    for (const [name, run] of rows) {
      const [r, f] = [await outcome(() => run(real)), await outcome(() => run(fake))]
      expect({ name, ...f }).toEqual({ name, ...r })
    }
  })

  it('a second login while the first is pending → 2025 in both; the offline login never settles', async () => {
    const real = REAL.create({ SDKAppID: 1400000103 })
    real.setLogLevel?.(4)
    const fake = mock.sdk.create({ SDKAppID: 1400000103 }) as ReturnType<typeof mock.sdk.create>
    fake.holdLogin() // the mock's stand-in for "offline"
    for (const tim of [real, fake] as TimInstance[]) {
      const first = tim.login({ userID: 'alice', userSig: 'sig' })
      let settled = false
      first.then(() => { settled = true }, () => { settled = true })
      expect(await outcome(() => tim.login({ userID: 'alice', userSig: 'sig' }))).toEqual({ ok: false, code: 2025 })
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(settled).toBe(false)
    }
  })

  it('one instance per SDKAppID; destroy() rejects (not logged in) yet emits SDK_DESTROY and drops the cache', async () => {
    for (const sdk of [REAL, mock.sdk] as TimStatic[]) {
      const tim = sdk.create({ SDKAppID: 1400000104 })
      tim.setLogLevel?.(4)
      expect(sdk.create({ SDKAppID: 1400000104 })).toBe(tim)
      const destroyed: unknown[] = []
      tim.on(EVENT.SDK_DESTROY, (event) => destroyed.push(event.data))
      expect(await outcome(() => tim.destroy())).toEqual({ ok: false, code: 2024 })
      expect(destroyed).toEqual([{ SDKAppID: 1400000104 }])
      const next = sdk.create({ SDKAppID: 1400000104 })
      expect(next).not.toBe(tim)
      await next.destroy().catch(() => {})
    }
  })
})

describe('the real IM session on the real (offline) tim-wx-sdk', () => {
  it('stop() during the never-settling login returns at once, cancels start() and destroys the instance', async () => {
    const pool = new TimClientPool(REAL, { logLevel: 4 })
    const session = new TimSession(
      { roomKey: 'real', sdkAppID: 1400000105, userID: 'alice', userSig: 'sig', groupID: '1234', groupType: 'AVChatRoom', nick: 'alice' },
      { TIM: REAL, pool },
    )
    const events: string[] = []
    session.on((event) => events.push(event.tag))
    const tim = REAL.create({ SDKAppID: 1400000105 })
    const destroyed: unknown[] = []
    tim.on(EVENT.SDK_DESTROY, (event) => destroyed.push(event.data))

    const started = session.start().then(() => null, (error: unknown) => error)
    await new Promise((resolve) => setTimeout(resolve, 100)) // login is on the (dead) wire now
    const t0 = Date.now()
    await session.stop()
    expect(Date.now() - t0).toBeLessThan(1000)
    const error = await started
    expect(error).toBeInstanceOf(WebrtcRoomError)
    expect((error as WebrtcRoomError).code).toBe(RoomErrorCode.IM_NOT_READY)
    expect((error as WebrtcRoomError).detail.cancelled).toBe(true)
    expect(events).toEqual([])
    expect(destroyed).toEqual([{ SDKAppID: 1400000105 }])
    expect(pool.size).toBe(0)
    const next = REAL.create({ SDKAppID: 1400000105 })
    expect(next).not.toBe(tim)
    await next.destroy().catch(() => {})
  })
})

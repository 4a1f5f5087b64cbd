import { describe, expect, it, vi } from 'vitest'
import { createUniStub } from '../helpers/uni-stub'
import { authorizeScope, buildPlatformName, createUniPlatform } from '../../uni_modules/webrtc-room/platform/uni-platform'
import { createPlayerContext, createPusherContext, nativeOwner } from '../../uni_modules/webrtc-room/platform/uni-platform'
import { uniRequest } from '../../uni_modules/webrtc-room/platform/uni-request'

function useUni(overrides: Record<string, unknown> = {}) {
  const stub = createUniStub(overrides)
  vi.stubGlobal('uni', stub.uni)
  return stub
}

describe('uni platform adapter', () => {
  it('is the mp-weixin build under the conditional-compilation test plugin', () => {
    expect(buildPlatformName()).toBe('mp-weixin')
    expect(createUniPlatform().name).toBe('mp-weixin')
  })

  it('reads the system info fields preflight needs', () => {
    useUni({ getSystemInfoSync: () => ({ platform: 'devtools', version: '8.0.5', SDKVersion: '2.9.0', system: 'x', brand: 'b' }) })
    expect(createUniPlatform().getSystemInfo()).toEqual({ platform: 'devtools', version: '8.0.5', SDKVersion: '2.9.0', system: 'x' })
  })

  it('authorize: granted before → true without asking', async () => {
    const { calls } = useUni()
    await expect(authorizeScope('scope.camera')).resolves.toBe(true)
    expect(calls.filter((c) => c.api === 'authorize')).toHaveLength(0)
  })

  it('authorize: denied before → false without a dialog (only settings can change it)', async () => {
    const { calls } = useUni({ getSetting: (o: any) => o.success({ authSetting: { 'scope.camera': false } }) })
    await expect(authorizeScope('scope.camera')).resolves.toBe(false)
    expect(calls.filter((c) => c.api === 'authorize')).toHaveLength(0)
  })

  it('authorize: never asked → the dialog decides', async () => {
    const answers: Record<string, boolean> = { 'scope.camera': true, 'scope.record': false }
    useUni({
      getSetting: (o: any) => o.success({ authSetting: {} }),
      authorize: (o: any) => (answers[o.scope] ? o.success() : o.fail({ errMsg: 'authorize:fail auth deny' })),
    })
    await expect(authorizeScope('scope.camera')).resolves.toBe(true)
    await expect(authorizeScope('scope.record')).resolves.toBe(false)
  })

  it('authorize: getSetting failing still asks', async () => {
    const { calls } = useUni({ getSetting: (o: any) => o.fail({}) })
    await expect(authorizeScope('scope.record')).resolves.toBe(true)
    expect(calls.some((c) => c.api === 'authorize' && c.args[0] === 'scope.record')).toBe(true)
  })

  it('request resolves statusCode + data and rejects with errMsg', async () => {
    let mode: 'ok' | 'fail' = 'ok'
    const request = vi.fn((o: any) => (mode === 'ok' ? o.success({ statusCode: 200, data: { a: 1 } }) : o.fail({ errMsg: 'request:fail timeout' })))
    useUni({ request })
    // The legacy entry's HTTP (the default adapter has none: the modern flow makes no request).
    expect(createUniPlatform().request).toBeUndefined()
    const p = { request: uniRequest }
    await expect(p.request({ url: 'https://x/y?usersig=abc', method: 'POST', data: { z: 1 } })).resolves.toEqual({ statusCode: 200, data: { a: 1 } })
    expect(request.mock.calls[0][0]).toMatchObject({ url: 'https://x/y?usersig=abc', method: 'POST', data: { z: 1 } })
    mode = 'fail'
    await expect(p.request({ url: 'https://x/y', method: 'GET' })).rejects.toThrow('request:fail timeout')
  })

  it('app show/hide subscriptions unsubscribe with off* and stop delivering', () => {
    const shows: Array<() => void> = []
    const offs: unknown[] = []
    useUni({ onAppShow: (cb: () => void) => shows.push(cb), offAppShow: (cb: unknown) => offs.push(cb) })
    const p = createUniPlatform()
    const seen = vi.fn()
    const off = p.onAppShow(seen)
    shows[0]()
    off()
    shows[0]()
    expect(seen).toHaveBeenCalledTimes(1)
    expect(offs).toEqual([shows[0]])
  })

  it('log redacts secrets in messages and data', () => {
    const spy = vi.spyOn(console, 'info').mockImplementation(() => {})
    createUniPlatform().log!('info', 'url room://c?usersig=eJyrVkrOz0xRslIqzcsszs9TstIzUQ&x=1', { userSig: 'eJyrVkrOz0xRslIqzcsszs9TstIzUQ' })
    const text = JSON.stringify(spy.mock.calls)
    expect(text).not.toContain('eJyrVkrOz0xRslIqzcsszs9TstIzUQ')
    expect(text).toContain('usersig=eJyr…(30)')
    spy.mockRestore()
  })

  it('an app log sink gets redacted messages and data too', () => {
    const lines: unknown[] = []
    createUniPlatform({ log: (...args) => lines.push(args) }).log!('warn', 'pusher error {"userSig":"eJyrVkrOz0xRslIqzcsszs9TstIzUQ"}', { privateMapKey: 'PMK0123456789' })
    expect(JSON.stringify(lines)).not.toMatch(/eJyrVkrOz0x|PMK0123456789/)
  })

  it('creates native contexts on the owner instance it is given', () => {
    const owners: unknown[] = []
    const owner = { tag: 'me' }
    useUni({
      createLivePusherContext: (id: string, c: unknown) => (owners.push([id, c]), { start() {}, stop() {}, pause() {}, resume() {}, switchCamera() {} }),
      createLivePlayerContext: (id: string, c: unknown) => (owners.push([id, c]), { play() {}, stop() {} }),
    })
    expect(createPusherContext('pusher', owner)).not.toBeNull()
    expect(createPlayerContext('player', owner)).not.toBeNull()
    expect(owners).toEqual([['pusher', owner], ['player', owner]])
  })

  it('hands wx the mp component ($scope) behind a Vue component proxy', () => {
    const owners: unknown[] = []
    const scope = { is: 'components/webrtc-room-player/webrtc-room-player' }
    useUni({
      createLivePusherContext: (_id: string, c: unknown) => (owners.push(c), { start() {}, stop() {}, pause() {}, resume() {}, switchCamera() {} }),
      createLivePlayerContext: (_id: string, c: unknown) => (owners.push(c), { play() {}, stop() {} }),
    })
    createPusherContext('pusher', { $scope: scope })
    createPlayerContext('player', { $scope: scope })
    expect(owners).toEqual([scope, scope])
    expect(nativeOwner(undefined)).toBeUndefined()
  })
})

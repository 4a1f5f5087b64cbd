import { describe, expect, it, vi } from 'vitest'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { classifyClient, LEGACY_MISSING, missingForModern, runPreflight, VERSION_THRESHOLDS, type PreflightInput, compareVersion, isAtLeast } from '../../uni_modules/webrtc-room/core/room-platform'
import type { AuthScope, Platform, SystemInfo } from '../../uni_modules/webrtc-room/core/types'

const MODERN: SystemInfo = { platform: 'android', version: '8.0.50', SDKVersion: '3.4.0' }

function fakePlatform(overrides: Partial<Platform> & { system?: SystemInfo | (() => SystemInfo); grants?: Partial<Record<AuthScope, boolean | 'throw'>> } = {}) {
  const { system = MODERN, grants = {}, ...rest } = overrides
  const authorize = vi.fn(async (scope: AuthScope) => {
    const grant = grants[scope] ?? true
    if (grant === 'throw') throw new Error('authorize:fail')
    return grant
  })
  const request = vi.fn()
  const platform: Platform = {
    name: 'mp-weixin',
    getSystemInfo: typeof system === 'function' ? system : () => system,
    authorize,
    request,
    onAppShow: () => () => {},
    onAppHide: () => () => {},
    setTimeout: () => 0,
    clearTimeout: () => {},
    now: () => 0,
    random: () => 0.5,
    ...rest,
  }
  return { platform, authorize, request }
}

const AUTO: PreflightInput = { enterMode: 'auto', needCamera: true }

describe('versions', () => {
  it('compares dotted versions numerically', () => {
    expect(compareVersion('2.10.0', '2.9.9')).toBe(1)
    expect(compareVersion('2.10', '2.10.0')).toBe(0)
    expect(compareVersion('1.7.0', '1.10.0')).toBe(-1)
    expect(compareVersion('x.1', '0.1')).toBe(0)
    expect(isAtLeast(undefined, '1.0.0')).toBe(false)
    expect(isAtLeast('', '1.0.0')).toBe(false)
    expect(isAtLeast('7.0.8', '7.0.8')).toBe(true)
  })

  it.each([
    [{ platform: 'android', version: '7.0.8', SDKVersion: '2.10.0' }, 'modern'],
    [{ platform: 'android', version: '7.0.7', SDKVersion: '2.10.0' }, 'legacy'],
    [{ platform: 'ios', version: '7.0.8', SDKVersion: '2.10.0' }, 'legacy'], // iOS needs 7.0.9
    [{ platform: 'ios', version: '7.0.9', SDKVersion: '2.10.0' }, 'modern'],
    [{ platform: 'android', version: '8.0.0', SDKVersion: '2.9.4' }, 'legacy'],
    [{ platform: 'android', version: '6.6.6', SDKVersion: '1.7.0' }, 'legacy'],
    [{ platform: 'android', version: '8.0.0', SDKVersion: '1.6.9' }, RoomErrorCode.BASE_LIBRARY_TOO_OLD],
    [{ platform: 'android', version: '6.6.5', SDKVersion: '2.10.0' }, RoomErrorCode.WECHAT_TOO_OLD],
    [{ platform: 'android' }, 'modern'], // unknown versions: nothing to block on
  ] as Array<[SystemInfo, string | number]>)('%j → %s', (info, generation) => {
    // Below the hard minimum: the preflight failure itself (its code), else the generation.
    const result = classifyClient(info)
    expect(typeof result === 'string' ? result : result.code).toBe(generation)
  })
})

describe('runPreflight', () => {
  it('a modern client: modern mode, camera then record asked, no request made', async () => {
    const { platform, authorize, request } = fakePlatform()
    await expect(runPreflight(platform, AUTO)).resolves.toEqual({ ok: true, mode: 'modern', system: MODERN })
    expect(authorize.mock.calls.map(([scope]) => scope)).toEqual(['scope.camera', 'scope.record'])
    expect(request).not.toHaveBeenCalled()
  })

  it('an older client picks the legacy flow in auto mode (legacy entry installed)', async () => {
    const { platform } = fakePlatform({ system: { platform: 'ios', version: '7.0.8', SDKVersion: '2.10.0' } })
    await expect(runPreflight(platform, { ...AUTO, legacy: true })).resolves.toMatchObject({ ok: true, mode: 'legacy' })
  })

  it('enterMode legacy forces the legacy flow on a modern client (legacy entry installed)', async () => {
    const { platform } = fakePlatform()
    await expect(runPreflight(platform, { enterMode: 'legacy', needCamera: true, legacy: true })).resolves.toMatchObject({ ok: true, mode: 'legacy' })
  })

  it('without the legacy entry an older client fails naming the version and the import; enterMode legacy is an invalid prop', async () => {
    const old = fakePlatform({ system: { platform: 'ios', version: '7.0.8', SDKVersion: '2.10.0' } })
    const result = await runPreflight(old.platform, AUTO)
    expect(result).toMatchObject({ ok: false, code: RoomErrorCode.WECHAT_TOO_OLD, detail: { version: '7.0.8', platform: 'ios' } })
    expect(result.ok === false && result.message).toBe(`this client needs WeChat ≥ 7.0.8 (iOS 7.0.9); ${LEGACY_MISSING}`)
    expect(LEGACY_MISSING).toContain("import '@/uni_modules/webrtc-room/legacy'")
    const forced = fakePlatform()
    await expect(runPreflight(forced.platform, { enterMode: 'legacy', needCamera: true })).resolves.toMatchObject({
      ok: false,
      code: RoomErrorCode.INVALID_PROP,
      detail: { prop: 'enterMode' },
    })
    expect(forced.authorize).not.toHaveBeenCalled()
  })

  it('enterMode modern on an older client fails with the version that is missing', async () => {
    const oldBase = fakePlatform({ system: { platform: 'android', version: '8.0.0', SDKVersion: '2.9.0' } })
    await expect(runPreflight(oldBase.platform, { enterMode: 'modern', needCamera: true })).resolves.toMatchObject({
      ok: false,
      code: RoomErrorCode.BASE_LIBRARY_TOO_OLD,
      detail: { SDKVersion: '2.9.0' },
    })
    const oldWechat = fakePlatform({ system: { platform: 'ios', version: '7.0.8', SDKVersion: '2.10.0' } })
    await expect(runPreflight(oldWechat.platform, { enterMode: 'modern', needCamera: true })).resolves.toMatchObject({ ok: false, code: RoomErrorCode.WECHAT_TOO_OLD })
  })

  it('the devtools simulator is the #1 FAQ: a clear error, no permission prompt', async () => {
    const { platform, authorize } = fakePlatform({ system: { platform: 'devtools', version: '8.0.5', SDKVersion: '3.0.0' } })
    const result = await runPreflight(platform, AUTO)
    expect(result).toMatchObject({ ok: false, code: RoomErrorCode.DEVTOOLS_SIMULATOR, detail: { platform: 'devtools' } })
    expect(authorize).not.toHaveBeenCalled()
  })

  it.each([
    [{ platform: 'android', version: '8.0.0', SDKVersion: '1.6.0' }, RoomErrorCode.BASE_LIBRARY_TOO_OLD],
    [{ platform: 'android', version: '6.5.0', SDKVersion: '2.10.0' }, RoomErrorCode.WECHAT_TOO_OLD],
  ] as Array<[SystemInfo, number]>)('too old a client %j → %d', async (system, code) => {
    const { platform } = fakePlatform({ system })
    const result = await runPreflight(platform, AUTO)
    expect(result).toMatchObject({ ok: false, code })
    expect(result.ok === false && result.message).toMatch(/older than/)
  })

  it('unsupported platforms fail before anything else', async () => {
    const { platform } = fakePlatform({ name: 'app-plus' })
    await expect(runPreflight(platform, AUTO)).resolves.toMatchObject({ ok: false, code: RoomErrorCode.UNSUPPORTED_PLATFORM, detail: { platform: 'app-plus' } })
  })

  it('h5 leaves checks to the browser engine', async () => {
    const { platform, authorize } = fakePlatform({ name: 'h5' })
    await expect(runPreflight(platform, AUTO)).resolves.toEqual({ ok: true, mode: 'modern', system: null })
    expect(authorize).not.toHaveBeenCalled()
  })

  it('a throwing getSystemInfo is a typed error, not a rejection', async () => {
    const { platform } = fakePlatform({
      system: () => {
        throw new Error('getSystemInfoSync:fail')
      },
    })
    await expect(runPreflight(platform, AUTO)).resolves.toMatchObject({ ok: false, code: RoomErrorCode.UNSUPPORTED_PLATFORM, detail: { cause: 'Error: getSystemInfoSync:fail' } })
  })

  it.each([false, 'throw'] as const)('camera denied (%s) → -90104 with openSetting hint, record not asked', async (grant) => {
    const { platform, authorize } = fakePlatform({ grants: { 'scope.camera': grant }, openSetting: async () => {} })
    await expect(runPreflight(platform, AUTO)).resolves.toMatchObject({
      ok: false,
      code: RoomErrorCode.CAMERA_PERMISSION_DENIED,
      detail: { scope: 'scope.camera', canOpenSetting: true },
    })
    expect(authorize).toHaveBeenCalledTimes(1)
  })

  it('record denied → -90105', async () => {
    const { platform } = fakePlatform({ grants: { 'scope.record': false } })
    await expect(runPreflight(platform, AUTO)).resolves.toMatchObject({
      ok: false,
      code: RoomErrorCode.RECORD_PERMISSION_DENIED,
      detail: { scope: 'scope.record', canOpenSetting: false },
    })
  })

  it('audio-only rooms do not ask for the camera', async () => {
    const { platform, authorize } = fakePlatform({ grants: { 'scope.camera': false } })
    await expect(runPreflight(platform, { enterMode: 'auto', needCamera: false })).resolves.toMatchObject({ ok: true })
    expect(authorize.mock.calls.map(([scope]) => scope)).toEqual(['scope.record'])
  })

  it('missingForModern names the base library first, else WeChat', () => {
    expect(missingForModern({ platform: 'android', version: '6.7.0', SDKVersion: '2.9.9' })).toMatchObject({ code: RoomErrorCode.BASE_LIBRARY_TOO_OLD })
    expect(missingForModern({ platform: 'ios', version: '7.0.8', SDKVersion: '2.10.0' })).toMatchObject({ code: RoomErrorCode.WECHAT_TOO_OLD })
    expect(missingForModern(null)).toMatchObject({ code: RoomErrorCode.WECHAT_TOO_OLD })
  })

  it('thresholds are the ones of PROTOCOL.md', () => {
    expect(VERSION_THRESHOLDS).toEqual({ modernBaseLibrary: '2.10.0', modernWechat: '7.0.8', modernWechatIOS: '7.0.9', minBaseLibrary: '1.7.0', minWechat: '6.6.6' })
  })
})

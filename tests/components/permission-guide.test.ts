// @vitest-environment jsdom
/**
 * The opt-in permission guide (uni_modules/webrtc-room/permission-guide): imported at the top, as an
 * app's main.ts does (vitest keeps module state per file). The room without it:
 * tests/components/webrtc-room.test.ts (the error, the banner and detail.hint, no modal).
 */
import '../../uni_modules/webrtc-room/permission-guide'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { guideToSettings } from '../../uni_modules/webrtc-room/permission-guide'
import { createUniStub } from '../helpers/uni-stub'
import { installUni, mountRoom, sleep, type MountedRoom } from './room-harness'

let mounted: MountedRoom | null = null
function room(props: Record<string, unknown> = {}) {
  mounted = mountRoom(props)
  return mounted
}
afterEach(() => {
  mounted?.wrapper.unmount()
  mounted = null
})

function useUni(overrides: Record<string, unknown> = {}) {
  const stub = createUniStub(overrides)
  vi.stubGlobal('uni', stub.uni)
  return stub
}

describe('<webrtc-room> with the permission-guide entry', () => {
  it('camera denied → error -90104, then the settings guide; granted there → enters again', async () => {
    let granted = false
    const uni = installUni({
      getSetting: (o: any) => o.success({ authSetting: { 'scope.camera': granted, 'scope.record': true } }),
      showModal: (o: any) => o.success({ confirm: true, cancel: false }),
      openSetting: (o: any) => {
        granted = true
        o.success({ authSetting: { 'scope.camera': true, 'scope.record': true } })
      },
    })
    const r = room()
    await r.methods.start()
    await flushPromises()
    await sleep(1)
    await flushPromises()
    expect(r.events.filter((e) => e.tag === 'error').map((e) => e.code)).toEqual([RoomErrorCode.CAMERA_PERMISSION_DENIED])
    expect(uni.calls.some((c) => c.api === 'authorize')).toBe(false)
    expect(r.pusherAttr('url')).toMatch(/^room:\/\//)
    // The guide is there: the error needs no hint.
    expect(r.events.find((e) => e.tag === 'error')?.detail).not.toHaveProperty('hint')
  })

  it('record denied with permissionGuide off → the error only, no modal', async () => {
    const uni = installUni({ getSetting: (o: any) => o.success({ authSetting: { 'scope.camera': true, 'scope.record': false } }) })
    const r = room({ permissionGuide: false })
    await r.methods.start()
    await flushPromises()
    expect(r.events.filter((e) => e.tag === 'error').map((e) => e.code)).toEqual([RoomErrorCode.RECORD_PERMISSION_DENIED])
    expect(uni.calls.some((c) => c.api === 'showModal')).toBe(false)
  })

  it('a failing settings modal is logged, never an unhandled rejection', async () => {
    installUni({
      getSetting: (o: any) => o.success({ authSetting: { 'scope.camera': false, 'scope.record': true } }),
      showModal: () => {
        throw new Error('showModal is not available')
      },
    })
    const rejections: unknown[] = []
    const onRejection = (reason: unknown) => rejections.push(reason)
    process.on('unhandledRejection', onRejection)
    try {
      const r = room()
      await r.methods.start()
      await flushPromises()
      await sleep(5)
      expect(r.events.filter((e) => e.tag === 'error').map((e) => e.code)).toEqual([RoomErrorCode.CAMERA_PERMISSION_DENIED])
      expect(rejections).toEqual([])
    } finally {
      process.off('unhandledRejection', onRejection)
    }
  })
})

describe('settings guide', () => {
  it('confirm → openSetting → granted when every needed scope is on', async () => {
    const { calls } = useUni({
      showModal: (o: any) => o.success({ confirm: true, cancel: false }),
      openSetting: (o: any) => (calls.push({ api: 'openSetting', args: [] }), o.success({ authSetting: { 'scope.camera': true, 'scope.record': true } })),
    })
    await expect(guideToSettings('scope.camera', ['scope.camera', 'scope.record'])).resolves.toBe('granted')
    expect(calls.some((c) => c.api === 'openSetting')).toBe(true)
  })
  it('still denied after settings, and cancel', async () => {
    useUni({ showModal: (o: any) => o.success({ confirm: true }), openSetting: (o: any) => o.success({ authSetting: { 'scope.camera': true } }) })
    await expect(guideToSettings('scope.record', ['scope.camera', 'scope.record'], 'en')).resolves.toBe('still_denied')
    useUni({ showModal: (o: any) => o.success({ confirm: false, cancel: true }) })
    await expect(guideToSettings('scope.record', ['scope.record'])).resolves.toBe('cancelled')
  })
})


import { describe, expect, it } from 'vitest'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { describeCode } from '../../uni_modules/webrtc-room/core/codes'
import { classifyBrowserError, TrtcErrorCode, TrtcExtraCode } from '../../uni_modules/webrtc-room/engines/h5/browser-errors'
import { checkCapabilities, checkTrtcSupport } from '../../uni_modules/webrtc-room/engines/h5/browser-support'
import { rtcError } from './helpers/fake-trtc'

const E = RoomErrorCode

function domException(name: string): Error {
  return Object.assign(new Error(`${name}: from getUserMedia`), { name })
}

describe('classifyBrowserError', () => {
  it.each([
    ['RtcError DEVICE_ERROR/5301 on camera', rtcError(TrtcErrorCode.DEVICE_ERROR, TrtcExtraCode.DEVICE_NOT_FOUND), 'camera', E.DEVICE_NOT_FOUND, 5301],
    ['RtcError DEVICE_ERROR/5301 on mic', rtcError(TrtcErrorCode.DEVICE_ERROR, TrtcExtraCode.DEVICE_NOT_FOUND), 'microphone', E.DEVICE_NOT_FOUND, 5301],
    ['RtcError DEVICE_ERROR/5302 (denied)', rtcError(TrtcErrorCode.DEVICE_ERROR, TrtcExtraCode.DEVICE_NOT_ALLOWED), 'camera', E.MEDIA_PERMISSION_DENIED, 5302],
    ['RtcError DEVICE_ERROR/5306 (security)', rtcError(TrtcErrorCode.DEVICE_ERROR, TrtcExtraCode.DEVICE_SECURITY), 'microphone', E.MEDIA_PERMISSION_DENIED, 5306],
    ['RtcError DEVICE_ERROR/5303 camera busy', rtcError(TrtcErrorCode.DEVICE_ERROR, TrtcExtraCode.DEVICE_NOT_READABLE), 'camera', E.CAMERA_OPEN_FAILED, 5303],
    ['RtcError DEVICE_ERROR/5303 mic busy', rtcError(TrtcErrorCode.DEVICE_ERROR, TrtcExtraCode.DEVICE_NOT_READABLE), 'microphone', E.MIC_OPEN_FAILED, 5303],
    ['raw NotAllowedError', domException('NotAllowedError'), 'camera', E.MEDIA_PERMISSION_DENIED, 5302],
    ['raw NotFoundError', domException('NotFoundError'), 'microphone', E.DEVICE_NOT_FOUND, 5301],
    ['raw NotReadableError', domException('NotReadableError'), 'camera', E.CAMERA_OPEN_FAILED, 5303],
    ['ENV_NOT_SUPPORTED/5201 (http)', rtcError(TrtcErrorCode.ENV_NOT_SUPPORTED, TrtcExtraCode.NOT_SUPPORTED_HTTP), 'camera', E.INSECURE_CONTEXT, 5201],
    ['ENV_NOT_SUPPORTED/5202 (no WebRTC)', rtcError(TrtcErrorCode.ENV_NOT_SUPPORTED, 5202), 'enter', E.BROWSER_UNSUPPORTED, 5202],
    ['SERVER_ERROR on enter', rtcError(TrtcErrorCode.SERVER_ERROR, -10015), 'enter', E.ENTER_ROOM_FAILED, -10015],
    ['OPERATION_FAILED on enter (unreachable)', rtcError(TrtcErrorCode.OPERATION_FAILED), 'enter', E.ENTER_ROOM_FAILED, 5500],
    ['firewall on enter', rtcError(TrtcErrorCode.OPERATION_FAILED, TrtcExtraCode.FIREWALL_RESTRICTION), 'enter', E.ENTER_ROOM_FAILED, 5501],
    ['userSig rejected on enter', rtcError(TrtcErrorCode.SERVER_ERROR, TrtcExtraCode.USERSIG_CHECK_FAILED), 'enter', E.USERSIG_MALFORMED, -100018],
    ['a TypeError on enter', new TypeError('Failed to fetch'), 'enter', E.ENTER_ROOM_FAILED, 0],
  ] as const)('%s', (_name, err, stage, code, nativeCode) => {
    const failure = classifyBrowserError(err, stage)
    expect(failure).toMatchObject({ code, nativeCode, aborted: false })
    expect(failure.message.length).toBeGreaterThan(10)
  })

  it('says why an unreachable server failed and keeps the SDK text', () => {
    const failure = classifyBrowserError(rtcError(TrtcErrorCode.OPERATION_FAILED, undefined, 'join room timeout'), 'enter')
    expect(failure.message).toMatch(/could not reach the TRTC servers/)
    expect(failure.message).toContain('join room timeout')
  })

  it("keeps the SDK's multi-line message on one line", () => {
    const err = rtcError(TrtcErrorCode.OPERATION_FAILED, undefined, "'enterRoom' failed, reason: schedule failed\nRefer to: https://web.sdk.qcloud.com/trtc/webrtc/doc/en/index.html\n)")
    const { message } = classifyBrowserError(err, 'enter')
    expect(message).not.toContain('\n')
    expect(message).toContain('schedule failed Refer to: https://web.sdk.qcloud.com/trtc/webrtc/doc/en/index.html )')
  })

  it('marks OPERATION_ABORT (exitRoom during enterRoom) as aborted', () => {
    expect(classifyBrowserError(rtcError(TrtcErrorCode.OPERATION_ABORT), 'enter').aborted).toBe(true)
  })

  it.each([undefined, null, 42, 'boom', {}, { code: 'x' }, Symbol('s').toString()])('never throws on %s', (err) => {
    for (const stage of ['support', 'camera', 'microphone', 'enter'] as const) {
      const failure = classifyBrowserError(err, stage)
      expect(typeof failure.code).toBe('number')
      expect(typeof failure.message).toBe('string')
    }
  })

  it('only produces codes that have a row in the code table', () => {
    const errors = [
      rtcError(5300, 5301), rtcError(5300, 5302), rtcError(5300, 5303), rtcError(5200, 5201), rtcError(5200, 5202),
      rtcError(5400), rtcError(5500), rtcError(5400, -100018), new Error('x'), rtcError(5998),
    ]
    for (const err of errors) {
      for (const stage of ['support', 'camera', 'microphone', 'enter'] as const) {
        const { code } = classifyBrowserError(err, stage)
        expect(describeCode(code), `code ${code}`).toBeTruthy()
      }
    }
  })
})

describe('browser support checks', () => {
  const ok = { isSecureContext: true, hasMediaDevices: true, hasPeerConnection: true, userAgent: 'UA' }

  it('passes a capable browser', () => {
    expect(checkCapabilities(ok)).toBeNull()
    expect(checkTrtcSupport({ result: true })).toBeNull()
  })

  it('reports an insecure context before missing APIs (http pages have no mediaDevices)', () => {
    const failure = checkCapabilities({ ...ok, isSecureContext: false, hasMediaDevices: false })
    expect(failure?.code).toBe(E.INSECURE_CONTEXT)
    expect(failure?.message).toMatch(/https/)
  })

  it('names the missing API of an old browser', () => {
    const failure = checkCapabilities({ ...ok, hasPeerConnection: false })
    expect(failure?.code).toBe(E.BROWSER_UNSUPPORTED)
    expect(failure?.message).toContain('RTCPeerConnection')
  })

  it("names TRTC's failed essential checks, not the optional ones", () => {
    const failure = checkTrtcSupport({ result: false, detail: { isWebRTCSupported: false, isScreenShareSupported: false, isBrowserSupported: true } })
    expect(failure?.code).toBe(E.BROWSER_UNSUPPORTED)
    expect(failure?.message).toContain('isWebRTCSupported')
    expect(failure?.message).not.toContain('isScreenShareSupported')
  })

  it('treats a missing verdict as unsupported', () => {
    expect(checkTrtcSupport(null)?.code).toBe(E.BROWSER_UNSUPPORTED)
  })
})

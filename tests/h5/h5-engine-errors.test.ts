/**
 * Every browser failure a user can hit, through the real controller: one `error` event with a clear
 * -904xx (or -4/-5) code, the media-codes store has advice for it, and the room stays usable
 * (stopped cleanly, startable again) — never an unhandled rejection (vitest fails the run on one).
 */
import { describe, expect, it } from 'vitest'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import '../../uni_modules/webrtc-room/codes' // advice texts are the opt-in codes entry
import { describeCode } from '../../uni_modules/webrtc-room/core/codes'
import { useMediaCodesStore } from '../../uni_modules/webrtc-room/stores/media-codes'
import type { ErrorDetail, RoomEvent } from '../../uni_modules/webrtc-room/core/types'
import { createH5Room, settle, startAndEnter, type H5Room } from './helpers/h5-room'
import { rtcError, type FakeTrtcClient } from './helpers/fake-trtc'

const E = RoomErrorCode

function onlyError(h5: H5Room): RoomEvent<ErrorDetail> {
  const errors = h5.tagged('error') as RoomEvent<ErrorDetail>[]
  expect(errors).toHaveLength(1)
  return errors[0]
}

function failOn(method: 'enterRoom' | 'startLocalVideo' | 'startLocalAudio', err: unknown) {
  return (client: FakeTrtcClient) => client.behaviour.set(method, err)
}

describe('H5 engine errors', () => {
  it('insecure context (http page): -90401 before loading anything', async () => {
    const h5 = createH5Room()
    h5.browser.caps = { ...h5.browser.caps, isSecureContext: false, hasMediaDevices: false }
    await startAndEnter(h5)
    const error = onlyError(h5)
    expect(error.code).toBe(E.INSECURE_CONTEXT)
    expect(error.detail.message).toMatch(/https/)
    expect(h5.loads).toBe(0)
    expect(h5.room.status).toBe('error')
  })

  it('browser without WebRTC: -90400', async () => {
    const h5 = createH5Room()
    h5.browser.caps = { ...h5.browser.caps, hasPeerConnection: false }
    await startAndEnter(h5)
    expect(onlyError(h5).code).toBe(E.BROWSER_UNSUPPORTED)
  })

  it('TRTC.isSupported() says no: -90400 naming the failed check', async () => {
    const h5 = createH5Room()
    h5.sdk.support = { result: false, detail: { isBrowserSupported: false, isWebRTCSupported: true } }
    await startAndEnter(h5)
    const error = onlyError(h5)
    expect(error.code).toBe(E.BROWSER_UNSUPPORTED)
    expect(error.detail.message).toContain('isBrowserSupported')
    expect(h5.sdk.clients).toEqual([])
  })

  it('the SDK chunk fails to load: -90406', async () => {
    const h5 = createH5Room({}, () => () => Promise.reject(new Error('Failed to fetch dynamically imported module')))
    await startAndEnter(h5)
    const error = onlyError(h5)
    expect(error.code).toBe(E.ENGINE_LOAD_FAILED)
    expect(error.detail.message).toContain('Failed to fetch')
  })

  it('no camera: -90402', async () => {
    const h5 = createH5Room()
    h5.sdk.prepare = failOn('startLocalVideo', rtcError(5300, 5301, 'NotFoundError: Requested device not found'))
    await startAndEnter(h5)
    const error = onlyError(h5)
    expect(error).toMatchObject({ code: E.DEVICE_NOT_FOUND, detail: { nativeCode: 5301 } })
    expect(error.detail.message).toMatch(/no camera found/)
  })

  it('no microphone: -90402', async () => {
    const h5 = createH5Room({ enableCamera: false })
    h5.sdk.prepare = failOn('startLocalAudio', Object.assign(new Error('Requested device not found'), { name: 'NotFoundError' }))
    await startAndEnter(h5)
    expect(onlyError(h5).detail.message).toMatch(/no microphone found/)
  })

  it('camera / mic permission denied: -90403', async () => {
    const h5 = createH5Room()
    h5.sdk.prepare = failOn('startLocalVideo', rtcError(5300, 5302, 'NotAllowedError: Permission denied'))
    await startAndEnter(h5)
    const error = onlyError(h5)
    expect(error.code).toBe(E.MEDIA_PERMISSION_DENIED)
    expect(error.detail.message).toMatch(/permission denied/)
  })

  it('camera busy in another app: the original -4', async () => {
    const h5 = createH5Room()
    h5.sdk.prepare = failOn('startLocalVideo', rtcError(5300, 5303, 'NotReadableError: Could not start video source'))
    await startAndEnter(h5)
    expect(onlyError(h5).code).toBe(E.CAMERA_OPEN_FAILED)
  })

  it('TRTC servers unreachable: -90404, the room is left cleanly (the camera preview stays) and can start again', async () => {
    const h5 = createH5Room()
    h5.sdk.prepare = failOn('enterRoom', rtcError(5500, undefined, 'join room timeout'))
    await startAndEnter(h5)
    const error = onlyError(h5)
    expect(error.code).toBe(E.ENTER_ROOM_FAILED)
    expect(error.detail.message).toMatch(/could not reach the TRTC servers/)
    expect(h5.room.status).toBe('error')
    await settle()
    const first = h5.sdk.client
    // The room was left but the page is not blacked out: the camera preview runs until the next start.
    expect(first.callsOf('exitRoom')).toHaveLength(1)
    expect(first.destroyed).toBe(false)
    expect(first.callsOf('stopLocalVideo')).toHaveLength(0)
    // Usable: a retry is a fresh session on a fresh client; the kept preview is released first.
    h5.sdk.prepare = undefined
    await startAndEnter(h5)
    await settle()
    expect(first.destroyed).toBe(true)
    expect(first.callsOf('stopLocalVideo')).toHaveLength(1)
    expect(h5.sdk.clients).toHaveLength(2)
    expect(h5.room.status).toBe('in_room')
  })

  it('userSig rejected by the server: -90201', async () => {
    const h5 = createH5Room()
    h5.sdk.prepare = failOn('enterRoom', rtcError(5400, -100018, 'userSig check failed'))
    await startAndEnter(h5)
    expect(onlyError(h5)).toMatchObject({ code: E.USERSIG_MALFORMED, detail: { nativeCode: -100018 } })
  })

  it('an expired userSig: -90200', async () => {
    const h5 = createH5Room()
    h5.sdk.prepare = failOn('enterRoom', rtcError(5400, -100018, 'userSig check failed: userSig expired'))
    await startAndEnter(h5)
    expect(onlyError(h5)).toMatchObject({ code: E.USERSIG_EXPIRED, detail: { nativeCode: -100018 } })
  })

  it('an SDK call that throws synchronously is still one clear error', async () => {
    const h5 = createH5Room()
    h5.sdk.prepare = (client) => {
      client.enterRoom = () => {
        throw rtcError(5000, 5001, 'sdkAppId is required')
      }
    }
    await startAndEnter(h5)
    expect(onlyError(h5).code).toBe(E.ENTER_ROOM_FAILED)
  })

  it('the media-codes store records each browser error with its advice', async () => {
    const h5 = createH5Room()
    h5.sdk.prepare = failOn('enterRoom', rtcError(5500))
    await startAndEnter(h5)
    const codes = useMediaCodesStore()
    const entry = codes.recent.find((r) => r.code === E.ENTER_ROOM_FAILED)
    expect(entry?.advice.en).toBe(describeCode(E.ENTER_ROOM_FAILED)?.advice?.en)
    expect(entry?.advice.zh).toBeTruthy()
  })

  it('an exitRoom during a pending enter (stop) reports no error for the aborted enter', async () => {
    const h5 = createH5Room()
    let rejectEnter!: (err: unknown) => void
    h5.sdk.prepare = (client) => {
      client.enterRoom = () => new Promise((_ok, fail) => { rejectEnter = fail })
    }
    await h5.room.start()
    await settle()
    await h5.room.stop()
    rejectEnter(rtcError(5998, undefined, 'enterRoom aborted by exitRoom'))
    await settle()
    expect(h5.tagged('error')).toEqual([])
    expect(h5.room.status).toBe('exited')
  })
})

/**
 * H5 screen share and devices (issue 14 item 7), driven through the real controller and reducer on
 * the fake trtc-sdk-v5: the calls reach the SDK, the room store reflects them, every failure is a
 * typed rejection plus one warning with its own code.
 */
import { describe, expect, it } from 'vitest'
import { RoomErrorCode, WebrtcRoomError } from '../../uni_modules/webrtc-room/core/error-codes'
import { useRoomStore } from '../../uni_modules/webrtc-room/stores/room'
import { createH5Room, settle, startAndEnter, type H5Room } from './helpers/h5-room'
import { deferred, rtcError } from './helpers/fake-trtc'
import { tilesOf } from '../../uni_modules/webrtc-room/components/common/room-view'
import { remoteViewId } from '../../uni_modules/webrtc-room/core/view-ids'

async function rejection(p: Promise<unknown>): Promise<WebrtcRoomError> {
  const err = await p.then(() => null, (e: unknown) => e)
  expect(err).toBeInstanceOf(WebrtcRoomError)
  return err as WebrtcRoomError
}

function self(h5: H5Room) {
  return useRoomStore().rooms[h5.room.key].self
}

function warnings(h5: H5Room): number[] {
  return h5.tagged('warning').map((e) => e.code)
}

/** What Chrome's getDisplayMedia rejects with when the picker is closed, wrapped as TRTC does. */
function pickerCancelled(): Error {
  return Object.assign(new Error('Permission denied'), { name: 'RtcError', code: 5300, extraCode: 5302, originError: { name: 'NotAllowedError' } })
}

describe('H5 screen share', () => {
  it('publishes the screen as the sub stream without a local view, and stops it', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    await h5.room.startScreenShare()
    expect(client.callsOf('startScreenShare')).toEqual([[{ view: null, publish: true }]])
    expect(self(h5).screenSharing).toBe(true)
    expect(h5.tagged('self_update').at(-1)?.detail).toMatchObject({ screenSharing: true })

    await h5.room.startScreenShare() // already sharing: no second picker
    expect(client.callsOf('startScreenShare')).toHaveLength(1)

    await h5.room.stopScreenShare()
    expect(client.callsOf('stopScreenShare')).toHaveLength(1)
    expect(self(h5).screenSharing).toBe(false)
    expect(h5.tagged('self_update').at(-1)?.detail).toMatchObject({ screenSharing: false })
    expect(warnings(h5)).toEqual([])
  })

  it('a cancelled browser picker is warning -90408 and a rejection, the room goes on', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    h5.sdk.client.behaviour.set('startScreenShare', pickerCancelled())
    const err = await rejection(h5.room.startScreenShare())
    expect(err.code).toBe(RoomErrorCode.SCREEN_SHARE_CANCELLED)
    expect(err.message).toMatch(/cancelled/)
    expect(warnings(h5)).toEqual([RoomErrorCode.SCREEN_SHARE_CANCELLED])
    expect(h5.room.status).toBe('in_room')
    expect(self(h5).screenSharing).toBe(false)
    // A second try opens the picker again.
    h5.sdk.client.behaviour.delete('startScreenShare')
    await h5.room.startScreenShare()
    expect(self(h5).screenSharing).toBe(true)
  })

  it('a bare NotAllowedError (no TRTC wrapper) is a cancel too; other failures are -90410', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    h5.sdk.client.behaviour.set('startScreenShare', Object.assign(new Error('denied'), { name: 'NotAllowedError' }))
    expect((await rejection(h5.room.startScreenShare())).code).toBe(RoomErrorCode.SCREEN_SHARE_CANCELLED)
    h5.sdk.client.behaviour.set('startScreenShare', rtcError(5500, undefined, 'publish failed'))
    const failed = await rejection(h5.room.startScreenShare())
    expect(failed.code).toBe(RoomErrorCode.SCREEN_SHARE_FAILED)
    expect(failed.detail).toMatchObject({ method: 'startScreenShare' })
    expect(warnings(h5)).toEqual([RoomErrorCode.SCREEN_SHARE_CANCELLED, RoomErrorCode.SCREEN_SHARE_FAILED])
  })

  it('a browser without getDisplayMedia (or the SDK saying ENV_NOT_SUPPORTED) is -90409', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    h5.browser.caps = { ...h5.browser.caps, hasDisplayMedia: false }
    expect((await rejection(h5.room.startScreenShare())).code).toBe(RoomErrorCode.SCREEN_SHARE_UNSUPPORTED)
    expect(h5.sdk.client.callsOf('startScreenShare')).toEqual([])
    h5.browser.caps = { ...h5.browser.caps, hasDisplayMedia: true }
    h5.sdk.client.behaviour.set('startScreenShare', rtcError(5200, undefined, 'not supported'))
    expect((await rejection(h5.room.startScreenShare())).code).toBe(RoomErrorCode.SCREEN_SHARE_UNSUPPORTED)
  })

  it("the browser's own Stop sharing bar clears self.screenSharing with a self_update", async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    await h5.room.startScreenShare()
    h5.sdk.client.emit('screen-share-stopped', undefined)
    expect(self(h5).screenSharing).toBe(false)
    expect(h5.tagged('self_update').at(-1)?.detail).toMatchObject({ screenSharing: false, message: 'screen sharing stopped from the browser' })
    // Nothing left to stop in the SDK.
    await h5.room.stopScreenShare()
    expect(h5.sdk.client.callsOf('stopScreenShare')).toEqual([])
  })

  it('while entering (enterRoom pending) the share starts: TRTC publishes it once in the room', async () => {
    const h5 = createH5Room()
    h5.sdk.prepare = (client) => client.behaviour.set('enterRoom', deferred())
    await h5.room.start()
    await settle()
    expect(h5.room.status).toBe('entering')
    await h5.room.startScreenShare()
    expect(h5.sdk.client.callsOf('startScreenShare')).toEqual([[{ view: null, publish: true }]])
    expect(self(h5).screenSharing).toBe(true)
  })

  it('before entering and after stop: INVALID_STATE warning, the SDK is not called', async () => {
    const h5 = createH5Room()
    expect((await rejection(h5.room.startScreenShare())).code).toBe(RoomErrorCode.INVALID_STATE)
    expect(warnings(h5)).toEqual([RoomErrorCode.INVALID_STATE])
    expect(h5.tagged('warning')[0].detail).toMatchObject({ method: 'startScreenShare', message: 'startScreenShare() while idle: ignored' })
    await startAndEnter(h5)
    await h5.room.stop()
    expect((await rejection(h5.room.stopScreenShare())).code).toBe(RoomErrorCode.INVALID_STATE)
    expect(h5.sdk.client.callsOf('startScreenShare')).toEqual([])
  })

  it('leaving while sharing stops the share and resets the store; a stop during the picker wins', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    await h5.room.startScreenShare()
    await h5.room.stop()
    await settle()
    expect(h5.sdk.client.callsOf('stopScreenShare')).toHaveLength(1)
    expect(self(h5).screenSharing).toBe(false)

    await startAndEnter(h5)
    const picker = deferred()
    const client = h5.sdk.client
    client.behaviour.set('startScreenShare', picker)
    const starting = h5.room.startScreenShare()
    await h5.room.stopScreenShare()
    picker.resolve()
    await starting
    await settle()
    expect(client.callsOf('stopScreenShare')).toHaveLength(1)
    expect(self(h5).screenSharing).toBe(false)
  })

  it('a failing stopScreenShare keeps the state sharing and rejects with -90410', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    await h5.room.startScreenShare()
    h5.sdk.client.behaviour.set('stopScreenShare', rtcError(5500))
    expect((await rejection(h5.room.stopScreenShare())).code).toBe(RoomErrorCode.SCREEN_SHARE_FAILED)
    expect(self(h5).screenSharing).toBe(true)
  })
})

describe('H5: a remote screen share', () => {
  it("is that member's aux stream: its own tile in the built-in layouts, played into the tile's view, video off when it stops", async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const { client } = h5.sdk
    client.emit('remote-user-enter', { userId: 'bob' })
    client.emit('remote-user-enter', { userId: 'carol' })
    client.emit('remote-video-available', { userId: 'bob', streamType: 'main' })
    client.emit('remote-video-available', { userId: 'carol', streamType: 'main' })
    client.emit('remote-video-available', { userId: 'carol', streamType: 'sub' })
    expect(tilesOf(h5.room.members)).toEqual(['bob_main', 'carol_main', 'carol_aux'])
    expect(useRoomStore().rooms[h5.room.key].members.carol.streams.aux).toMatchObject({ hasVideo: true, streamType: 'aux' })
    const view = h5.mountRemote('carol', 'aux')
    expect(view.id).toBe(remoteViewId(h5.room.key, 'carol', 'aux'))
    expect(client.callsOf('startRemoteVideo')).toContainEqual([{ userId: 'carol', streamType: 'sub', view, option: { fillMode: 'contain' } }])
    client.emit('remote-video-unavailable', { userId: 'carol', streamType: 'sub' })
    expect(useRoomStore().rooms[h5.room.key].members.carol.streams.aux?.hasVideo ?? false).toBe(false)
    expect(tilesOf(h5.room.members).filter((t) => t.endsWith('_aux') && useRoomStore().rooms[h5.room.key].members[t.slice(0, -4)].streams.aux?.hasVideo)).toEqual([])
  })
})

describe('H5 devices', () => {
  it('getDevices lists cameras, microphones and speakers, also into self.devices, before entering too', async () => {
    const h5 = createH5Room()
    h5.sdk.microphones.push({ deviceId: 'mic-3' }, { deviceId: '' } as never)
    const lists = await h5.room.getDevices()
    expect(lists).toEqual({
      cameras: [{ deviceId: 'cam-front', label: 'front' }, { deviceId: 'cam-back', label: 'back' }],
      microphones: [{ deviceId: 'mic-default', label: 'Default microphone' }, { deviceId: 'mic-usb', label: 'USB microphone' }, { deviceId: 'mic-3', label: '' }],
      speakers: [{ deviceId: 'spk-default', label: 'Default speaker' }, { deviceId: 'spk-hdmi', label: 'HDMI' }],
    })
    expect(self(h5).devices).toEqual({ ...lists, cameraId: '', microphoneId: '', speakerId: '' })
  })

  it('a failing device list is warning -90411 with the browser reason', async () => {
    const h5 = createH5Room()
    h5.sdk.listError = Object.assign(new Error('enumerateDevices blocked'), { name: 'SecurityError' })
    const err = await rejection(h5.room.getDevices())
    expect(err.code).toBe(RoomErrorCode.DEVICE_SELECT_FAILED)
    expect(err.message).toMatch(/enumerateDevices blocked/)
    expect(warnings(h5)).toEqual([RoomErrorCode.DEVICE_SELECT_FAILED])
  })

  it('switches camera and microphone in the room, the speaker any time, and notes the ids', async () => {
    const h5 = createH5Room()
    await h5.room.selectDevice('speaker', 'spk-hdmi')
    expect(h5.sdk.speakerCalls).toEqual(['spk-hdmi'])
    await startAndEnter(h5)
    const client = h5.sdk.client
    await h5.room.selectDevice('camera', 'cam-back')
    await h5.room.selectDevice('microphone', 'mic-usb')
    expect(client.callsOf('updateLocalVideo')).toContainEqual([{ option: { cameraId: 'cam-back' } }])
    expect(client.callsOf('updateLocalAudio')).toContainEqual([{ option: { microphoneId: 'mic-usb' } }])
    expect(self(h5).devices).toMatchObject({ cameraId: 'cam-back', microphoneId: 'mic-usb', speakerId: 'spk-hdmi' })
  })

  it('a choice made before entering (or in an earlier session) opens that device when capture starts', async () => {
    const h5 = createH5Room()
    await h5.room.selectDevice('camera', 'cam-back')
    await h5.room.selectDevice('microphone', 'mic-usb')
    await startAndEnter(h5)
    const client = h5.sdk.client
    expect(client.callsOf('startLocalVideo')[0][0]).toMatchObject({ option: { cameraId: 'cam-back' } })
    expect(client.callsOf('startLocalAudio')[0][0]).toMatchObject({ option: { microphoneId: 'mic-usb' } })
    await h5.room.stop()
    await startAndEnter(h5)
    expect(h5.sdk.client).not.toBe(client)
    expect(h5.sdk.client.callsOf('startLocalVideo')[0][0]).toMatchObject({ option: { cameraId: 'cam-back' } })
  })

  it('a camera / microphone chosen while it is still opening is switched to once it opened', async () => {
    const h5 = createH5Room()
    const opening = { video: deferred(), audio: deferred() }
    h5.sdk.prepare = (client) => {
      client.behaviour.set('startLocalVideo', opening.video)
      client.behaviour.set('startLocalAudio', opening.audio)
    }
    await startAndEnter(h5)
    const client = h5.sdk.client
    await h5.room.selectDevice('camera', 'cam-back')
    await h5.room.selectDevice('microphone', 'mic-usb')
    expect(client.callsOf('updateLocalVideo')).toEqual([])
    opening.video.resolve()
    opening.audio.resolve()
    await settle()
    expect(client.callsOf('updateLocalVideo')).toContainEqual([{ option: { cameraId: 'cam-back' } }])
    expect(client.callsOf('updateLocalAudio')).toContainEqual([{ option: { microphoneId: 'mic-usb' } }])
  })

  it('an unknown deviceId, an empty one or a bad kind is -90411 and nothing changes', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    const before = client.calls.length
    for (const [kind, id] of [['camera', 'cam-unplugged'], ['microphone', ''], ['printer', 'x']] as const) {
      const err = await rejection(h5.room.selectDevice(kind as 'camera', id))
      expect(err.code).toBe(RoomErrorCode.DEVICE_SELECT_FAILED)
    }
    expect(client.calls.length).toBe(before)
    expect(warnings(h5)).toEqual([RoomErrorCode.DEVICE_SELECT_FAILED, RoomErrorCode.DEVICE_SELECT_FAILED, RoomErrorCode.DEVICE_SELECT_FAILED])
    expect(self(h5).devices).toBeNull()
  })

  it('a camera that will not switch is -90411 with the TRTC code; the id is not noted', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    h5.sdk.client.behaviour.set('updateLocalVideo', rtcError(5300, 5303, 'NotReadableError'))
    const err = await rejection(h5.room.selectDevice('camera', 'cam-back'))
    expect(err.code).toBe(RoomErrorCode.DEVICE_SELECT_FAILED)
    expect(err.message).toMatch(/switching the camera failed/)
    expect(self(h5).devices).toBeNull()
  })

  it('device-changed refreshes the lists in the store and notes the active device', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    h5.sdk.cameras.push({ deviceId: 'cam-usb', label: 'USB camera' })
    h5.sdk.client.emit('device-changed', { type: 'camera', action: 'add', device: { deviceId: 'cam-usb', label: 'USB camera' } })
    await settle()
    expect(self(h5).devices?.cameras.map((d) => d.deviceId)).toEqual(['cam-front', 'cam-back', 'cam-usb'])
    h5.sdk.client.emit('device-changed', { type: 'microphone', action: 'active', device: { deviceId: 'mic-usb' } })
    await settle()
    expect(self(h5).devices?.microphoneId).toBe('mic-usb')
  })
})

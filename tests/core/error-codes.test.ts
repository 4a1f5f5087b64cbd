import { describe, expect, it } from 'vitest'
import { RoomErrorCode, RoomStatusCode, WebrtcRoomError } from '../../uni_modules/webrtc-room/core/error-codes'

describe('error codes', () => {
  it('keeps the original room codes and puts our own in -90000..-90999, all unique', () => {
    const values = Object.values(RoomErrorCode)
    expect(new Set(values).size).toBe(values.length)
    for (const [name, code] of Object.entries(RoomErrorCode)) {
      const original = code >= -10 && code <= -4
      expect(original || (code <= -90000 && code >= -90999), `${name}=${code}`).toBe(true)
    }
    expect(RoomErrorCode.CAMERA_OPEN_FAILED).toBe(-4)
    expect(RoomErrorCode.JOIN_ROOM_FAILED).toBe(-10)
    expect(RoomStatusCode.LEFT).toBe(19)
  })

  it('WebrtcRoomError carries code and detail', () => {
    const err = new WebrtcRoomError(RoomErrorCode.IM_DISABLED, 'IM is disabled', { prop: 'enableIM' })
    expect(err).toBeInstanceOf(Error)
    expect(err.code).toBe(-90300)
    expect(err.detail).toEqual({ prop: 'enableIM' })
    expect(err.name).toBe('WebrtcRoomError')
  })
})

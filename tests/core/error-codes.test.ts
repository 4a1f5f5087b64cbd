import { describe, expect, it } from 'vitest'
import * as errorCodes from '../../uni_modules/webrtc-room/core/error-codes'
import { RoomErrorCode, WebrtcRoomError } from '../../uni_modules/webrtc-room/core/error-codes'
import * as statusCodes from '../../uni_modules/webrtc-room/core/status-codes'
import { RoomStatusCode } from '../../uni_modules/webrtc-room/core/status-codes'

/** A module's UPPER_CASE exports: the named code constants the plugin's modules import. */
function constantsOf(mod: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(mod).filter(([name]) => /^[A-Z][A-Z0-9_]*$/.test(name)))
}

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

  // The plugin imports the constants, apps read the objects: both must name the same codes.
  it('RoomErrorCode / RoomStatusCode hold exactly the named constants, same values', () => {
    expect({ ...RoomErrorCode }).toStrictEqual(constantsOf(errorCodes))
    expect({ ...RoomStatusCode }).toStrictEqual(constantsOf(statusCodes))
    expect(errorCodes.INVALID_PROP).toBe(-90001)
    expect(statusCodes.JOINED).toBe(11)
  })

  it('WebrtcRoomError carries code and detail', () => {
    const err = new WebrtcRoomError(RoomErrorCode.IM_DISABLED, 'IM is disabled', { prop: 'enableIM' })
    expect(err).toBeInstanceOf(Error)
    expect(err.code).toBe(-90300)
    expect(err.detail).toEqual({ prop: 'enableIM' })
    expect(err.name).toBe('WebrtcRoomError')
  })
})

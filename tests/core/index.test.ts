/**
 * The public entry (index.ts): createRoom without a platform runs on the uni adapter, and the names
 * other code relies on are exported.
 */
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as entry from '../../uni_modules/webrtc-room/index'
import { createUniStub } from '../helpers/uni-stub'

beforeEach(() => setActivePinia(createPinia()))

describe('public entry', () => {
  it('createRoom(options) uses the uni platform: preflight reads uni, app listeners go through uni', async () => {
    const stub = createUniStub()
    vi.stubGlobal('uni', stub.uni)
    const room = entry.createRoom({ sdkAppID: 1400000001, userID: 'me', userSig: 'sig', roomID: 5 })
    const events: string[] = []
    room.on((e) => events.push(e.tag))
    await room.start()
    expect(room.status).toBe('entering')
    expect(room.pushURL).toContain('roomid=5')
    expect(stub.calls.map((c) => c.api)).toEqual(expect.arrayContaining(['onAppHide', 'onAppShow']))
    await room.stop()
    expect(stub.calls.map((c) => c.api)).toEqual(expect.arrayContaining(['offAppHide', 'offAppShow']))
    expect(events).toEqual(['self_update', 'exit_room'])
    expect(entry.getController(room.key)).toBe(room)
    await room.destroy()
  })

  it('exports the names other modules code against', () => {
    for (const name of [
      'createRoom', 'useRoomStore', 'getController', 'useMediaCodesStore', 'useImStore', 'describeCode', 'codeMessage',
      'RoomErrorCode', 'RoomStatusCode', 'WebrtcRoomError', 'registerIM', 'createLiveTagsEngine', 'createUniPlatform', 'createPusherContext',
    ]) {
      expect(entry, name).toHaveProperty(name)
    }
    expect(entry.describeCode(-1307)?.source).toBe('pusher')
  })

  it('leaves the full code texts to the opt-in codes entry', async () => {
    expect(entry).not.toHaveProperty('CODE_TABLES')
    expect(entry).not.toHaveProperty('ALL_CODES')
    expect(entry.describeCode(-1307)?.advice).toBeUndefined()
    const codes = await import('../../uni_modules/webrtc-room/codes')
    expect(Object.keys(codes.CODE_TABLES)).toEqual(['pusher', 'player', 'pusher_error', 'room', 'im', 'browser'])
    expect(entry.describeCode(-1307)?.advice?.en).toBeTruthy()
  })
})

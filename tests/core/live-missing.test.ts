/**
 * The live scene is an opt-in entry (`import '@/uni_modules/webrtc-room/live'`). This file never
 * imports it until its last test: without it `scene: 'live'` or a `role` is ONE `error` room-event
 * (INVALID_PROP, naming the import) and the room does not enter — no silent rtc fallback in which an
 * audience would publish. The same options enter once the entry is imported.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { installLiveScene, liveScene } from '../../uni_modules/webrtc-room/core/live-role'
import type { RoomEvent, RoomOptions } from '../../uni_modules/webrtc-room/core/types'
import { createRoom } from '../../uni_modules/webrtc-room/room-factory'
import { createFakePlatform, flush } from '../helpers/fake-platform'
import { createH5Room, settle } from '../h5/helpers/h5-room'

const BASE: RoomOptions = { sdkAppID: 1400000001, userID: 'me', userSig: 'eJyrVkrOz0ktUrJSSs7PLcgvSy1SSMsvykvMyVECAHIjCEk_', roomID: 1234 }
const IMPORT_LINE = "import '@/uni_modules/webrtc-room/live'"

function fakePusher() {
  const calls: string[] = []
  return { calls, start: () => calls.push('start'), stop: () => calls.push('stop'), pause: () => calls.push('pause'), resume: () => calls.push('resume'), switchCamera: () => calls.push('switchCamera') }
}

/** Starts the room; a room that got its push URL enters (1018); then time runs past the enter timeout. */
async function startRoom(options: Partial<RoomOptions>) {
  const platform = createFakePlatform()
  const room = createRoom({ ...BASE, ...options }, platform, {})
  const events: RoomEvent[] = []
  room.on((e) => events.push(e))
  const pusher = fakePusher()
  room.attachPusher(pusher)
  await room.start()
  await flush()
  if (room.pushURL) room.onPusherStateChange({ code: 1018, message: 'entered' })
  platform.advance(25_000) // past the enter timeout: nothing more may come
  await flush()
  return { room, platform, events, pusher }
}

describe('live scene without its entry', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterAll(() => installLiveScene(null))

  it('is not installed by the core, the stores or the room factory', () => {
    expect(liveScene()).toBeNull()
  })

  const cases: Array<[string, Partial<RoomOptions>, 'scene' | 'role']> = [
    ['audience', { scene: 'live', role: 'audience' }, 'scene'],
    ['anchor', { scene: 'live', role: 'anchor' }, 'scene'],
    ['scene only', { scene: 'live' }, 'scene'],
    ['role only', { role: 'audience' }, 'role'],
    ['role in the rtc scene', { scene: 'rtc', role: 'anchor' }, 'role'],
  ]
  for (const [name, options, prop] of cases) {
    it(`${name}: one error (INVALID_PROP, prop ${prop}) naming the import; the room does not enter`, async () => {
      const { room, platform, events, pusher } = await startRoom(options)
      expect(events.map((e) => [e.tag, e.code])).toEqual([['error', RoomErrorCode.INVALID_PROP]])
      expect(events[0].detail).toMatchObject({ prop, message: expect.stringContaining(IMPORT_LINE) })
      expect(room.status).toBe('error')
      expect(room.pushURL).toBe('')
      expect(pusher.calls).toEqual([])
      expect(platform.authorizeCalls).toEqual([])
    })
  }

  it('scene rtc (or none) enters as before', async () => {
    const { room, events } = await startRoom({ scene: 'rtc' })
    expect(events.filter((e) => e.tag === 'error')).toEqual([])
    expect(room.status).toBe('in_room')
    expect(room.pushURL).toContain('appscene=videocall')
  })

  it('a role set in a running rtc room: the update is rejected with a warning naming the import', async () => {
    const { room, events } = await startRoom({})
    expect(room.status).toBe('in_room')
    room.update({ role: 'audience' })
    const warning = events.find((e) => e.tag === 'warning')
    expect(warning).toMatchObject({ code: RoomErrorCode.INVALID_PROP, detail: { prop: 'role', message: expect.stringContaining(IMPORT_LINE) } })
    expect(room.state.self.role).toBe('anchor')
    expect(room.status).toBe('in_room')
  })

  it('H5: the TRTC client is never created (no enterRoom, no capture)', async () => {
    const h5 = createH5Room({ scene: 'live', role: 'audience' })
    await h5.room.start()
    await settle()
    expect(h5.sdk.clients).toEqual([])
    expect(h5.events.map((e) => [e.tag, e.code])).toEqual([['error', RoomErrorCode.INVALID_PROP]])
  })

  it('with the entry imported the same options enter as the audience', async () => {
    await import('../../uni_modules/webrtc-room/live')
    expect(liveScene()).not.toBeNull()
    const platform = createFakePlatform()
    const room = createRoom({ ...BASE, scene: 'live', role: 'audience' }, platform, {})
    const events: RoomEvent[] = []
    room.on((e) => events.push(e))
    room.attachPusher(fakePusher())
    await room.start()
    room.onPusherStateChange({ code: 1018, message: 'entered' })
    expect(events.filter((e) => e.tag === 'error')).toEqual([])
    expect(room.status).toBe('in_room')
    expect(room.pushURL).toContain('appscene=live')
    expect(room.state.pusher).toMatchObject({ enableCamera: false, enableMic: false })
  })
})

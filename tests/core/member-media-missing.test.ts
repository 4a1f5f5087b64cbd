/**
 * The per-member media choices are an opt-in entry (`import '@/uni_modules/webrtc-room/member-media'`).
 * This file never imports it until its last test: without it each `muteMemberAudio` /
 * `muteMemberVideo` / `setMemberStream` call is ONE `warning` (INVALID_STATE, `detail.method`, naming
 * the import) and changes nothing; `enableSmallStream: true` is one `warning` at start (INVALID_PROP)
 * and the room publishes no small stream and plays everyone big. The same calls work once imported.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import type { EngineFactory, MemberMedia } from '../../uni_modules/webrtc-room/core/engine'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { installMemberMedia, memberMedia } from '../../uni_modules/webrtc-room/core/member-media'
import type { RoomEvent, RoomOptions, StreamPref } from '../../uni_modules/webrtc-room/core/types'
import { createLiveTagsEngine } from '../../uni_modules/webrtc-room/engines/mp-weixin/live-tags-engine'
import { createRoom } from '../../uni_modules/webrtc-room/room-factory'
import { useRoomStore } from '../../uni_modules/webrtc-room/stores/room'
import { createFakePlatform } from '../helpers/fake-platform'
import { list } from './driver'

const BASE: RoomOptions = { sdkAppID: 1400000001, userID: 'me', userSig: 'eJyrVkrOz0ktUrJSSs7PLcgvSy1SSMsvykvMyVECAHIjCEk_', roomID: 1234 }
const IMPORT_LINE = "import '@/uni_modules/webrtc-room/member-media'"
const url = (userID: string) => `room://cloud.tencent.com/rtc?userid=${userID}&streamtype=main`

/** An entered grid room with `n` members each publishing a camera; engine member-media calls recorded. */
async function roomWith(n: number, options: Partial<RoomOptions> = {}) {
  const calls: Array<[string, MemberMedia]> = []
  const engine: EngineFactory = (env) => ({ ...createLiveTagsEngine(env), memberMedia: (userID, m) => calls.push([userID, m]) })
  const room = createRoom({ ...BASE, template: 'grid', ...options }, createFakePlatform(), { engine })
  const events: RoomEvent[] = []
  room.on((e) => events.push(e))
  await room.start()
  room.onPusherStateChange({ code: 1018 })
  const users = Array.from({ length: n }, (_, i) => `u${i}`)
  room.onPusherStateChange({ code: 1031, message: list(users.map((userid) => ({ userid }))) })
  room.onPusherStateChange({ code: 1033, message: list(users.map((userid) => ({ userid, streamtype: 'main', hasvideo: 1, playurl: url(userid) }))) })
  return { room, events, calls, store: () => useRoomStore().rooms[room.key] }
}

describe('member media without its entry', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterAll(() => installMemberMedia(null))

  it('is not installed by the core, the stores or the room factory', () => {
    expect(memberMedia).toBeNull()
  })

  const calls: Array<[string, (room: Awaited<ReturnType<typeof roomWith>>['room']) => void]> = [
    ['muteMemberAudio', (room) => room.muteMemberAudio('u0', true)],
    ['muteMemberVideo', (room) => room.muteMemberVideo('u0', true)],
    ['setMemberStream', (room) => room.setMemberStream('u0', 'small')],
  ]
  for (const [method, call] of calls) {
    it(`${method}(): one warning (INVALID_STATE, detail.method) naming the import; nothing changes`, async () => {
      const { room, events, calls: engineCalls, store } = await roomWith(2)
      const before = JSON.stringify(store().members)
      events.length = 0
      call(room)
      expect(events.map((e) => [e.tag, e.code])).toEqual([['warning', RoomErrorCode.INVALID_STATE]])
      expect(events[0].detail).toMatchObject({ method, message: expect.stringContaining(IMPORT_LINE) })
      expect(JSON.stringify(store().members)).toBe(before)
      expect(store().members.u0).toMatchObject({ muteAudio: false, muteVideo: false, streamPref: 'auto' })
      expect(engineCalls).toEqual([])
      // Each call is its own warning (not one for the room's life).
      call(room)
      expect(events).toHaveLength(2)
      await room.destroy()
    })
  }

  it('playMember / stopMember need no entry', async () => {
    const { room, events, store } = await roomWith(1)
    events.length = 0
    room.playMember('u0')
    expect(store().members.u0.streams.main?.playing).toBe(true)
    room.stopMember('u0')
    expect(store().members.u0.streams.main?.playing).toBe(false)
    expect(events.filter((e) => e.tag === 'warning' || e.tag === 'error')).toEqual([])
    await room.destroy()
  })

  it('enableSmallStream: one warning at start naming the import; no small stream published, everyone plays big', async () => {
    // 6 members in grid: 7 tiles, where 'auto' would play small with the entry.
    const { room, events, calls: engineCalls, store } = await roomWith(6, { enableSmallStream: true })
    const warnings = events.filter((e) => e.tag === 'warning')
    expect(warnings.map((e) => e.code)).toEqual([RoomErrorCode.INVALID_PROP])
    expect(warnings[0].detail).toMatchObject({ prop: 'enableSmallStream', message: expect.stringContaining(IMPORT_LINE) })
    expect(room.pushURL).toContain('encsmall=0')
    for (const member of Object.values(store().members)) expect(member.streams.main).toMatchObject({ small: false, playURL: url(member.userID) })
    expect(engineCalls).toEqual([])
    expect(room.status).toBe('in_room')
    await room.destroy()
  })

  it('with the entry imported the same calls work', async () => {
    await import('../../uni_modules/webrtc-room/member-media')
    expect(memberMedia).not.toBeNull()
    const { room, events, calls: engineCalls, store } = await roomWith(6, { enableSmallStream: true })
    expect(events.filter((e) => e.tag === 'warning')).toEqual([])
    expect(room.pushURL).toContain('encsmall=1')
    expect(store().members.u0.streams.main).toMatchObject({ small: true, playURL: url('u0').replace('=main', '=small') })
    room.muteMemberAudio('u0', true)
    room.setMemberStream('u1', 'big' as StreamPref)
    expect(store().members.u0.muteAudio).toBe(true)
    expect(store().members.u1.streams.main?.small).toBe(false)
    expect(engineCalls.at(-1)).toEqual(['u1', { muteAudio: false, muteVideo: false, small: false }])
    expect(events.filter((e) => e.tag === 'warning')).toEqual([])
    await room.destroy()
  })
})

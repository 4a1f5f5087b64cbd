/**
 * The live scene on the H5 engine (fake trtc-sdk-v5, real controller): `enterRoom({ scene, role })`,
 * the audience captures nothing, `switchRole` in the room (capture follows, never exitRoom), failures.
 */
import { describe, expect, it } from 'vitest'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
// The live scene is an opt-in entry.
import '../../uni_modules/webrtc-room/live'
import { createH5Room, settle, startAndEnter } from './helpers/h5-room'
import { rtcError } from './helpers/fake-trtc'

const MEDIA = ['startLocalVideo', 'startLocalAudio', 'stopLocalVideo', 'stopLocalAudio', 'switchRole', 'exitRoom']

/** The client's media / role calls in order. */
function mediaCalls(h5: ReturnType<typeof createH5Room>): string[] {
  return h5.sdk.client.calls.map((c) => c.method).filter((m) => MEDIA.includes(m))
}

describe('H5 live scene', () => {
  it('the audience enters with scene live + role audience and captures nothing', async () => {
    const h5 = createH5Room({ scene: 'live', role: 'audience' })
    await startAndEnter(h5)
    const [config] = h5.sdk.client.callsOf('enterRoom')[0] as [Record<string, unknown>]
    expect(config).toMatchObject({ scene: 'live', role: 'audience', roomId: 1234 })
    expect(mediaCalls(h5)).toEqual([])
    expect(h5.room.status).toBe('in_room')
    expect(h5.room.state.self.role).toBe('audience')
  })

  it('an anchor enters with role anchor and captures; the rtc scene sends neither key', async () => {
    const anchor = createH5Room({ scene: 'live', role: 'anchor' })
    await startAndEnter(anchor)
    expect(anchor.sdk.client.callsOf('enterRoom')[0][0]).toMatchObject({ scene: 'live', role: 'anchor' })
    expect(mediaCalls(anchor)).toEqual(expect.arrayContaining(['startLocalVideo', 'startLocalAudio']))
    const rtc = createH5Room()
    await startAndEnter(rtc)
    const [config] = rtc.sdk.client.callsOf('enterRoom')[0] as [Record<string, unknown>]
    expect(config).not.toHaveProperty('scene')
    expect(config).not.toHaveProperty('role')
  })

  it('co-host: switchRole(anchor) before capture starts; step down: switchRole(audience), then capture stops; no exitRoom', async () => {
    const h5 = createH5Room({ scene: 'live', role: 'audience' })
    await startAndEnter(h5)
    h5.room.update({ role: 'anchor' })
    await settle()
    expect(h5.sdk.client.callsOf('switchRole')).toEqual([['anchor']])
    const up = mediaCalls(h5)
    expect(up[0]).toBe('switchRole')
    expect(up).toEqual(expect.arrayContaining(['startLocalVideo', 'startLocalAudio']))
    expect(h5.room.state.self.role).toBe('anchor')

    h5.room.update({ role: 'audience' })
    await settle()
    expect(h5.sdk.client.callsOf('switchRole')).toEqual([['anchor'], ['audience']])
    const down = mediaCalls(h5).slice(up.length)
    expect(down).toEqual(['switchRole', 'stopLocalVideo', 'stopLocalAudio'])
    expect(h5.room.state.self.role).toBe('audience')
    expect(h5.tagged('exit_room')).toEqual([])
    expect(h5.room.status).toBe('in_room')
  })

  it('a failed switchRole keeps the role, captures nothing and warns -90603 with the SDK code', async () => {
    const h5 = createH5Room({ scene: 'live', role: 'audience' })
    await startAndEnter(h5)
    h5.sdk.client.behaviour.set('switchRole', rtcError(5400, 0, 'switchRole failed, errCode: -1'))
    h5.room.update({ role: 'anchor' })
    await settle()
    const warnings = h5.tagged('warning').filter((e) => e.code === RoomErrorCode.ROLE_SWITCH_FAILED)
    expect(warnings).toHaveLength(1)
    expect((warnings[0].detail as { message: string }).message).toContain('switchRole')
    expect(h5.room.state.self.role).toBe('audience')
    expect(mediaCalls(h5)).toEqual(['switchRole'])
    expect(h5.room.status).toBe('in_room')
  })
})

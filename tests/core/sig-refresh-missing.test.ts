/**
 * The userSig refresh is the opt-in `sig-refresh` entry; this file never imports it (vitest keeps
 * module state per file). Without it a refused userSig ends the way it does without `getUserSig`
 * (-90200 expired, -90201 invalid; IM login 70001 / the userSigExpired kick: -90200), `getUserSig`
 * is never called, and a room given one gets ONE warning at start (-90001, prop getUserSig) naming the
 * import line — and still enters.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../uni_modules/webrtc-room/legacy'
import { RoomErrorCode } from '../../uni_modules/webrtc-room/core/error-codes'
import { registerIM, unregisterIM } from '../../uni_modules/webrtc-room/core/im-registry'
import type { RoomEvent } from '../../uni_modules/webrtc-room/core/types'
import { createTimImFactory } from '../../uni_modules/webrtc-room/im'
import { createFakePlatform, flush, until } from '../helpers/fake-platform'
import { refresher, started } from '../helpers/sig-room'
import { createTimMock, type FakeTim } from '../helpers/tim-mock'
import { createH5Room, startAndEnter } from '../h5/helpers/h5-room'
import { rtcError } from '../h5/helpers/fake-trtc'

vi.mock('tim-wx-sdk', async () => ({ default: (await import('../helpers/tim-mock')).createTimMock().sdk }))

const E = RoomErrorCode
const IMPORT_LINE = "import '@/uni_modules/webrtc-room/sig-refresh'"
/** A getUserSig that would hand out a fresh signature: it must never be asked. */
const fresh = () => refresher('eJwNEWSIGxxREFRESHEDxx-zz_')

/** What a run leaves to compare: the tags and codes of its events, minus the missing-entry warning. */
const outcome = (events: RoomEvent[]) => events.filter((e) => e.code !== E.INVALID_PROP).map((e) => `${e.tag} ${e.code}`)

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => unregisterIM())

describe('without the sig-refresh entry', () => {
  it('getUserSig given: ONE warning at start naming the import; the room still enters', async () => {
    const sig = fresh()
    const { room, tagged } = await started({ getUserSig: sig.fn })
    expect(tagged('warning')).toMatchObject([{ code: E.INVALID_PROP, detail: { prop: 'getUserSig', message: expect.stringContaining(IMPORT_LINE) } }])
    room.onPusherStateChange({ code: 1018, message: 'entered' })
    expect(room.status).toBe('in_room')
    room.update({ muted: true })
    expect(tagged('warning')).toHaveLength(1)
    await room.destroy()
  })

  it('no getUserSig: no warning', async () => {
    const { room, tagged } = await started()
    expect(tagged('warning')).toEqual([])
    await room.destroy()
  })

  it('-100018: -90200 expired / -90201 invalid, never a refresh — the same events as without getUserSig', async () => {
    for (const [message, code] of [['userSig expired', E.USERSIG_EXPIRED], ['sig check failed', E.USERSIG_MALFORMED]] as const) {
      const runs: string[][] = []
      for (const options of [{ getUserSig: fresh().fn }, {}]) {
        const { room, events, tagged } = await started(options)
        room.onPusherStateChange({ code: 1018 })
        room.onPusherStateChange({ code: -100018, message })
        expect(room.status).toBe('error')
        expect(tagged('error').map((e) => e.code)).toEqual([code])
        expect(tagged('reconnecting')).toEqual([])
        runs.push(outcome(events))
        await room.destroy()
      }
      expect(runs[0]).toEqual(runs[1])
    }
  })

  it('getUserSig is never called', async () => {
    const sig = fresh()
    const { room } = await started({ getUserSig: sig.fn })
    room.onPusherStateChange({ code: -100018, message: 'userSig expired' })
    await flush()
    expect(sig.calls).toEqual([])
    await room.destroy()
  })

  it('legacy room signature 70001: what it is without getUserSig (retried once, then -9)', async () => {
    const runs: string[][] = []
    for (const options of [{ getUserSig: fresh().fn }, {}]) {
      const platform = createFakePlatform()
      const refused = { statusCode: 200, data: { ErrorCode: 70001, ErrorInfo: 'sig expired' } }
      platform.respond(refused, refused)
      const { room, events } = await started({ ...options, enterMode: 'legacy' }, platform)
      await flush()
      platform.advance(1000)
      await flush()
      expect(room.status).toBe('error')
      runs.push(outcome(events))
      await room.destroy()
    }
    expect(runs[0]).toEqual(runs[1])
    expect(runs[0].at(-1)).toBe(`error ${E.ROOM_SIG_FAILED}`)
  })

  it('H5 enterRoom -100018: -90200, never a refresh', async () => {
    const sig = fresh()
    const h5 = createH5Room({ getUserSig: sig.fn })
    h5.sdk.prepare = (client) => client.behaviour.set('enterRoom', rtcError(5400, -100018, 'userSig expired'))
    await startAndEnter(h5)
    expect(h5.tagged('error').map((e) => e.code)).toEqual([E.USERSIG_EXPIRED])
    expect(h5.tagged('warning').map((e) => e.code)).toEqual([E.INVALID_PROP])
    expect(sig.calls).toEqual([])
    await h5.room.destroy()
  })

  it('IM login 70001: -90200 naming the import, no second login, getUserSig never called', async () => {
    const mock = createTimMock()
    mock.server.addGroup('1234')
    registerIM(createTimImFactory(mock.sdk))
    ;(mock.sdk.create({ SDKAppID: 1400000001 }) as FakeTim).failLogin(70001, 'userSig expired')
    const sig = fresh()
    const { room, imEvents } = await started({ enableIM: true, getUserSig: sig.fn })
    await until(() => imEvents.some((e) => e.tag === 'error'))
    expect(imEvents.filter((e) => e.tag === 'error')).toMatchObject([{ code: E.USERSIG_EXPIRED, detail: { message: expect.stringContaining(IMPORT_LINE) } }])
    expect(mock.created.reduce((n, t) => n + t.calls.filter((c) => c.startsWith('login')).length, 0)).toBe(1)
    expect(sig.calls).toEqual([])
    await room.destroy()
  })
})

/**
 * H5 engine on the fake trtc-sdk-v5: localMirror / remoteMirror → the SDK's `mirror` option (at
 * startLocalVideo and live through updateLocalVideo, also when changed while the camera opens), and
 * backgroundPolicy 'mute' → the microphone track muted while the tab is hidden.
 */
import { describe, expect, it } from 'vitest'
import { mirrorMode } from '../../uni_modules/webrtc-room/engines/h5/local-media'
import type { LocalMirror } from '../../uni_modules/webrtc-room/core/types'
import { createH5Room, settle, startAndEnter } from './helpers/h5-room'
import { deferred } from './helpers/fake-trtc'

const mirrorCalls = (calls: unknown[][]) => calls.map((args) => (args[0] as { option?: { mirror?: unknown } }).option).filter((o) => o && 'mirror' in o).map((o) => o!.mirror)

describe('mirrorMode (pure)', () => {
  it.each([
    ['auto', false, 'view'],
    ['enable', false, 'view'],
    ['disable', false, false],
    ['auto', true, 'both'],
    ['enable', true, 'both'],
    ['disable', true, 'publish'],
  ] as const)('localMirror %s, remoteMirror %s → %s', (localMirror: LocalMirror, remoteMirror: boolean, expected) => {
    expect(mirrorMode({ localMirror, remoteMirror })).toBe(expected)
  })
})

describe('H5 engine: mirror', () => {
  it('starts the camera with the mirror the props ask for', async () => {
    const h5 = createH5Room({ localMirror: 'disable', remoteMirror: true })
    await startAndEnter(h5)
    expect(mirrorCalls(h5.sdk.client.callsOf('startLocalVideo'))).toEqual(['publish'])
  })

  it('a live prop change updates the running camera, once per real change', async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const client = h5.sdk.client
    h5.room.update({ localMirror: 'disable' })
    h5.room.update({ remoteMirror: true })
    h5.room.update({ localMirror: 'enable', remoteMirror: true })
    h5.room.update({ beauty: 3 }) // unrelated: no mirror call
    h5.room.update({ localMirror: 'auto' }) // same SDK mode as 'enable': no call
    await settle()
    expect(mirrorCalls(client.callsOf('updateLocalVideo'))).toEqual([false, 'publish', 'both'])
    expect(h5.room.state.pusher).toMatchObject({ localMirror: 'auto', remoteMirror: true })
    expect(h5.room.status).toBe('in_room')
  })

  it('a change while the camera is still opening applies once it opened', async () => {
    const h5 = createH5Room()
    const open = deferred()
    h5.sdk.prepare = (client) => client.behaviour.set('startLocalVideo', open)
    await startAndEnter(h5)
    h5.room.update({ remoteMirror: true })
    await settle()
    expect(mirrorCalls(h5.sdk.client.callsOf('updateLocalVideo'))).toEqual([])
    open.resolve()
    await settle()
    expect(mirrorCalls(h5.sdk.client.callsOf('startLocalVideo'))).toEqual(['view'])
    expect(mirrorCalls(h5.sdk.client.callsOf('updateLocalVideo'))).toEqual(['both'])
  })

  it('an invalid value warns naming the prop and mirrors as by default', async () => {
    const h5 = createH5Room({ localMirror: 'sideways' as LocalMirror })
    await startAndEnter(h5)
    expect(h5.tagged('warning').map((e) => (e.detail as { prop?: string }).prop)).toContain('localMirror')
    expect(mirrorCalls(h5.sdk.client.callsOf('startLocalVideo'))).toEqual(['view'])
  })
})

describe('H5 engine: backgroundPolicy', () => {
  const micMutes = (h5: ReturnType<typeof createH5Room>) => h5.sdk.client.callsOf('updateLocalAudio').map((args) => (args[0] as { mute?: boolean }).mute)

  it("'mute' mutes the microphone while the tab is hidden and restores it on show", async () => {
    const h5 = createH5Room({ backgroundPolicy: 'mute' })
    await startAndEnter(h5)
    h5.platform.hideApp()
    await settle()
    expect(micMutes(h5)).toEqual([true])
    expect(h5.room.status).toBe('in_room')
    h5.platform.showApp()
    await settle()
    expect(micMutes(h5)).toEqual([true, false])
  })

  it("the browser default 'keep' leaves camera and mic alone", async () => {
    const h5 = createH5Room()
    await startAndEnter(h5)
    const before = h5.sdk.client.calls.length
    h5.platform.hideApp()
    await settle()
    expect(h5.sdk.client.calls.slice(before)).toEqual([])
    expect(h5.tagged('background')).toHaveLength(1)
  })

  it("'pause' pauses camera and mic through the existing pause path", async () => {
    const h5 = createH5Room({ backgroundPolicy: 'pause' })
    await startAndEnter(h5)
    h5.platform.hideApp()
    await settle()
    expect(h5.room.status).toBe('paused')
    expect(h5.sdk.client.callsOf('updateLocalVideo').map((a) => (a[0] as { mute?: boolean }).mute)).toContain(true)
  })
})

/**
 * The H5 engine: `<webrtc-room>` in a browser on trtc-sdk-v5, behind the same `RoomEngine` seam as
 * the mp-weixin live-tags engine (engines/mp-weixin). Each `enter` runs one `TrtcSession`
 * (trtc-session.ts); the engine keeps what outlives a session: the chosen devices and a camera
 * preview kept after a fatal error.
 */
import { type EngineEnvironment, type EngineFactory, type RoomEngine, ENGINE_LOAD_FAILED, INVALID_STATE, WebrtcRoomError } from '../../lib/runtime'
import { checkChoice, deviceError, listDevices } from './media-devices'
import { TrtcSession, type ChosenDevices, type TrtcWebEngineDeps } from './trtc-session'

/**
 * The H5 engine factory over injected dependencies (tests pass a fake SDK and page);
 * room-factory.ts (`platformEngine`) wires the real ones.
 */
export function createTrtcWebEngineFactory(deps: TrtcWebEngineDeps): EngineFactory {
  return ({ platform }: EngineEnvironment): RoomEngine => {
    let session: TrtcSession | null = null
    const chosen: ChosenDevices = {}
    const sdk = () =>
      deps.loadSdk().catch((err) => {
        throw new WebrtcRoomError(ENGINE_LOAD_FAILED, `loading trtc-sdk-v5 failed: ${String(err)}`)
      })
    /** A session that left after a fatal error but keeps the camera preview (see `leave(true)`). */
    let previewing: TrtcSession | null = null
    const end = (keepPreview = false) => {
      previewing?.release()
      previewing = session?.leave(keepPreview) ? session : null
      session = null
    }
    return {
      name: 'trtc-web',
      enter(params, sink) {
        end()
        const next = new TrtcSession(params, sink, deps, platform, chosen)
        session = next
        next.run().catch((err) => {
          // run() reports its own failures; this only keeps a bug from becoming an unhandled rejection.
          platform.log?.('error', '[h5 engine] unexpected failure', { error: String(err) })
        })
      },
      leave: (keepPreview) => end(keepPreview),
      pusher(call) {
        session?.pusher(call)
      },
      player(stream, call) {
        session?.player(stream, call)
      },
      update(options, pusher) {
        // The mic follows the pusher attribute: the user's `muted`, or a hidden room's 'mute' policy.
        session?.update({ ...options, muted: pusher.muted })
      },
      memberMedia(userID, media) {
        session?.memberMedia(userID, media)
      },
      destroy: () => end(),
      screenShare(on) {
        const screen = session?.screen
        if (!screen) return Promise.reject(new WebrtcRoomError(INVALID_STATE, 'screen share: the TRTC client is not ready yet'))
        return on ? screen.start() : screen.stop()
      },
      switchRole: (role) => session?.switchRole(role) ?? Promise.reject(new WebrtcRoomError(INVALID_STATE, 'switchRole: not in a room')),
      devices: async () => listDevices(await sdk()),
      async selectDevice(kind, deviceId) {
        const trtc = await sdk()
        await checkChoice(trtc, kind, deviceId)
        try {
          if (kind === 'speaker') await trtc.setCurrentSpeaker(deviceId)
          else await session?.useDevice(kind, deviceId)
        } catch (err) {
          throw deviceError(err, `switching the ${kind} failed`)
        }
        if (kind !== 'speaker') chosen[kind] = deviceId
      },
    }
  }
}

/**
 * Cameras, microphones and speakers on H5: listing them (`TRTC.get…List`) and checking a choice
 * before it is applied, so an unknown or unplugged deviceId is a clear -90411 and not a camera that
 * silently falls back to the default one.
 */
import { DEVICE_SELECT_FAILED, WebrtcRoomError, type DeviceKind, type DeviceLists, type MediaDevice } from '../../lib/runtime'
import { classifyBrowserError } from './browser-errors'
import type { TrtcDevice, TrtcStatic } from './trtc-sdk'

export const LIST_OF: Record<DeviceKind, keyof DeviceLists> = { camera: 'cameras', microphone: 'microphones', speaker: 'speakers' }

function toDevices(list: unknown): MediaDevice[] {
  if (!Array.isArray(list)) return []
  return (list as Array<TrtcDevice | null>)
    .filter((d): d is TrtcDevice => typeof d?.deviceId === 'string' && d.deviceId !== '')
    .map((d) => ({ deviceId: d.deviceId, label: typeof d.label === 'string' ? d.label : '' }))
}

/** The browser's devices (no permission prompt: labels are '' until camera / mic were allowed once). */
export async function listDevices(sdk: TrtcStatic): Promise<DeviceLists> {
  try {
    const [cameras, microphones, speakers] = await Promise.all([sdk.getCameraList(false), sdk.getMicrophoneList(false), sdk.getSpeakerList(false)])
    return { cameras: toDevices(cameras), microphones: toDevices(microphones), speakers: toDevices(speakers) }
  } catch (err) {
    throw deviceError(err, 'listing devices failed')
  }
}

/** A failed device call as a typed -90411 (the browser's reason and TRTC code kept). */
export function deviceError(err: unknown, what: string): WebrtcRoomError {
  if (err instanceof WebrtcRoomError) return err
  const failure = classifyBrowserError(err, 'support')
  return new WebrtcRoomError(DEVICE_SELECT_FAILED, `${what}: ${failure.message}`, { nativeCode: failure.nativeCode })
}

/** Rejects unless `deviceId` is one of the `kind` devices listed now. */
export async function checkChoice(sdk: TrtcStatic, kind: DeviceKind, deviceId: string): Promise<void> {
  if (!Object.prototype.hasOwnProperty.call(LIST_OF, kind)) {
    throw new WebrtcRoomError(DEVICE_SELECT_FAILED, `selectDevice: kind must be 'camera', 'microphone' or 'speaker', got ${String(kind)}`)
  }
  if (typeof deviceId !== 'string' || !deviceId) {
    throw new WebrtcRoomError(DEVICE_SELECT_FAILED, 'selectDevice: deviceId must be a non-empty string from getDevices()')
  }
  const lists = await listDevices(sdk)
  if (!lists[LIST_OF[kind]].some((d) => d.deviceId === deviceId)) {
    throw new WebrtcRoomError(DEVICE_SELECT_FAILED, `selectDevice: no ${kind} '${deviceId}' (unplugged?): pick one from getDevices()`)
  }
}

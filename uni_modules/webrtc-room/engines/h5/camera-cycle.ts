/**
 * switchCamera in a browser: the next video input after the current one, wrapping around
 * (front ↔ back on a phone, every webcam in turn on a desktop).
 */
export interface CameraDevice {
  deviceId: string
  label?: string
}

/** null when there is no other camera to switch to. An unknown current camera → the second one. */
export function nextCamera(cameras: readonly CameraDevice[], currentId: string | null): CameraDevice | null {
  const usable = cameras.filter((c) => typeof c?.deviceId === 'string' && c.deviceId !== '')
  if (usable.length < 2) return null
  const index = usable.findIndex((c) => c.deviceId === currentId)
  // Unknown current: the browser's default is the first device, so the "next" is the second.
  const from = index < 0 ? 0 : index
  return usable[(from + 1) % usable.length]
}

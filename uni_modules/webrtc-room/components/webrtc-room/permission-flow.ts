/**
 * Camera / microphone denied during preflight: WeChat will not ask again, only its settings page can
 * grant it. With `permissionGuide` on, the component offers that page (platform/permission-guide.ts)
 * and starts the room again once both scopes are granted. The `error` room-event has already been
 * emitted; this only adds the way out.
 */
import { RoomErrorCode } from '../../core/error-codes'
import type { AuthScope, RoomEvent } from '../../core/types'

const SCOPE_OF_CODE: Record<number, AuthScope> = {
  [RoomErrorCode.CAMERA_PERMISSION_DENIED]: 'scope.camera',
  [RoomErrorCode.RECORD_PERMISSION_DENIED]: 'scope.record',
}

/** The scope a preflight `error` was about, or null for any other event. */
export function deniedScope(event: RoomEvent): AuthScope | null {
  if (event.tag !== 'error') return null
  return SCOPE_OF_CODE[event.code] ?? null
}

/** The scopes the room needs: the camera only when it pushes video. */
export function neededScopes(enableCamera: boolean): AuthScope[] {
  return enableCamera ? ['scope.camera', 'scope.record'] : ['scope.record']
}

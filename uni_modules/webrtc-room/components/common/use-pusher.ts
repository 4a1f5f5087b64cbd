/**
 * The one pusher implementation (every layout and every custom slot uses `<webrtc-room-pusher>`,
 * which is a thin shell over this): binds the room's pusher attributes, creates the live-pusher
 * context on the block's OWN component instance (mp-weixin scopes tag ids per component), hands it
 * to the controller and forwards the native events, `detail` untouched.
 */
import { computed, getCurrentInstance } from 'vue'
import type { NetStatusDetail, PusherAttributes, PusherErrorDetail, StateChangeDetail } from '../../core/types'
import { createPusherContext } from '../../platform/native-context'
import { useAttachment } from './use-attachment'
import { useRoomLink } from './room-link'
import { DEFAULT_PUSHER } from '../../core/room-state'
import { localViewId } from '../../core/view-ids'
import type { NativeEvent } from './native-event'

export const PUSHER_TAG_ID = 'pusher'

/** What the tag shows before the room has pusher attributes (idle, or the room not registered yet). */
const IDLE_ATTRIBUTES: PusherAttributes = DEFAULT_PUSHER

export function useLivePusher(roomKey: () => string) {
  const { state, controller } = useRoomLink(roomKey)
  const owner = getCurrentInstance()?.proxy

  const attrs = computed<PusherAttributes>(() => state.value?.pusher ?? IDLE_ATTRIBUTES)
  // The real URL holds the userSig, so the store only has a redacted copy; it changes in lockstep
  // with the real one and is read here only to make this computed re-evaluate.
  const url = computed(() => (state.value?.self.pushURL ? (controller.value?.pushURL ?? '') : ''))
  const viewId = computed(() => localViewId(roomKey()))

  useAttachment(controller, () => PUSHER_TAG_ID, {
    attach(room) {
      const ctx = createPusherContext(PUSHER_TAG_ID, owner)
      if (ctx) room.attachPusher(ctx)
    },
    detach(room) {
      room.detachPusher()
    },
  })

  return {
    attrs,
    url,
    viewId,
    onStateChange: (e: NativeEvent<StateChangeDetail>) => controller.value?.onPusherStateChange(e.detail),
    onNetStatus: (e: NativeEvent<NetStatusDetail>) => controller.value?.onPusherNetStatus(e.detail),
    onError: (e: NativeEvent<PusherErrorDetail>) => controller.value?.onPusherError(e.detail),
  }
}

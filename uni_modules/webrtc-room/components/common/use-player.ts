/**
 * The one player implementation behind `<webrtc-room-player>`: selects one member's stream from the
 * room store, creates the live-player context on the block's own instance, attaches it under the
 * stream key (`${userID}_${streamType}`) and forwards native events with the member's identity.
 */
import { computed, getCurrentInstance } from 'vue'
import type { NetStatusDetail, StateChangeDetail, StreamState, StreamType } from '../../core/types'
import { createPlayerContext } from '../../platform/native-context'
import { useAttachment } from './use-attachment'
import { useRoomLink } from './room-link'
import { streamKey } from '../../core/room-state'
import { remoteViewId } from '../../core/view-ids'
import { streamOf } from './member-stream'
import type { NativeEvent } from './native-event'

export const PLAYER_TAG_ID = 'player'


export function useLivePlayer(roomKey: () => string, userID: () => string, streamType: () => StreamType) {
  const { state, controller } = useRoomLink(roomKey)
  const owner = getCurrentInstance()?.proxy

  const stream = computed<StreamState | null>(() => streamOf(state.value, userID(), streamType()))
  const src = computed(() => stream.value?.playURL ?? '')
  const playing = computed(() => stream.value?.playing ?? false)
  const debug = computed(() => state.value?.pusher?.debug ?? false)
  const viewId = computed(() => remoteViewId(roomKey(), userID(), streamType()))

  useAttachment(controller, () => streamKey(userID(), streamType()), {
    attach(room, key) {
      const ctx = createPlayerContext(PLAYER_TAG_ID, owner)
      if (ctx) room.attachPlayer(key, ctx)
    },
    detach(room, key) {
      room.detachPlayer(key)
    },
  })

  return {
    stream,
    src,
    playing,
    debug,
    viewId,
    onStateChange: (e: NativeEvent<StateChangeDetail>) => controller.value?.onPlayerStateChange(userID(), e.detail, streamType()),
    onNetStatus: (e: NativeEvent<NetStatusDetail>) => controller.value?.onPlayerNetStatus(userID(), e.detail, streamType()),
  }
}

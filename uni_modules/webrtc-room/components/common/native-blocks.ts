/**
 * The one pusher and the one player implementation behind `<webrtc-room-pusher>` / `<webrtc-room-player>`
 * (every layout and every custom slot uses those blocks): each binds its room's attributes from the
 * store, creates its native context on the block's OWN component instance (mp-weixin scopes tag ids
 * per component), attaches it to the controller while it lives and forwards the native events with
 * `detail` untouched.
 */
import { computed, getCurrentInstance, onBeforeUnmount, onMounted, watch, type ComputedRef, type Ref } from 'vue'
import type { AudioVolumeDetail, NetStatusDetail, PusherAttributes, PusherErrorDetail, RoomController, RoomState, StateChangeDetail, StreamType } from '../../core/types'
import { createPlayerContext, createPusherContext } from '../../platform/native-context'
import { useRoomLink } from './room-view'
import { DEFAULT_PUSHER, memberOf, streamKey } from '../../core/room-state'
import { localViewId, remoteViewId } from '../../core/view-ids'

/** What a native tag's `bind*` handler receives: the payload is in `detail`. */
export interface NativeEvent<D> {
  detail: D
}

/**
 * Keeps one native context attached to the right controller under the right key while a block
 * lives: attach once mounted and the controller is known, re-attach when the room or the key changes
 * (a slot can hand the same block another member), detach on unmount.
 */
function useAttachment(controller: ComputedRef<RoomController | null>, key: () => string, attach: (room: RoomController, key: string) => void, detach: (room: RoomController, key: string) => void): void {
  let mounted = false
  let current: { room: RoomController; key: string } | null = null
  const sync = () => {
    const room = mounted ? controller.value : null
    const nextKey = key()
    if (current && (current.room !== room || current.key !== nextKey)) {
      detach(current.room, current.key)
      current = null
    }
    if (room && !current) {
      attach(room, nextKey)
      current = { room, key: nextKey }
    }
  }
  watch([controller, key], sync)
  onMounted(() => {
    mounted = true
    sync()
  })
  onBeforeUnmount(() => {
    mounted = false
    sync()
  })
}

/**
 * The id of the container the H5 engine plays into; '' in a mini-program, which renders the live tag
 * itself (so its build carries none of the id scheme).
 */
function h5ViewId(id: () => string): string {
  let value = ''
  // #ifdef H5
  value = id()
  // #endif
  return value
}

/** A native tag's handler: hands `detail` to the block's controller, if the room has one yet. */
function forward<D>(controller: ComputedRef<RoomController | null>, call: (room: RoomController, detail: D) => void) {
  return (e: NativeEvent<D>): void => {
    if (controller.value) call(controller.value, e.detail)
  }
}

/** The room's pusher attributes; before the room has them (idle, or not registered yet): the defaults. */
function pusherAttrs(state: Ref<RoomState | null | undefined>): ComputedRef<PusherAttributes> {
  return computed(() => state.value?.pusher ?? DEFAULT_PUSHER)
}

export function useLivePusher(roomKey: () => string) {
  const { state, controller } = useRoomLink(roomKey)
  const owner = getCurrentInstance()?.proxy
  useAttachment(
    controller,
    () => 'pusher',
    (room) => {
      const ctx = createPusherContext('pusher', owner)
      if (ctx) room.attachPusher(ctx)
    },
    (room) => room.detachPusher(),
  )
  return {
    attrs: pusherAttrs(state),
    // The real URL holds the userSig, so the store only has a redacted copy; it changes in lockstep
    // with the real one and is read here only to make this computed re-evaluate.
    url: computed(() => (state.value?.self.pushURL ? (controller.value?.pushURL ?? '') : '')),
    viewId: computed(() => h5ViewId(() => localViewId(roomKey()))),
    onStateChange: forward(controller, (room, detail: StateChangeDetail) => room.onPusherStateChange(detail)),
    onNetStatus: forward(controller, (room, detail: NetStatusDetail) => room.onPusherNetStatus(detail)),
    onError: forward(controller, (room, detail: PusherErrorDetail) => room.onPusherError(detail)),
    onVolume: forward(controller, (room, detail: AudioVolumeDetail) => room.onPusherAudioVolume(detail)),
  }
}

/** One member's stream: attached under the stream key `${userID}_${streamType}`. */
export function useLivePlayer(roomKey: () => string, userID: () => string, streamType: () => StreamType) {
  const { state, controller } = useRoomLink(roomKey)
  const owner = getCurrentInstance()?.proxy
  useAttachment(
    controller,
    () => streamKey(userID(), streamType()),
    (room, key) => {
      const ctx = createPlayerContext('player', owner)
      if (ctx) room.attachPlayer(key, ctx)
    },
    (room, key) => room.detachPlayer(key),
  )
  const member = computed(() => memberOf(state.value, userID()))
  const stream = computed(() => member.value?.streams[streamType()])
  return {
    // The URL already plays the chosen big / small stream (StreamState.small, reduce-playback.ts).
    src: computed(() => stream.value?.playURL ?? ''),
    playing: computed(() => stream.value?.playing ?? false),
    // The app's local mute of this member (muteMemberAudio / muteMemberVideo).
    muteAudio: computed(() => !!member.value?.muteAudio),
    muteVideo: computed(() => !!member.value?.muteVideo),
    // `debug` and `background-mute` (backgroundPolicy) come with the room's pusher attributes.
    attrs: pusherAttrs(state),
    viewId: computed(() => h5ViewId(() => remoteViewId(roomKey(), userID(), streamType()))),
    onStateChange: forward(controller, (room, detail: StateChangeDetail) => room.onPlayerStateChange(userID(), detail, streamType())),
    onNetStatus: forward(controller, (room, detail: NetStatusDetail) => room.onPlayerNetStatus(userID(), detail, streamType())),
    onVolume: forward(controller, (room, detail: AudioVolumeDetail) => room.onPlayerAudioVolume(userID(), detail, streamType())),
  }
}

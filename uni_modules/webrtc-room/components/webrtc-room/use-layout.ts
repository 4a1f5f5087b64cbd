/**
 * What every built-in layout reads from the room store: the remote tiles in join order, how many
 * fit (the template's capacity), the overflow count and the labels. Layouts only arrange these.
 */
import { computed } from 'vue'
import type { RoomStatus } from '../../core/types'
import { useRoomLink } from '../common/room-link'
import { labelsFor } from '../common/labels'
import { orderedMembers, tilesOf } from '../common/member-stream'

export interface LayoutBaseProps {
  room: string
  lang: string
}

export function useLayout(props: LayoutBaseProps, fallbackCapacity: number) {
  const { state } = useRoomLink(() => props.room)
  const tiles = computed(() => tilesOf(orderedMembers(state.value)))
  const capacity = computed(() => {
    const c = state.value?.capacity
    return c === undefined || c < 0 ? fallbackCapacity : c
  })
  /** The tiles on screen; the rest stay in the store and show as "+N". */
  const shown = computed(() => (capacity.value < 0 ? tiles.value : tiles.value.slice(0, capacity.value)))
  const hiddenCount = computed(() => tiles.value.length - shown.value.length)
  const status = computed<RoomStatus>(() => state.value?.status ?? 'idle')
  const labels = computed(() => labelsFor(props.lang))
  return { state, tiles, shown, hiddenCount, status, labels }
}

/** Props every layout takes from `<webrtc-room>`. */
export const layoutProps = {
  room: { type: String, required: true as const },
  lang: { type: String, default: 'zh' },
  userName: { type: String, default: '' },
  loadingImg: { type: String, default: '' },
  playerBackgroundImg: { type: String, default: '' },
  soundMode: { type: String as () => 'speaker' | 'ear', default: 'speaker' as const },
}

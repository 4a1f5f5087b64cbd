/**
 * What every built-in layout reads by room key: the remote tiles in join order from the room store,
 * how many fit (the template's capacity), the overflow count, the status and the labels.
 * Layouts only arrange these.
 */
import { computed } from 'vue'
import type { RoomStatus } from '../../core/types'
import { useRoomLink } from '../common/room-link'
import { labelsFor } from '../common/labels'
import { orderedMembers, tilesOf } from '../common/member-stream'
import { viewOptionsOf } from '../common/view-options'
import { stableList } from '../common/stable-computed'

export function useLayout(roomKey: () => string, fallbackCapacity: number) {
  const { state } = useRoomLink(roomKey)
  // Tile keys carry userID + stream type: a stream's flags changing does not re-render a layout.
  const tiles = stableList(() => tilesOf(orderedMembers(state.value)))
  const capacity = computed(() => {
    const c = state.value?.capacity
    return c === undefined || c < 0 ? fallbackCapacity : c
  })
  /** The tiles on screen; the rest stay in the store and show as "+N". */
  const shown = stableList(() => (capacity.value < 0 ? tiles.value : tiles.value.slice(0, capacity.value)))
  const hiddenCount = computed(() => tiles.value.length - shown.value.length)
  const status = computed<RoomStatus>(() => state.value?.status ?? 'idle')
  const labels = computed(() => labelsFor(viewOptionsOf(roomKey()).lang))
  return { state, tiles, shown, hiddenCount, status, labels }
}

/**
 * What both tiles (self-tile, remote-tile) read by room key: the room state, the room's display
 * options (lang, names, images) and the labels in that language. Tiles only add what they show.
 */
import { computed } from 'vue'
import { useRoomLink } from '../common/room-link'
import { labelsFor } from '../common/labels'
import { viewOptionsOf } from '../common/view-options'

export function useTile(roomKey: () => string) {
  const { state } = useRoomLink(roomKey)
  const view = computed(() => viewOptionsOf(roomKey()))
  const labels = computed(() => labelsFor(view.value.lang))
  return { state, view, labels }
}

/** The avatar letter of a tile's "no video" cover. */
export function initialOf(name: string): string {
  return name.slice(0, 1).toUpperCase()
}

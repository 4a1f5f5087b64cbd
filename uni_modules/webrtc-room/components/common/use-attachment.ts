/**
 * Keeps one native context attached to the right controller under the right key while a building
 * block lives: attach once mounted and the controller is known, re-attach when the room or the key
 * changes (a slot can hand the same block another member), detach on unmount.
 */
import { onBeforeUnmount, onMounted, watch, type ComputedRef } from 'vue'
import type { RoomController } from '../../core/types'

export interface Attachment<K> {
  attach(controller: RoomController, key: K): void
  detach(controller: RoomController, key: K): void
}

export function useAttachment<K>(controller: ComputedRef<RoomController | null>, key: () => K, how: Attachment<K>): void {
  let mounted = false
  let current: { controller: RoomController; key: K } | null = null

  const sync = () => {
    const next = mounted ? controller.value : null
    const nextKey = key()
    if (current && (current.controller !== next || current.key !== nextKey)) {
      how.detach(current.controller, current.key)
      current = null
    }
    if (next && !current) {
      how.attach(next, nextKey)
      current = { controller: next, key: nextKey }
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

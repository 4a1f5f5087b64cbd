/**
 * A computed list that keeps its previous array while the items' keys are unchanged. On mp-weixin a
 * component re-renders whenever a computed it reads returns a new array, and each re-render re-sends
 * the props cache key of every child in setData; keeping the old array keeps unaffected layouts
 * (the other grid pages, the float column) out of a member change entirely.
 */
import { computed, type ComputedRef } from 'vue'

export function stableList<T extends { key: string }>(compute: () => T[]): ComputedRef<T[]> {
  let last: T[] = []
  return computed(() => {
    const next = compute()
    if (next.length === last.length && next.every((item, i) => item.key === last[i].key)) return last
    last = next
    return next
  })
}

/**
 * A computed value that keeps its previous object while the new one is structurally equal (JSON):
 * for small view models (the `layout` slot props) rebuilt from a store that also changes for reasons
 * the view does not show (network stats every ~2 s per stream).
 */
export function stableValue<T>(compute: () => T): ComputedRef<T> {
  let last: T | undefined
  let lastJSON = ''
  return computed(() => {
    const next = compute()
    const json = JSON.stringify(next)
    if (last !== undefined && json === lastJSON) return last
    last = next
    lastJSON = json
    return next
  })
}

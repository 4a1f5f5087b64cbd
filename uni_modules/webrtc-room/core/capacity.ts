/**
 * How many remote members a built-in template shows: float / grid 3 (a room of 4), bigsmall 1
 * (the original's limits). Custom layouts (-1) are unlimited. Extra members stay in the store
 * (templates page or hide them); over-capacity is reported once per episode as a -8 `warning`.
 */
import type { TemplateName } from './types'

export const UNLIMITED = -1

export function templateCapacity(template: TemplateName): number {
  switch (template) {
    case 'float':
    case 'grid':
      return 3
    case 'bigsmall':
      return 1
    default:
      return UNLIMITED
  }
}

export function isOverCapacity(capacity: number, members: number): boolean {
  return capacity !== UNLIMITED && members > capacity
}

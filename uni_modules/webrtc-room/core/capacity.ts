/**
 * How many remote members a built-in template shows. The original showed float / grid 3 (a room of 4)
 * and bigsmall 1; our grid pages on and our bigsmall adds a thumbnail strip, so only float has a
 * limit (3, then "+N"). Custom layouts (-1) are unlimited. Extra members stay in the store;
 * over-capacity is reported once per episode as a non-fatal -8 `error` (the original's tag).
 */
import type { TemplateName } from './types'

const UNLIMITED = -1

export function templateCapacity(template: TemplateName): number {
  return template === 'float' ? 3 : UNLIMITED
}

export function isOverCapacity(capacity: number, members: number): boolean {
  return capacity !== UNLIMITED && members > capacity
}

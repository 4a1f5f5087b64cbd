/**
 * The controller registry: room key → live controller. Controllers hold timers, contexts and
 * closures that must never become reactive state, so they live in this plain module Map; the room
 * store and the building-block components find them here by key.
 */
import type { RoomController } from './types'

const controllers = new Map<string, RoomController>()

/** Called by the controller itself; a newer room under the same key replaces the older one. */
export function registerController(key: string, controller: RoomController): void {
  controllers.set(key, controller)
}

export function unregisterController(key: string): void {
  controllers.delete(key)
}

export function getController(key: string): RoomController | undefined {
  return controllers.get(key)
}

/** How many controllers are registered (leak checks). */
export function controllerCount(): number {
  return controllers.size
}

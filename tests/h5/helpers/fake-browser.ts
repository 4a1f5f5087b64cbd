/** Test-only `BrowserEnv`: elements appear when the test mounts them; gestures when it taps. */
import type { BrowserEnv } from '../../../uni_modules/webrtc-room/engines/h5/browser-env'
import type { BrowserCapabilities } from '../../../uni_modules/webrtc-room/engines/h5/browser-support'

export interface FakeBrowser extends BrowserEnv {
  caps: BrowserCapabilities
  mount(id: string): HTMLElement
  tap(): void
  readonly pendingWatchers: number
  readonly pendingGestures: number
}

export function createFakeBrowser(): FakeBrowser {
  const elements = new Map<string, HTMLElement>()
  const watchers = new Set<{ id: string; found: (el: HTMLElement) => void }>()
  const gestures = new Set<() => void>()
  const fake: FakeBrowser = {
    caps: { isSecureContext: true, hasMediaDevices: true, hasPeerConnection: true, userAgent: 'FakeBrowser/1.0' },
    capabilities: () => fake.caps,
    findElement: (id) => elements.get(id) ?? null,
    whenElement(id, found) {
      const now = elements.get(id)
      if (now) {
        found(now)
        return () => {}
      }
      const watcher = { id, found }
      watchers.add(watcher)
      return () => watchers.delete(watcher)
    },
    onNextUserGesture(gesture) {
      gestures.add(gesture)
      return () => gestures.delete(gesture)
    },
    mount(id) {
      const element = { id, tagName: 'UNI-VIEW' } as unknown as HTMLElement
      elements.set(id, element)
      for (const watcher of [...watchers]) {
        if (watcher.id !== id) continue
        watchers.delete(watcher)
        watcher.found(element)
      }
      return element
    },
    tap() {
      const due = [...gestures]
      gestures.clear()
      for (const gesture of due) gesture()
    },
    get pendingWatchers() {
      return watchers.size
    },
    get pendingGestures() {
      return gestures.size
    },
  }
  return fake
}

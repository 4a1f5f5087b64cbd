/**
 * What the H5 engine needs from the page, as an interface: platform/h5-browser.ts implements it over
 * `window` / `document` (the plugin touches globals only under platform/), tests pass a fake.
 */
import type { BrowserCapabilities } from './browser-support'

export interface BrowserEnv {
  capabilities(): BrowserCapabilities
  /** The element with this id if it is in the document now. */
  findElement(id: string): HTMLElement | null
  /**
   * Calls `found` once, as soon as an element with this id is in the document (at once when it
   * already is). Views mount after the store says a stream exists, so the engine waits for them.
   * Returns a cancel function.
   */
  whenElement(id: string, found: (element: HTMLElement) => void): () => void
  /** Calls `gesture` once on the next tap / click / key press (autoplay needs one). Returns cancel. */
  onNextUserGesture(gesture: () => void): () => void
}

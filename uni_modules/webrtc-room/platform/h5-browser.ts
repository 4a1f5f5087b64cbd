/**
 * The browser side of the H5 engine (`BrowserEnv` of engines/h5/browser-env.ts) over `window` and
 * `document`: capabilities, finding the view containers the components render, and the next user
 * gesture (browsers unblock autoplay only inside one). Only used by H5 builds.
 */
import type { BrowserEnv } from '../engines/h5/browser-env'

type Win = Window & typeof globalThis

const GESTURES = ['pointerdown', 'touchend', 'keydown'] as const

export function createBrowserEnv(win: Win = window): BrowserEnv {
  const doc = win.document
  const findElement = (id: string): HTMLElement | null => doc.getElementById(id)

  return {
    capabilities: () => ({
      // `isSecureContext` is missing only in very old browsers: those fail the API checks anyway.
      isSecureContext: win.isSecureContext !== false,
      hasMediaDevices: typeof win.navigator?.mediaDevices?.getUserMedia === 'function',
      hasPeerConnection: typeof win.RTCPeerConnection === 'function',
      hasDisplayMedia: typeof win.navigator?.mediaDevices?.getDisplayMedia === 'function',
      userAgent: win.navigator?.userAgent ?? '',
    }),
    findElement,
    whenElement(id, found) {
      const now = findElement(id)
      if (now) {
        found(now)
        return () => {}
      }
      let done = false
      const observer = new win.MutationObserver(() => {
        const element = findElement(id)
        if (!element || done) return
        done = true
        observer.disconnect()
        found(element)
      })
      observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['id'] })
      return () => {
        done = true
        observer.disconnect()
      }
    },
    onNextUserGesture(gesture) {
      let done = false
      const handler = () => {
        if (done) return
        cancel()
        gesture()
      }
      const cancel = () => {
        done = true
        for (const type of GESTURES) doc.removeEventListener(type, handler, true)
      }
      for (const type of GESTURES) doc.addEventListener(type, handler, true)
      return cancel
    },
  }
}

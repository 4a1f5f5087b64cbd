// @vitest-environment jsdom
/**
 * The browser side of the H5 engine over a real DOM (jsdom): capabilities, waiting for the view
 * containers the components mount, and the one-shot user gesture that unblocks autoplay.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createBrowserEnv } from '../../uni_modules/webrtc-room/platform/h5-browser'

afterEach(() => {
  document.body.innerHTML = ''
})

describe('createBrowserEnv', () => {
  it('reads the capabilities from window', () => {
    const caps = createBrowserEnv().capabilities()
    expect(caps.userAgent).toContain('jsdom')
    // jsdom has neither WebRTC nor media devices: the engine would report an unsupported browser.
    expect(caps.hasPeerConnection).toBe(false)
    expect(caps.hasMediaDevices).toBe(false)
  })

  it('finds a mounted element at once', () => {
    document.body.innerHTML = '<uni-view id="webrtc-room-local-r1"></uni-view>'
    const env = createBrowserEnv()
    const found: Element[] = []
    env.whenElement('webrtc-room-local-r1', (el) => found.push(el))
    expect(found.map((el) => el.id)).toEqual(['webrtc-room-local-r1'])
    expect(env.findElement('webrtc-room-local-r1')).toBe(found[0])
  })

  it('waits for an element that mounts later, once', async () => {
    const env = createBrowserEnv()
    const found: Element[] = []
    env.whenElement('webrtc-room-remote-r1-alice-main', (el) => found.push(el))
    const wrapper = document.createElement('div')
    wrapper.innerHTML = '<uni-view id="webrtc-room-remote-r1-alice-main"></uni-view>'
    document.body.appendChild(wrapper)
    await Promise.resolve()
    expect(found).toHaveLength(1)
    document.body.appendChild(document.createElement('p'))
    await Promise.resolve()
    expect(found).toHaveLength(1)
  })

  it('finds an element whose id is set after it mounted', async () => {
    const env = createBrowserEnv()
    const found: Element[] = []
    env.whenElement('late-id', (el) => found.push(el))
    const view = document.createElement('div')
    document.body.appendChild(view)
    view.id = 'late-id'
    await Promise.resolve()
    expect(found).toEqual([view])
  })

  it('a cancelled wait never fires', async () => {
    const env = createBrowserEnv()
    let fired = false
    const cancel = env.whenElement('never', () => {
      fired = true
    })
    cancel()
    document.body.innerHTML = '<div id="never"></div>'
    await Promise.resolve()
    expect(fired).toBe(false)
  })

  it('calls the gesture handler once, on the next pointer or key event', () => {
    const env = createBrowserEnv()
    let gestures = 0
    env.onNextUserGesture(() => {
      gestures += 1
    })
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    document.body.dispatchEvent(new Event('keydown', { bubbles: true }))
    expect(gestures).toBe(1)
    const cancel = env.onNextUserGesture(() => {
      gestures += 1
    })
    cancel()
    document.body.dispatchEvent(new Event('touchend', { bubbles: true }))
    expect(gestures).toBe(1)
  })
})

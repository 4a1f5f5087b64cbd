/** Driving the demo's pages the way a person does: open, type into uni inputs, tap. */
import type { Page } from 'playwright-core'

/** Opens the enter page with the sign-service field pointing at this run's service. */
export async function gotoIndex(page: Page, webURL: string, signURL: string): Promise<void> {
  await page.goto(`${webURL}/#/pages/index/index`)
  await page.locator('#enter-room').waitFor({ state: 'visible' })
  await fillField(page, 'signBaseURL', signURL)
}

/** Two animation frames: Vue has flushed and uni's input has synced its value back to the DOM. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))))
}

/**
 * uni's <input> renders a real <input> inside <uni-input id=...>. It syncs its DOM value from the
 * model asynchronously, so a second fill right after a first can be overwritten by the first one's
 * re-render: fill, let it settle, and fill again until the field really holds the value.
 */
/** uni-h5 useField: `throttle(triggerInputFn, 100)`. */
const UNI_INPUT_THROTTLE_MS = 100

export async function fillField(page: Page, field: string, value: string): Promise<void> {
  const input = page.locator(`#field-${field} input`)
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.fill(value)
    // uni-h5's input throttles its `update:modelValue` to one per 100 ms: a second fill within that
    // window reaches the model only at the trailing edge, so a click right away would submit the old
    // value. Wait the window out before reading back.
    await page.waitForTimeout(UNI_INPUT_THROTTLE_MS + 50)
    await settle(page)
    if ((await input.inputValue()) === value) return
  }
  throw new Error(`#field-${field} does not keep the value ${JSON.stringify(value)}`)
}

/**
 * Waits until the local camera preview (the fake device) shows frames in the pusher's view: the
 * H5 engine plays it into a <video> inside the element `webrtc-room-local-<room>`.
 */
export async function waitForLocalPreview(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll<HTMLVideoElement>('[id^="webrtc-room-local-"] video')).some(
        (video) => video.readyState >= 2 && video.videoWidth > 0,
      ),
    undefined,
    { timeout },
  )
}

/**
 * The plugin readme's usage example, compiled for mp-weixin: a page that starts the room from a
 * `watch` on its component ref (no explicit start() from the test) really enters — the pusher gets
 * its URL and is started on its own instance.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildFixture } from '../helpers/build-fixture'
import { installMpApp, pageFixture, renderPage, settle, type MpEnv, type SimComponent } from './mp-harness'

interface FixturePage {
  events: Array<{ tag: string; code: number }>
  room(): { stop(): Promise<void> } | null
}

let env: MpEnv
let page: SimComponent

beforeAll(() => {
  env = installMpApp(buildFixture('mp-app'))
})

afterAll(async () => {
  await fixture().room()?.stop()
  page?.detach()
})

function fixture(): FixturePage {
  return pageFixture<FixturePage>('readme')
}

it('the readme pattern starts the room once the ref is set', async () => {
  page = renderPage(env, 'readme')
  await settle(page)
  const pusher = page.querySelector('#room >>> #pusher')
  expect(pusher).toBeTruthy()
  expect(env.contexts.filter((c) => c.kind === 'pusher').flatMap((c) => c.calls)).toContain('start')
  pusher!.dispatchEvent('statechange', { detail: { code: 1018, message: 'entered room' } })
  await settle(page)
  expect(fixture().events.map((e) => e.tag)).toContain('enter_room')
})

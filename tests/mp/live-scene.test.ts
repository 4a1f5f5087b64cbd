/**
 * The live scene on the compiled mp-weixin output (tests/fixtures/mp-app `pages/live`, run under
 * miniprogram-simulate): the `<live-pusher>` attributes each role renders — read through the compiled
 * WXML's bindings from the data the pusher component really holds — and role switches in and out by a
 * prop change, which never stop or restart the pusher and never leave the room.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildFixture } from '../helpers/build-fixture'
import { installMpApp, pageFixture, renderPage, settle, type MpEnv, type SimComponent } from './mp-harness'

interface FixturePage {
  events: Array<{ tag: string; code: number; detail: any }>
  room(): { roomKey: string; start(): Promise<void>; stop(): Promise<void> } | null
}

let env: MpEnv
let page: SimComponent
/** live-pusher attribute → the data key the compiled WXML binds it to (`url="{{c}}"`). */
let bindings: Record<string, string>

beforeAll(() => {
  env = installMpApp(buildFixture('mp-app'))
  const wxml = readFileSync(join(env.dist, 'uni_modules/webrtc-room/components/webrtc-room-pusher/webrtc-room-pusher.wxml'), 'utf8')
  bindings = Object.fromEntries([...wxml.matchAll(/ ([a-z-]+)="\{\{(\w+)\}\}"/g)].map((m) => [m[1], m[2]]))
})

afterAll(async () => {
  await fixture().room()?.stop()
  page?.detach()
})

function fixture(): FixturePage {
  return pageFixture<FixturePage>('live')
}

const setRole = (role: 'anchor' | 'audience') => (globalThis as unknown as { __setLiveRole(r: string): void }).__setLiveRole(role)

/** The pusher's context record (created on the pusher component's own instance). */
function pusherContext() {
  const ctx = env.contexts.filter((c) => c.kind === 'pusher').at(-1)
  if (!ctx) throw new Error('no live-pusher context')
  return ctx
}

/** What the rendered `<live-pusher>` is bound to now. */
function pusherAttrs(): Record<string, unknown> {
  const data = (pusherContext().owner as unknown as { data: Record<string, unknown> }).data
  const out: Record<string, unknown> = {}
  for (const attr of ['url', 'enable-camera', 'enable-mic', 'muted']) out[attr] = data[bindings[attr]]
  return out
}

describe('compiled mp-weixin: live scene', () => {
  it('binds url, enable-camera and enable-mic on the live-pusher', () => {
    expect(Object.keys(bindings)).toEqual(expect.arrayContaining(['url', 'enable-camera', 'enable-mic']))
  })

  it('audience: live URL, camera and mic off, pusher started; co-host and step down by the role prop', async () => {
    page = renderPage(env, 'live')
    await settle(page)
    await fixture().room()!.start()
    await settle(page)
    const pusher = page.querySelector('#room >>> #pusher')!
    pusher.dispatchEvent('statechange', { detail: { code: 1018, message: 'entered room' } })
    await settle(page)

    const audience = pusherAttrs()
    expect(String(audience.url)).toMatch(/^room:\/\/cloud\.tencent\.com\/rtc\?sdkappid=1400000001&roomid=1234&userid=viewer1&usersig=[^&]+&appscene=live&/)
    expect(audience).toMatchObject({ 'enable-camera': false, 'enable-mic': false })
    expect(pusherContext().calls).toEqual(['start'])

    // Anchors only, full screen; no self tile for the audience (its pusher stays mounted, hidden).
    const fire = async (code: number, users: object[]) => {
      pusher.dispatchEvent('statechange', { detail: { code, message: JSON.stringify({ userlist: users }) } })
      await settle(page)
    }
    const playurl = 'room://cloud.tencent.com/rtc?userid=host1'
    await fire(1031, [{ userid: 'host1' }, { userid: 'lurker' }])
    await fire(1033, [{ userid: 'host1', streamtype: 'main', hasvideo: 1, playurl }])
    await fire(1034, [{ userid: 'host1', hasaudio: 1, playurl }])
    const text = () => page.querySelector('#room')!.dom.textContent ?? ''
    expect(text()).toContain('host1')
    expect(text()).not.toContain('lurker')
    expect(text()).not.toContain('我')
    expect(page.querySelector('#room')!.dom.querySelectorAll('[class*="wr-float__main"]').length).toBe(1)

    setRole('anchor')
    await settle(page)
    expect(text()).toContain('我 · viewer1')
    expect(page.querySelector('#room')!.dom.querySelectorAll('[class*="wr-float__main"]').length).toBe(0)
    const anchor = pusherAttrs()
    expect(anchor).toMatchObject({ 'enable-camera': true, 'enable-mic': true })
    expect(anchor.url).toBe(audience.url)

    setRole('audience')
    await settle(page)
    expect(pusherAttrs()).toMatchObject({ 'enable-camera': false, 'enable-mic': false, url: audience.url })

    const events = fixture().events
    expect(events.map((e) => e.tag)).not.toContain('exit_room')
    expect(events.filter((e) => e.tag === 'self_update' && e.detail?.role).map((e) => e.detail.role)).toEqual(['anchor', 'audience'])
    expect(pusherContext().calls).toEqual(['start'])
  })
})

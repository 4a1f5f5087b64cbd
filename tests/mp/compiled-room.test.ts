/**
 * Compiled-output tests: the real mp-weixin build of tests/fixtures/mp-app (one page per template and
 * a custom layout) run under miniprogram-simulate. Native live-pusher member notifications and
 * live-player codes are fired on the rendered tags; the tests assert the rendered players, the page's
 * received `room-event`s, the instance each native context was created on, and the setData traffic
 * per member change (printed: `setData <template> join #n: … bytes`).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join as pathJoin } from 'node:path'
import { buildFixture } from '../helpers/build-fixture'
import { installSetDataMeter, type SetDataMeter, type SetDataTotals } from '../helpers/setdata-meter'
import { compiledRegistry, installMpApp, pageFixture, openRoomPage, renderPage, settle, type MpEnv, type SimComponent } from './mp-harness'

interface FixturePage {
  events: Array<{ tag: string; code: number; detail: any }>
  room(): { roomKey: string; start(): Promise<void>; stop(): Promise<void> } | null
}

let env: MpEnv
let meter: SetDataMeter
let page: SimComponent | null = null

beforeAll(() => {
  env = installMpApp(buildFixture('mp-app'))
  // Before any page renders: j-component binds setData per instance at creation.
  meter = installSetDataMeter()
})

afterEach(async () => {
  if (page) {
    await fixture(currentName).room()?.stop()
    page.detach()
    page = null
  }
  env.contexts.length = 0
})

let currentName = ''
function fixture(name: string): FixturePage {
  return pageFixture<FixturePage>(name)
}

async function open(name: string, pusherSelector = '#room >>> #pusher') {
  currentName = name
  const opened = await openRoomPage(env, name, () => fixture(name).room()!.start(), pusherSelector)
  page = opened.page
  await opened.fire(1018, 'entered room')
  return { ...opened, fx: fixture(name) }
}

type Fire = (code: number, message?: string) => Promise<void>

async function join(fire: Fire, userID: string) {
  const playurl = `room://cloud.tencent.com/rtc?userid=${userID}`
  await fire(1031, JSON.stringify({ userlist: [{ userid: userID }] }))
  await fire(1033, JSON.stringify({ userlist: [{ userid: userID, streamtype: 'main', hasvideo: 1, playurl }] }))
  await fire(1034, JSON.stringify({ userlist: [{ userid: userID, hasaudio: 1, playurl }] }))
}

function owners(kind: 'pusher' | 'player') {
  return env.contexts
    .filter((c) => c.kind === kind)
    .map((c) => {
      const vm = (c.owner as { $vm?: { $options?: { __name?: string }; $props?: Record<string, unknown> } } | undefined)?.$vm
      return { name: vm?.$options?.__name, userId: vm?.$props?.userId, calls: c.calls }
    })
}

function report(label: string, t: SetDataTotals) {
  const parts = Object.entries(t.byComponent)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')
  console.log(`setData ${label}: ${t.bytes} bytes in ${t.calls} calls (${parts})`)
}

/** Joins members one by one up to a room of `roomSize` (self included); setData of each join. */
async function joinsUpTo(fire: Fire, roomSize: number): Promise<SetDataTotals[]> {
  const joins: SetDataTotals[] = []
  for (let i = 1; i < roomSize; i++) joins.push(await meter.measure(() => join(fire, `user${i}`)))
  return joins
}

describe('compiled <webrtc-room> under miniprogram-simulate', () => {
  it('float: members → players with contexts on their own instance; codes reach the page', async () => {
    const { page, fx, fire } = await open('float')
    expect(fx.events.map((e) => e.tag)).toEqual(expect.arrayContaining(['push_state', 'enter_room']))
    // The pusher context was created on <webrtc-room-pusher>'s own instance and started.
    expect(owners('pusher')).toEqual([expect.objectContaining({ name: 'webrtc-room-pusher', calls: ['start'] })])
    expect(page.querySelector('#room')!.dom.textContent).toContain('等待其他成员加入')

    await join(fire, 'bob')
    await join(fire, 'carol')
    expect(page.querySelectorAll('#room >>> #player')).toHaveLength(2)
    expect(owners('player').map((o) => [o.name, o.userId])).toEqual([
      ['webrtc-room-player', 'bob'],
      ['webrtc-room-player', 'carol'],
    ])
    expect(fx.events.filter((e) => e.tag === 'member_join').map((e) => e.detail.userID)).toEqual(['bob', 'carol'])
    const text = page.querySelector('#room')!.dom.textContent
    expect(text).toContain('bob')
    expect(text).not.toContain('等待其他成员加入')

    // A live-player code on bob's tag: play_state for bob reaches the page, his loading cover goes.
    const covers = () => page.querySelector('#room')!.dom.querySelectorAll('[class*="wr-cover__spinner"]').length
    expect(covers()).toBe(2)
    page.querySelectorAll('#room >>> #player')[0].dispatchEvent('statechange', { detail: { code: 2004, message: 'playing' } })
    await settle(page)
    expect(fx.events.at(-2)).toMatchObject({ tag: 'play_state', code: 2004, detail: { userID: 'bob' } })
    expect(fx.events.at(-1)).toMatchObject({ tag: 'member_update', code: 17, detail: { userID: 'bob', reason: 'player_playing' } })
    expect(covers()).toBe(1)

    // Over capacity (3 in float): one -8 warning, a "+1" badge, 3 players on screen.
    await join(fire, 'dave')
    await join(fire, 'erin')
    expect(fx.events.filter((e) => e.code === -8)).toHaveLength(1)
    expect(page.querySelectorAll('#room >>> #player')).toHaveLength(3)
    expect(page.querySelector('#room')!.dom.textContent).toContain('+1')

    await fire(1032, JSON.stringify({ userlist: [{ userid: 'bob' }] }))
    expect(fx.events.at(-1)).toMatchObject({ tag: 'member_leave', detail: { userID: 'bob' } })
    expect(page.querySelectorAll('#room >>> #player')).toHaveLength(3)
    expect(page.querySelector('#room')!.dom.textContent).not.toContain('bob')
  })

  it('bigsmall: first member big, self small, the rest as thumbnails', async () => {
    const { page, fire } = await open('bigsmall')
    const dom = () => page.querySelector('#room')!.dom
    expect(dom().querySelector('[class*="wr-bigsmall__big"] [class*="wr-tile--self"], [class*="wr-bigsmall__big"][class*="self"]') ?? dom().innerHTML.includes('wr-bigsmall__big')).toBeTruthy()
    await join(fire, 'bob')
    await join(fire, 'carol')
    expect(page.querySelectorAll('#room >>> #player')).toHaveLength(2)
    expect(dom().innerHTML).toMatch(/wr-bigsmall__small/)
    expect(dom().querySelectorAll('[class*="wr-bigsmall__thumb"]')).toHaveLength(1)
    // Self moved from big to small without a new pusher (re-creating it would restart the push).
    expect(owners('pusher')).toHaveLength(1)
  })

  it('grid: 2 × 2 pages, a new page past 4 cells', async () => {
    const { page, fire } = await open('grid')
    const pages = () => page.querySelector('#room')!.dom.querySelectorAll('[class~="grid-page--wr-grid__page"]').length
    expect(pages()).toBe(1)
    for (const u of ['u1', 'u2', 'u3']) await join(fire, u)
    expect(pages()).toBe(1)
    await join(fire, 'u4')
    expect(pages()).toBe(2)
    expect(page.querySelectorAll('#room >>> #player')).toHaveLength(4)
  })

  it('userIDs named like Object.prototype members join, play and leave in the compiled build', async () => {
    const { page, fx, fire } = await open('grid')
    const ids = ['toString', '__proto__', 'hasOwnProperty', 'bob']
    for (const id of ids) await join(fire, id)
    expect(fx.events.filter((e) => e.tag === 'member_join').map((e) => e.detail.userID)).toEqual(ids)
    expect(page.querySelectorAll('#room >>> #player')).toHaveLength(4)
    expect(owners('player').map((o) => o.userId)).toEqual(ids)
    await fire(1032, JSON.stringify({ userlist: [{ userid: '__proto__' }, { userid: 'toString' }] }))
    expect(page.querySelectorAll('#room >>> #player')).toHaveLength(2)
    expect(fx.events.filter((e) => e.tag === 'member_leave').map((e) => e.detail.userID)).toEqual(['__proto__', 'toString'])
    expect(owners('player').filter((o) => o.userId !== undefined).length).toBeGreaterThanOrEqual(2)
  })

  it('custom layout: slot blocks get their room through the store, contexts on their own instances', async () => {
    const { page, fx, fire } = await open('custom', '#my-pusher >>> #pusher')
    expect(owners('pusher')).toEqual([expect.objectContaining({ name: 'webrtc-room-pusher', calls: ['start'] })])
    await join(fire, 'bob')
    await join(fire, 'carol')
    const players = page.querySelectorAll('#room >>> #player')
    expect(players).toHaveLength(2)
    expect(owners('player').map((o) => [o.name, o.userId])).toEqual([
      ['webrtc-room-player', 'bob'],
      ['webrtc-room-player', 'carol'],
    ])
    expect(page.dom.textContent).toContain('carol')
    players[1].dispatchEvent('statechange', { detail: { code: 2003, message: 'first frame' } })
    await settle(page)
    expect(fx.events.at(-2)).toMatchObject({ tag: 'play_state', code: 2003, detail: { userID: 'carol' } })
    players[0].dispatchEvent('netstatus', { detail: { info: { videoBitrate: 300 } } })
    await settle(page)
    expect(fx.events.at(-1)).toMatchObject({ tag: 'net_status', detail: { userID: 'bob', info: { videoBitrate: 300 } } })
  })

  it('app hide / show pause and resume the pusher; leaving the page stops it and frees the room', async () => {
    const { fx, fire } = await open('float')
    await join(fire, 'bob')
    ;[...env.appHide].forEach((cb) => cb())
    await settle(page!)
    ;[...env.appShow].forEach((cb) => cb())
    await settle(page!)
    expect(fx.events.map((e) => e.tag)).toEqual(expect.arrayContaining(['background', 'foreground']))
    const pusher = env.contexts.find((c) => c.kind === 'pusher')!
    expect(pusher.calls).toEqual(['start', 'pause', 'resume'])

    // Leaving the page: WeChat detaches the components (the blocks first, their native tags go and
    // stop with them); the room is destroyed: listeners released, the room gone from the store.
    const roomKey = fx.room()!.roomKey
    const before = env.contexts.map((c) => c.calls.length)
    // The registry the compiled component registered its controller in.
    const controllerOf = compiledRegistry(env, page!)
    page!.detach()
    page = null
    await new Promise((r) => setTimeout(r, 5))
    expect(env.appShow.size + env.appHide.size).toBe(0)
    expect(controllerOf(roomKey)).toBeUndefined()
    // No call reaches a context whose tag is gone.
    expect(env.contexts.map((c) => c.calls.length)).toEqual(before)
  })

  for (const name of ['float', 'bigsmall', 'grid', 'custom'] as const) {
    it(`setData per member join in rooms of 2 and 16 (${name})`, async () => {
      const { fire } = await open(name, name === 'custom' ? '#my-pusher >>> #pusher' : '#room >>> #pusher')
      const joins = await joinsUpTo(fire, 16)
      report(`${name} join (room of 2)`, joins[0])
      report(`${name} join (room of 16)`, joins[14])
      if (process.env.SETDATA_DETAIL) console.log(JSON.stringify(joins[14].records))
      expect(joins[0].bytes).toBeGreaterThan(0)
      expect(joins[14].calls).toBeGreaterThan(0)
      if (name !== 'custom') {
        // Built-in layouts: a member change never re-renders the app's page, and its cost does not
        // grow with the room (only the changed grid page / float column re-renders).
        for (const j of joins) expect(j.byComponent[name] ?? 0).toBe(0)
        // bigsmall's thumbnail strip is one list (it scrolls): a join re-sends each thumbnail's props
        // handle (u-p, "uid,n,flip", at most 24 B) and nothing else grows with the room.
        if (name === 'bigsmall') expect(joins[14].bytes - joins[0].bytes).toBeLessThanOrEqual(13 * 24)
        else expect(joins[14].bytes).toBeLessThanOrEqual(joins[0].bytes * 1.5)
      }
    })
  }
})

describe('code summary in the mp-weixin build', () => {
  it('carries the short messages but not the browser-only codes (uni conditional compilation) nor the advice', () => {
    // The code summary is part of the plugin's shared runtime (one module in the app).
    const js = readFileSync(pathJoin(env.dist, 'uni_modules/webrtc-room/lib/runtime.js'), 'utf8')
    expect(js).toContain('camera open failed')
    expect(js).not.toContain('this browser has no WebRTC')
    expect(js).not.toContain('Nothing to do.')
  })
})

describe('a template without a layout (compiled)', () => {
  it('template="1v3" with no layout slot content warns at once, naming the slot; the custom page does not', async () => {
    for (const name of ['noslot', 'custom']) {
      currentName = name
      page = renderPage(env, name)
      await settle(page)
      const warnings = fixture(name).events.filter((e) => e.tag === 'warning')
      if (name === 'noslot') {
        expect(warnings).toHaveLength(1)
        expect(warnings[0].detail).toMatchObject({ prop: 'template', slot: 'layout' })
      } else expect(warnings).toEqual([])
      page.detach()
      page = null
    }
  })
})

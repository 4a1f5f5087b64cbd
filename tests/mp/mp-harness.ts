/**
 * Test-only: runs a compiled mp-weixin fixture (tests/fixtures/mp-app, built by buildFixture) under
 * miniprogram-simulate + jsdom, following TOOLCHAIN.md's recipe: a JSDOM whose globals replace
 * Node's, `App`/`Page`/`getApp` shims, the uni app required from `app.js`, and a fake `wx` whose
 * live-pusher / live-player contexts record their calls and the component instance they were made on.
 */
import { createRequire } from 'node:module'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
// jsdom ships no typings here; the harness needs only its constructor.
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string, opts?: object) => { window: Record<string, unknown> } }

export interface RecordedContext {
  kind: 'pusher' | 'player'
  id: string
  /** The mp component instance `createLive*Context(id, component)` got. */
  owner: { is?: string } | undefined
  calls: string[]
}

export interface MpEnv {
  dist: string
  contexts: RecordedContext[]
  /** onAppShow / onAppHide callbacks registered through `wx`. */
  appShow: Set<() => void>
  appHide: Set<() => void>
  wx: Record<string, unknown>
}

let installed: MpEnv | null = null

function installDom(): void {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true })
  const g = globalThis as Record<string, unknown>
  for (const key of ['window', 'document', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent', 'navigator', 'getComputedStyle']) {
    const value = dom.window[key]
    Object.defineProperty(g, key, { value: typeof value === 'function' && key === 'getComputedStyle' ? (value as (...a: unknown[]) => unknown).bind(dom.window) : value, configurable: true, writable: true })
  }
}

function fakeWx(env: MpEnv): Record<string, unknown> {
  const context = (kind: 'pusher' | 'player') => (id: string, owner?: { is?: string }) => {
    const ctx: RecordedContext = { kind, id, owner, calls: [] }
    env.contexts.push(ctx)
    const methods = ['start', 'stop', 'pause', 'resume', 'switchCamera', 'play', 'mute', 'snapshot']
    return Object.fromEntries(
      methods.map((m) => [m, (opts?: { success?: () => void; complete?: () => void }) => {
        ctx.calls.push(m)
        opts?.success?.()
        opts?.complete?.()
      }]),
    )
  }
  return {
    // fontSizeSetting: real WeChat reports it, and tim-wx-sdk (IM fixture) detects WeChat by it when loaded.
    getSystemInfoSync: () => ({ platform: 'android', version: '8.0.50', SDKVersion: '3.4.0', system: 'Android 14', windowWidth: 375, windowHeight: 667, pixelRatio: 2, fontSizeSetting: 16 }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2, screenWidth: 375, screenHeight: 667 }),
    getDeviceInfo: () => ({ platform: 'android', system: 'Android 14' }),
    getAppBaseInfo: () => ({ SDKVersion: '3.4.0', version: '8.0.50', language: 'zh_CN' }),
    getSetting: (o: { success?: (r: unknown) => void }) => o.success?.({ authSetting: { 'scope.camera': true, 'scope.record': true } }),
    authorize: (o: { success?: () => void }) => o.success?.(),
    openSetting: (o: { success?: (r: unknown) => void }) => o.success?.({ authSetting: {} }),
    showModal: (o: { success?: (r: unknown) => void }) => o.success?.({ confirm: false, cancel: true }),
    onAppShow: (cb: () => void) => env.appShow.add(cb),
    offAppShow: (cb: () => void) => env.appShow.delete(cb),
    onAppHide: (cb: () => void) => env.appHide.add(cb),
    offAppHide: (cb: () => void) => env.appHide.delete(cb),
    createLivePusherContext: context('pusher'),
    createLivePlayerContext: context('player'),
    request: (o: { fail?: (e: unknown) => void }) => o.fail?.({ errMsg: 'request:fail no network in tests' }),
    canIUse: () => true,
    nextTick: (fn: () => void) => setTimeout(fn, 0),
  }
}

/** Loads the compiled app once per test file (uni's app `$vm` is a singleton). */
export function installMpApp(dist: string): MpEnv {
  if (installed) return installed
  installDom()
  const env: MpEnv = { dist, contexts: [], appShow: new Set(), appHide: new Set(), wx: {} }
  const g = globalThis as Record<string, unknown>
  let app: Record<string, unknown> | null = null
  g.App = (o: Record<string, unknown>) => {
    app = o
    ;(o.onLaunch as ((this: unknown, opts: unknown) => void) | undefined)?.call(o, { path: 'pages/float/float', query: {} })
  }
  g.getApp = () => app
  g.Page = (o: unknown) => o
  g.getCurrentPages = () => []
  g.__wxConfig = { envVersion: 'develop', platform: 'android' }
  env.wx = fakeWx(env)
  g.wx = env.wx
  // simulate defines the global `Component` / `Behavior` the compiled vendor code refers to.
  simulate()
  require(join(dist, 'app.js'))
  // uni looks `wx` up at call time: re-assert the fake in case the app replaced it.
  g.wx = Object.assign(g.wx as object, env.wx)
  installed = env
  return env
}

export function simulate() {
  return require('miniprogram-simulate') as {
    load(path: string, tagName?: string | object, options?: object): string
    render(id: string, props?: object): SimComponent
  }
}

export interface SimComponent {
  instance: Record<string, any>
  dom: HTMLElement
  querySelector(selector: string): SimComponent | undefined
  querySelectorAll(selector: string): SimComponent[]
  dispatchEvent(name: string, options?: { detail?: unknown }): void
  attach(parent: Element): void
  detach(): void
}

interface ExparserNode {
  childNodes: ExparserNode[]
  shadowRoot?: ExparserNode
  triggerLifeTime?(name: string, args: unknown[]): void
}

const readied = new WeakSet<object>()

/** Components in the tree, children before parents (WeChat's `ready` order). */
function componentsOf(node: ExparserNode, out: ExparserNode[] = []): ExparserNode[] {
  if (node.shadowRoot && typeof node.shadowRoot === 'object') componentsOf(node.shadowRoot, out)
  for (const child of node.childNodes ?? []) componentsOf(child, out)
  if (typeof node.triggerLifeTime === 'function' && node.shadowRoot) out.push(node)
  return out
}

/**
 * WeChat fires `ready` on every component after its first render, also on components created later
 * by a setData; miniprogram-simulate only does it on `attach`. uni runs Vue's `mounted` in `ready`,
 * so this fires it for components that appeared since the last call.
 */
export function fireReady(page: SimComponent): number {
  const root = (page as unknown as { _exparserNode: ExparserNode })._exparserNode
  let fired = 0
  for (const node of componentsOf(root)) {
    if (readied.has(node)) continue
    readied.add(node)
    node.triggerLifeTime!('ready', [])
    fired++
  }
  return fired
}

/** Let uni flush its render jobs and setData, fire `ready` on new components, until quiet. */
export async function settle(page: SimComponent, rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await sleep(0)
    if (fireReady(page) === 0 && i > 1) break
  }
  await sleep(0)
}

/**
 * What a rendered fixture page exposes for the test (`globalThis.__fixture[name]`: its events, its
 * room's methods, ...): the fixture pages register it when they set up.
 */
export function pageFixture<T>(name: string): T {
  return (globalThis as unknown as { __fixture: Record<string, T> }).__fixture[name]
}

/** Renders a fixture page (`pages/<name>/<name>`) attached to a fresh parent. */
export function renderPage(env: MpEnv, name: string): SimComponent {
  const sim = simulate()
  const id = sim.load(join(env.dist, `pages/${name}/${name}`), 'page', { compiler: 'official', rootPath: env.dist })
  const page = sim.render(id)
  page.attach(document.createElement('parent-wrapper'))
  // attach() fired `ready` on the initial tree: remember it.
  for (const node of componentsOf((page as unknown as { _exparserNode: ExparserNode })._exparserNode)) readied.add(node)
  return page
}

/**
 * Renders a fixture page, runs `start` (its room's start, looked up once the page registered it),
 * and returns the rendered live-pusher with `fire(code, message)`: a `statechange` on it, settled.
 */
export async function openRoomPage(env: MpEnv, name: string, start: () => Promise<void>, pusherSelector = '#room >>> #pusher') {
  const page = renderPage(env, name)
  await settle(page)
  await start()
  await settle(page)
  const pusher = page.querySelector(pusherSelector)
  if (!pusher) throw new Error(`no live-pusher at ${pusherSelector}`)
  const fire = async (code: number, message = '') => {
    pusher.dispatchEvent('statechange', { detail: { code, message } })
    await settle(page)
  }
  return { page, pusher, fire }
}

/** A live-pusher statechange carrying WeChat's member list (`{"userlist":[…]}` as its message), then settles. */
export async function fireMembers(page: SimComponent, pusher: SimComponent, code: number, userlist: object[] = []): Promise<void> {
  pusher.dispatchEvent('statechange', { detail: { code, message: JSON.stringify({ userlist }) } })
  await settle(page)
}

/** The play URL WeChat lists for a member's main stream. */
export const memberPlayURL = (userID: string) => `room://cloud.tencent.com/rtc?userid=${userID}&streamtype=main`

/** A member publishing as WeChat announces it: 1031, then its main video (1033) and audio (1034). */
export async function announceMember(page: SimComponent, pusher: SimComponent, userID: string): Promise<void> {
  const playurl = memberPlayURL(userID)
  await fireMembers(page, pusher, 1031, [{ userid: userID }])
  await fireMembers(page, pusher, 1033, [{ userid: userID, streamtype: 'main', hasvideo: 1, playurl }])
  await fireMembers(page, pusher, 1034, [{ userid: userID, hasaudio: 1, playurl }])
}

/** The room `roomKey` in the app's Pinia room store, as the compiled component `room` sees it. */
export function storedRoom(room: SimComponent, roomKey: string): Record<string, any> {
  return (room.instance as { $vm: { $pinia: { state: { value: Record<string, any> } } } }).$vm.$pinia.state.value['webrtc-room/room'].rooms[roomKey]
}

/**
 * The compiled app's controller registry, read through the compiled plugin runtime (lib/runtime.js) and
 * the app's own Pinia (the room store's getController): `(roomKey) => controller | undefined`.
 */
export function compiledRegistry(env: MpEnv, anyComponent: SimComponent): (roomKey: string) => any {
  const { useRoomStore } = require(join(env.dist, 'uni_modules/webrtc-room/lib/runtime.js'))
  const store = useRoomStore((anyComponent.instance as { $vm: { $pinia: unknown } }).$vm.$pinia)
  return (roomKey) => store.getController(roomKey)
}

/** afterEach of a test that opened fixture page `name`: stops its room, detaches the page, forgets the native contexts it made. */
export async function closeRoomPage(env: MpEnv, page: SimComponent | null, name: string): Promise<void> {
  if (!page) return
  await pageFixture<{ room(): { stop(): Promise<void> } | null }>(name).room()?.stop()
  page.detach()
  env.contexts.length = 0
}

export function sleep(ms = 0) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * A controllable fake `Platform` for controller tests:
 * - a fake clock: `setTimeout` queues, `advance(ms)` fires what is due in time order (timers set by a
 *   firing timer run too when due), `now()` is the fake time;
 * - scripted `request` answers (`respond(...)`: a response, an Error, or a function of the request),
 *   every request recorded in `requests`;
 * - `grants` for `authorize`, `system` for `getSystemInfo`;
 * - `hideApp()` / `showApp()` call the subscribed listeners;
 * - `liveTimers()` / `liveListeners()` count what is still registered (leak checks).
 * `flush()` lets pending promise chains (preflight, requests) settle.
 */
import type { AuthScope, HttpRequest, HttpResponse, Platform, SystemInfo } from '../../uni_modules/webrtc-room/core/types'

type Scripted = HttpResponse | Error | ((req: HttpRequest) => HttpResponse | Error | Promise<HttpResponse>)

export interface FakePlatform extends Platform {
  system: SystemInfo
  grants: Record<AuthScope, boolean>
  requests: HttpRequest[]
  authorizeCalls: AuthScope[]
  logs: Array<{ level: string; message: string }>
  respond(...answers: Scripted[]): void
  advance(ms: number): void
  hideApp(): void
  showApp(): void
  liveTimers(): number
  liveListeners(): number
  /** Total timers ever created (for "nothing scheduled" assertions). */
  timersCreated(): number
}

interface FakeTimer {
  id: number
  at: number
  fn: () => void
}

export function createFakePlatform(overrides: Partial<Pick<FakePlatform, 'name' | 'system'>> = {}): FakePlatform {
  let clock = 1_700_000_000_000
  let seq = 0
  let created = 0
  const timers = new Map<number, FakeTimer>()
  const showListeners = new Set<() => void>()
  const hideListeners = new Set<() => void>()
  const answers: Scripted[] = []
  let randomSeed = 0.123

  const platform: FakePlatform = {
    name: overrides.name ?? 'mp-weixin',
    system: overrides.system ?? { platform: 'android', version: '8.0.50', SDKVersion: '3.4.0', system: 'Android 14' },
    grants: { 'scope.camera': true, 'scope.record': true },
    requests: [],
    authorizeCalls: [],
    logs: [],
    getSystemInfo() {
      return { ...platform.system }
    },
    async authorize(scope) {
      platform.authorizeCalls.push(scope)
      return platform.grants[scope]
    },
    async openSetting() {},
    request(req) {
      platform.requests.push(req)
      const answer = answers.shift()
      if (answer === undefined) return Promise.reject(new Error('fake platform: no scripted response'))
      const value = typeof answer === 'function' ? answer(req) : answer
      return value instanceof Error ? Promise.reject(value) : Promise.resolve(value)
    },
    onAppShow(cb) {
      const handler = () => cb()
      showListeners.add(handler)
      return () => showListeners.delete(handler)
    },
    onAppHide(cb) {
      const handler = () => cb()
      hideListeners.add(handler)
      return () => hideListeners.delete(handler)
    },
    setTimeout(fn, ms) {
      seq += 1
      created += 1
      timers.set(seq, { id: seq, at: clock + Math.max(0, ms), fn })
      return seq
    },
    clearTimeout(handle) {
      timers.delete(handle as number)
    },
    now: () => clock,
    random() {
      randomSeed = (randomSeed * 9301 + 0.49297) % 1
      return randomSeed
    },
    log(level, message) {
      platform.logs.push({ level, message })
    },
    respond(...scripted) {
      answers.push(...scripted)
    },
    advance(ms) {
      const end = clock + ms
      for (;;) {
        let next: FakeTimer | undefined
        for (const timer of timers.values()) if (timer.at <= end && (!next || timer.at < next.at || (timer.at === next.at && timer.id < next.id))) next = timer
        if (!next) break
        timers.delete(next.id)
        clock = Math.max(clock, next.at)
        next.fn()
      }
      clock = end
    },
    hideApp() {
      for (const listener of [...hideListeners]) listener()
    },
    showApp() {
      for (const listener of [...showListeners]) listener()
    },
    liveTimers: () => timers.size,
    liveListeners: () => showListeners.size + hideListeners.size,
    timersCreated: () => created,
  }
  return platform
}

/** Let pending promise chains settle (one macrotask drains every queued microtask). */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** Waits (real time, a few ms per poll) until `condition()` holds: for IM mocks that settle on timers. */
export async function until(condition: () => boolean, polls = 300): Promise<void> {
  for (let i = 0; i < polls && !condition(); i++) await new Promise((r) => setTimeout(r, 2))
  if (!condition()) throw new Error('timed out')
}

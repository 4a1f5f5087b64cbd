/**
 * A recording `uni` global for tests: every call lands in `calls`, and the live-pusher/live-player
 * contexts it creates record their method calls too, so tests assert what the plugin asked for.
 */
import { vi } from 'vitest'

export interface RecordedCall { api: string; args: unknown[] }

export interface FakeContext {
  id: string
  calls: string[]
  [method: string]: unknown
}

export function createUniStub(overrides: Record<string, unknown> = {}) {
  const calls: RecordedCall[] = []
  const contexts: FakeContext[] = []
  const record = (api: string) => (...args: unknown[]) => { calls.push({ api, args }) }

  const makeContext = (kind: 'pusher' | 'player', id: string): FakeContext => {
    const ctx: FakeContext = { id: `${kind}:${id}`, calls: [] }
    for (const m of ['start', 'stop', 'pause', 'resume', 'switchCamera', 'play', 'mute', 'snapshot']) {
      ctx[m] = (opts?: { success?: () => void; complete?: () => void }) => {
        ctx.calls.push(m)
        opts?.success?.()
        opts?.complete?.()
      }
    }
    contexts.push(ctx)
    return ctx
  }

  const uni = {
    getSystemInfoSync: () => ({ platform: 'android', version: '8.0.50', SDKVersion: '3.4.0', system: 'Android 14' }),
    createLivePusherContext: (id: string, _component?: unknown) => {
      calls.push({ api: 'createLivePusherContext', args: [id] })
      return makeContext('pusher', id)
    },
    createLivePlayerContext: (id: string, _component?: unknown) => {
      calls.push({ api: 'createLivePlayerContext', args: [id] })
      return makeContext('player', id)
    },
    authorize: (opts: { scope: string; success?: () => void }) => {
      calls.push({ api: 'authorize', args: [opts.scope] })
      opts.success?.()
    },
    getSetting: (opts: { success?: (r: unknown) => void }) => opts.success?.({ authSetting: { 'scope.camera': true, 'scope.record': true } }),
    openSetting: record('openSetting'),
    request: vi.fn(),
    onAppShow: record('onAppShow'),
    offAppShow: record('offAppShow'),
    onAppHide: record('onAppHide'),
    offAppHide: record('offAppHide'),
    showToast: record('showToast'),
    showModal: record('showModal'),
    navigateTo: record('navigateTo'),
    navigateBack: record('navigateBack'),
    setKeepScreenOn: record('setKeepScreenOn'),
    ...overrides,
  }
  return { uni, calls, contexts }
}

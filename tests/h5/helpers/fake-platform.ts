/** Test-only H5 `Platform`: real timers, no app show/hide, a recorded log. */
import type { Platform } from '../../../uni_modules/webrtc-room/core/types'

export interface FakePlatform extends Platform {
  logs: Array<{ level: string; message: string; data?: unknown }>
}

export function createFakePlatform(): FakePlatform {
  const logs: FakePlatform['logs'] = []
  return {
    name: 'h5',
    logs,
    getSystemInfo: () => ({ platform: 'web' }),
    authorize: async () => true,
    request: async () => {
      throw new Error('no network in tests')
    },
    onAppShow: () => () => {},
    onAppHide: () => () => {},
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
    random: () => 0.5,
    log: (level, message, data) => {
      logs.push({ level, message, data })
    },
  }
}

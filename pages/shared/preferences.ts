/** What the enter page remembers between visits (never the signature): storage keys and safe reads. */
import type { EnterForm } from '../index/form'

const STORAGE_KEY = 'webrtc-room-demo:form'

export function loadPreferences(): Partial<EnterForm> {
  try {
    const saved = uni.getStorageSync(STORAGE_KEY)
    return saved && typeof saved === 'object' ? (saved as Partial<EnterForm>) : {}
  } catch {
    return {}
  }
}

export function savePreferences(form: EnterForm): void {
  try {
    uni.setStorageSync(STORAGE_KEY, { ...form })
  } catch {
    // Not fatal: the next visit starts from defaults.
  }
}

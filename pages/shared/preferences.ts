/**
 * What the enter page remembers between visits (never the signature). The sign service's access
 * token is a secret: it stays in memory for this app session unless the user ticks "remember", and
 * only then goes to storage (uni has no sessionStorage on mini-programs, so "session" = app memory).
 */
import type { EnterForm } from '../index/form'

const STORAGE_KEY = 'webrtc-room-demo:form'

/** The token typed in this app session (not persisted unless remembered). */
let sessionToken = ''

/** What goes to storage: everything but an unremembered token. */
export function storedForm(form: EnterForm): EnterForm {
  return form.rememberToken ? { ...form } : { ...form, signToken: '' }
}

export function loadPreferences(): Partial<EnterForm> {
  let saved: Partial<EnterForm> = {}
  try {
    const value = uni.getStorageSync(STORAGE_KEY)
    if (value && typeof value === 'object') saved = value as Partial<EnterForm>
  } catch {
    // Unreadable storage: start from defaults.
  }
  // A token saved before "remember" existed (or without it ticked) does not come back from storage.
  const token = saved.rememberToken === true ? saved.signToken : undefined
  if (saved.signToken && token === undefined) writeStorage({ ...saved, signToken: '' })
  return { ...saved, signToken: sessionToken || token || '' }
}

function writeStorage(value: Partial<EnterForm>): void {
  try {
    uni.setStorageSync(STORAGE_KEY, value)
  } catch {
    // Not fatal: the next visit starts from defaults.
  }
}

export function savePreferences(form: EnterForm): void {
  sessionToken = form.signToken
  writeStorage(storedForm(form))
}

/** The enter form's memory: the access token stays in this app session unless the user asks to remember it. */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { EnterForm } from '../../pages/index/form'
import { createUniStub } from '../helpers/uni-stub'

const form: EnterForm = {
  sdkAppID: '', userID: 'alice', roomID: '1234', template: 'float', enableIM: true, beauty: 3, aspect: '9:16',
  signBaseURL: 'https://sign.example.com', signToken: 's3cret-token', rememberToken: false,
}

let storage: Map<string, unknown>

/** A fresh module = a fresh app session (the in-memory token is module state). */
async function freshSession() {
  vi.resetModules()
  return import('../../pages/shared/preferences')
}

beforeEach(() => {
  storage = new Map()
  vi.stubGlobal('uni', createUniStub({
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  }).uni)
})

describe('enter form preferences', () => {
  it('never writes an unremembered token to storage, but keeps it for this app session', async () => {
    const prefs = await freshSession()
    prefs.savePreferences(form)
    expect(JSON.stringify([...storage.values()])).not.toContain('s3cret-token')
    expect(prefs.loadPreferences()).toMatchObject({ userID: 'alice', signToken: 's3cret-token' })
    // The app restarts: the token is gone, the rest is remembered.
    const next = await freshSession()
    expect(next.loadPreferences()).toMatchObject({ userID: 'alice', signToken: '' })
  })

  it('persists the token when "remember" is ticked', async () => {
    const prefs = await freshSession()
    prefs.savePreferences({ ...form, rememberToken: true })
    const next = await freshSession()
    expect(next.loadPreferences()).toMatchObject({ signToken: 's3cret-token', rememberToken: true })
  })

  it('drops a token an older version stored without "remember"', async () => {
    storage.set('webrtc-room-demo:form', { ...form, rememberToken: undefined })
    const prefs = await freshSession()
    expect(prefs.loadPreferences().signToken).toBe('')
    expect(JSON.stringify([...storage.values()])).not.toContain('s3cret-token')
  })
})

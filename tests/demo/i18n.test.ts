import { describe, expect, it } from 'vitest'
import { detectLocale, hasMessage, translate, useI18n } from '../../pages/shared/i18n'

describe('demo labels', () => {
  it('follows the system locale', () => {
    expect(detectLocale('zh-Hans')).toBe('zh')
    expect(detectLocale('zh_CN')).toBe('zh')
    expect(detectLocale('en-US')).toBe('en')
    expect(detectLocale('')).toBe('en')
  })

  it('has a zh and an en text for every label', () => {
    const { t, setLocale } = useI18n()
    setLocale('zh')
    expect(t('form.submit')).toBe('进入房间')
    setLocale('en')
    expect(t('form.submit')).toBe('Enter room')
    expect(translate('zh', 'err.roomID.range')).toMatch(/4294967294/)
  })

  it('knows the keys the pages build at run time', () => {
    for (const key of ['sign.error.network', 'sign.error.http', 'sign.error.bad_response', 'sign.error.sdkappid_mismatch', 'template.1v3', 'status.in_room']) {
      expect(hasMessage(key)).toBe(true)
    }
    expect(hasMessage('nope')).toBe(false)
  })
})

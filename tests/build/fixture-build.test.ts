import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildFixture } from '../helpers/build-fixture'

describe('compiled mp-weixin fixture', () => {
  it('resolves <webrtc-room> through easycom and compiles its live-pusher', () => {
    const dist = buildFixture('mp-app')
    const page = JSON.parse(readFileSync(join(dist, 'pages/float/float.json'), 'utf8'))
    expect(page.usingComponents['webrtc-room']).toBe('../../uni_modules/webrtc-room/components/webrtc-room/webrtc-room')
    const wxml = join(dist, 'uni_modules/webrtc-room/components/webrtc-room/webrtc-room.wxml')
    expect(existsSync(wxml)).toBe(true)
  })
})

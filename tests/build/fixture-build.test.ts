import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
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

  it('leaves the plugin\'s uniCloud cloud function (server code, holds no secret but signs) out of the mini-program', () => {
    const dist = buildFixture('mp-app')
    const files = readdirSync(dist, { recursive: true }).map(String)
    expect(files.filter((f) => /uniCloud|webrtc-room-sign/.test(f))).toEqual([])
    const js = files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dist, f), 'utf8')).join('\n')
    expect(js).not.toMatch(/TLS\.identifier|createHmac|uni-config-center/)
  })
})

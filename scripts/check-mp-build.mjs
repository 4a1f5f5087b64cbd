// Asserts that the mp-weixin build holds the compiled <webrtc-room> and that pages resolve it via easycom.
import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const dist = process.argv[2] ?? 'dist/build/mp-weixin'
const comp = join(dist, 'uni_modules/webrtc-room/components/webrtc-room/webrtc-room')
const failures = []
const need = (ok, what) => { if (!ok) failures.push(what) }

for (const ext of ['.js', '.json', '.wxml']) need(existsSync(comp + ext), `missing ${comp + ext}`)
if (existsSync(comp + '.wxml')) {
  const wxml = readFileSync(comp + '.wxml', 'utf8')
  // The built-in templates are laid out in webrtc-room itself, with tiles (built on the pusher block) and grid pages.
  need(/<live-pusher\b|<webrtc-room-pusher\b|<tile\b/.test(wxml), 'webrtc-room.wxml has no live-pusher, pusher building block or tile')
}
const pusher = join(dist, 'uni_modules/webrtc-room/components/webrtc-room-pusher/webrtc-room-pusher.wxml')
need(existsSync(pusher) && /<live-pusher\b/.test(readFileSync(pusher, 'utf8')), 'webrtc-room-pusher.wxml has no live-pusher')
// The demo's room page is the one that hosts <webrtc-room> (pages/index is the enter form).
const page = JSON.parse(readFileSync(join(dist, 'pages/room/room.json'), 'utf8'))
need(
  Object.values(page.usingComponents ?? {}).some((p) => String(p).includes('uni_modules/webrtc-room/components/webrtc-room/webrtc-room')),
  'pages/room does not resolve <webrtc-room> through easycom',
)

if (failures.length) {
  console.error('mp-weixin build check failed:\n- ' + failures.join('\n- '))
  process.exit(1)
}
console.log('mp-weixin build check: ok')

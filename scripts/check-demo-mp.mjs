// Checks that the demo's mp-weixin build imports into WeChat devtools as is: its project.config.json
// (appid from manifest.json, the placeholder users replace), the four pages, the '1v3' page built on
// the building blocks, and the main package under WeChat's 2 MB limit.
// Usage: node scripts/check-demo-mp.mjs [dist/build/mp-weixin]
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const dist = process.argv[2] ?? 'dist/build/mp-weixin'
const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024
const failures = []
const need = (ok, what) => { if (!ok) failures.push(what) }
const json = (file) => JSON.parse(readFileSync(join(dist, file), 'utf8'))

need(existsSync(join(dist, 'project.config.json')), 'no project.config.json: WeChat devtools cannot import the folder')
if (existsSync(join(dist, 'project.config.json'))) {
  const project = json('project.config.json')
  const manifest = JSON.parse(readFileSync('manifest.json', 'utf8').replace(/^\s*\/\/.*$/gm, ''))
  need(project.appid && project.appid === manifest['mp-weixin']?.appid, `project.config.json appid ${project.appid} is not manifest.json mp-weixin.appid`)
  need(project.compileType === 'miniprogram', 'project.config.json compileType is not miniprogram')
}

const app = json('app.json')
for (const page of ['pages/index/index', 'pages/room/room', 'pages/custom/custom', 'pages/basic/basic']) {
  need(app.pages?.includes(page), `app.json does not list ${page}`)
  for (const ext of ['.js', '.json', '.wxml']) need(existsSync(join(dist, page + ext)), `missing ${page + ext}`)
}
need(app.pages?.[0] === 'pages/index/index', 'the enter-room form is not the first page')

const custom = json('pages/custom/custom.json').usingComponents ?? {}
for (const tag of ['webrtc-room', 'webrtc-room-pusher', 'webrtc-room-player']) need(custom[tag], `pages/custom does not use <${tag}>`)
const customWxml = readFileSync(join(dist, 'pages/custom/custom.wxml'), 'utf8')
need(/u-s="\{\{\['layout'\]\}\}"/.test(customWxml), "pages/custom does not fill <webrtc-room>'s layout slot")

function size(path) {
  const st = statSync(path)
  if (!st.isDirectory()) return st.size
  return readdirSync(path).reduce((sum, entry) => sum + size(join(path, entry)), 0)
}
const total = size(dist) - (existsSync(join(dist, 'project.config.json')) ? size(join(dist, 'project.config.json')) : 0)
need(total < MAIN_PACKAGE_LIMIT, `main package is ${total} bytes, over WeChat's ${MAIN_PACKAGE_LIMIT}`)

if (failures.length) {
  console.error('demo mp-weixin check failed:\n- ' + failures.join('\n- '))
  process.exit(1)
}
console.log(`demo mp-weixin check: ok (main package ${(total / 1024).toFixed(1)} KB of 2048 KB, appid ${json('project.config.json').appid})`)

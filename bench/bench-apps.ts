/**
 * The minimal uni-apps the bundle benchmark builds: one shell page without the room (the baseline for
 * common/vendor.js), with `<webrtc-room>`, with the IM entry imported too — same page, so the
 * differences are the room and IM alone; the same with the opt-in codes entry (full code texts) or the
 * levels entry (volume, speaking, quality), the live entry (`room-live`), the sig-refresh entry (`room-sig`), the
 * member-media entry (`room-member`: per-member mute, big / small stream) or the permission guide (`room-guide`) — and a
 * headless page (createRoom + stores, its own tags). Written under dist/bench/apps/ with a real copy of the plugin
 * and their own package.json / vite config, so the H5 build can run from the app's own dir. uni emits
 * every plugin module as its own file under `uni_modules/webrtc-room/`, so the plugin's bytes are read
 * off the output tree file by file (bundle.ts cross-checks them on tests/fixtures/mp-app).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

export const ROOT = join(__dirname, '..')
export const PLUGIN_DIR = join(ROOT, 'uni_modules/webrtc-room')
/** The opt-in IM entry (im/index.ts); the IM variant exists only once the plugin ships it. */
export const IM_ENTRY = join(PLUGIN_DIR, 'im/index.ts')

export type AppVariant = 'base' | 'room' | 'room-im' | 'room-codes' | 'room-levels' | 'room-live' | 'room-sig' | 'room-member' | 'room-guide' | 'headless'

const MANIFEST = {
  name: 'bench',
  appid: '',
  versionName: '1.0.0',
  versionCode: '100',
  vueVersion: '3',
  uniStatistics: { enable: false },
  'mp-weixin': { appid: 'touristappid', usingComponents: true, setting: { es6: true, minified: true } },
  h5: { router: { mode: 'hash' } },
}

const PAGES = { easycom: { autoscan: true }, pages: [{ path: 'pages/room/room' }], globalStyle: {} }

const INDEX_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8" /><title>bench</title></head>
<body><div id="app"><!--app-html--></div><script type="module" src="/main.ts"></script></body></html>
`

/** The opt-in entry each variant's main.ts imports. */
const ENTRIES: Partial<Record<AppVariant, string>> = { 'room-im': 'im', 'room-codes': 'codes', 'room-levels': 'levels', 'room-live': 'live', 'room-sig': 'sig-refresh', 'room-member': 'member-media', 'room-guide': 'permission-guide' }

function mainTs(variant: AppVariant): string {
  const entry = ENTRIES[variant]
  const im = entry ? `import '@/uni_modules/webrtc-room/${entry}'\n` : ''
  return `import { createSSRApp } from 'vue'
import * as Pinia from 'pinia'
${im}import App from './App.vue'
export function createApp() {
  const app = createSSRApp(App)
  app.use(Pinia.createPinia())
  return { app, Pinia }
}
`
}

/**
 * The headless app: what a trtc-wx-sdk user writes — its own `<live-pusher>` / `<live-player>` tags
 * driven by `createRoom` and the stores (no plugin component), so the plugin's share is the controller,
 * the stores and what they import.
 */
const HEADLESS_PAGE = `<template>
  <view id="room">
    <live-pusher id="pusher" mode="RTC" :url="pushURL" @statechange="onPush" @netstatus="onPushNet" @error="onPushError" />
    <live-player v-for="s in streams" :id="s.key" :key="s.key" mode="RTC" :src="s.playURL" :autoplay="s.playing" @statechange="(e) => onPlay(s, e)" />
    <text>{{ status }} {{ problem }}</text>
  </view>
</template>
<script setup lang="ts">
import { computed, getCurrentInstance, onMounted, onUnmounted } from 'vue'
import { createPusherContext, createRoom, useMediaCodesStore, useRoomStore } from '@/uni_modules/webrtc-room'
import type { StreamState } from '@/uni_modules/webrtc-room'
const room = createRoom({ sdkAppID: 1400000001, userID: 'bench_user', userSig: 'test-only-sig', roomID: 1234, autoplay: true })
const store = useRoomStore()
const codes = useMediaCodesStore()
const owner = getCurrentInstance()?.proxy
const state = computed(() => store.rooms[room.key])
const status = computed(() => state.value?.status ?? 'idle')
const pushURL = computed(() => (state.value?.self.pushURL ? room.pushURL : ''))
const streams = computed(() => Object.values(state.value?.members ?? {}).flatMap((m) => Object.values(m.streams)) as StreamState[])
const problem = computed(() => codes.recent.at(-1)?.en ?? '')
const onPush = (e: { detail: { code: number; message: string } }) => room.onPusherStateChange(e.detail)
const onPushNet = (e: { detail: Record<string, unknown> }) => room.onPusherNetStatus(e.detail as never)
const onPushError = (e: { detail: { errCode: number; errMsg: string } }) => room.onPusherError(e.detail)
const onPlay = (s: StreamState, e: { detail: { code: number; message: string } }) => room.onPlayerStateChange(s.userID, e.detail, s.streamType)
onMounted(() => {
  const ctx = createPusherContext('pusher', owner)
  if (ctx) room.attachPusher(ctx)
  void room.start()
})
onUnmounted(() => void room.destroy())
</script>
`

function roomPage(variant: AppVariant): string {
  if (variant === 'headless') return HEADLESS_PAGE
  if (variant === 'base') return `<template>\n  <view id="room">no room</view>\n</template>\n<script setup lang="ts"></script>\n`
  const im = variant === 'room-im' ? ' :enableIM="true"' : ''
  return `<template>
  <webrtc-room id="room" template="grid" :sdkAppID="1400000001" userID="bench_user" userSig="test-only-sig" :roomID="1234"${im} :autoplay="true" />
</template>
<script setup lang="ts"></script>
`
}

/**
 * The H5 build runs with the app as its working dir (uni's H5 build takes index.html, the vite
 * config and the platform plugins from package.json there). uni turns H5 source maps off; the
 * post plugin turns them back on so bundle.ts can attribute bytes to sources.
 */
const VITE_CONFIG = `import { defineConfig } from 'vite'
import uni from '@dcloudio/vite-plugin-uni'
export default defineConfig({
  plugins: [
    uni(),
    { name: 'bench-sourcemap', enforce: 'post', configResolved(config) { (config.build as { sourcemap: boolean }).sourcemap = true } },
  ],
})
`

function packageJson(): string {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>
  return JSON.stringify({ name: 'webrtc-room-bench-app', private: true, dependencies: root.dependencies, devDependencies: root.devDependencies }, null, 2)
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
}

export function imEntryAvailable(): boolean {
  return existsSync(IM_ENTRY)
}

/** Writes dist/bench/apps/<variant> (replacing what was there) and returns its path. */
export function writeBenchApp(variant: AppVariant): string {
  const dir = join(ROOT, 'dist/bench/apps', variant)
  rmSync(dir, { recursive: true, force: true })
  write(join(dir, 'manifest.json'), JSON.stringify(MANIFEST, null, 2))
  write(join(dir, 'pages.json'), JSON.stringify(PAGES, null, 2))
  write(join(dir, 'index.html'), INDEX_HTML)
  write(join(dir, 'package.json'), packageJson())
  write(join(dir, 'vite.config.ts'), VITE_CONFIG)
  write(join(dir, 'App.vue'), `<script setup lang="ts">\nconst benchApp = true\n</script>\n`)
  write(join(dir, 'main.ts'), mainTs(variant))
  write(join(dir, 'pages/room/room.vue'), roomPage(variant))
  cpSync(PLUGIN_DIR, join(dir, 'uni_modules/webrtc-room'), { recursive: true, dereference: true })
  return dir
}

#!/usr/bin/env node
/**
 * Fresh-app check: does the plugin work for a new user who follows only its readme?
 *
 * In a temp folder it creates a minimal uni-app in the CLI layout (src/main.ts, App.vue, pages.json,
 * manifest.json, pages/index/index.vue), copies in ONLY uni_modules/webrtc-room, and then does what the
 * readme asks, step by step:
 *   1. the readme's install command (`<!-- example:install -->`), which must install exactly the
 *      plugin package.json's `dependencies` at the versions this repository tests (its package.json);
 *   2. the readme's main.ts (`<!-- example:main -->`) and the readme's page (`<!-- example:basic -->`);
 *   3. the readme's TypeScript step: `src/uni_modules/webrtc-room/global.d.ts` in tsconfig `include`
 *      (the app's own include patterns do NOT cover uni_modules);
 * then `build:mp-weixin`, `build:h5` and `vue-tsc --noEmit` must pass, no markdown may reach the
 * mini-program, the compiled example page must run (scripts/fresh-app-run.ts), and four planted mistakes (a wrong prop type, a wrong event handler, a wrong IM call, an unknown ref
 * method) must each fail type-checking.
 *
 * Usage: node scripts/fresh-app-check.mjs [--keep]   (--keep leaves the temp app for inspection)
 * Reuses the npm cache (`--prefer-offline`); the toolchain pins come from the root package.json.
 * FRESH_APP_UNI=3.0.0-<release> runs the same check on another uni release (every `@dcloudio/*` but
 * `types`), FRESH_APP_PINS=vue@3.3.11,vite@4.5.9 changes other toolchain pins to match that release:
 * how docs/versions.md tells which HBuilderX releases really build and run the plugin.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { installedPackages, readmeExample } from './lib/readme-examples.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const PLUGIN_DIR = join(ROOT, 'uni_modules/webrtc-room')
const GLOBAL_DTS = 'uni_modules/webrtc-room/global.d.ts'
/** What a CLI uni-app needs besides the plugin's own dependencies (pins read from the root package.json). */
const TOOLCHAIN = {
  dependencies: ['@dcloudio/uni-app', '@dcloudio/uni-components', '@dcloudio/uni-h5', '@dcloudio/uni-mp-weixin', 'vue'],
  devDependencies: ['@dcloudio/types', '@dcloudio/uni-cli-shared', '@dcloudio/vite-plugin-uni', 'vite', 'typescript', 'vue-tsc'],
}
const KEEP = process.argv.includes('--keep')
const UNI_OVERRIDE = process.env.FRESH_APP_UNI
const PIN_OVERRIDES = Object.fromEntries(
  (process.env.FRESH_APP_PINS ?? '').split(',').filter(Boolean).map((word) => {
    const at = word.lastIndexOf('@')
    return [word.slice(0, at), word.slice(at + 1)]
  }),
)

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'))
const rootPkg = readJson(join(ROOT, 'package.json'))
const pluginPkg = readJson(join(PLUGIN_DIR, 'package.json'))
const readme = readFileSync(join(PLUGIN_DIR, 'readme.md'), 'utf8')
const rootPins = { ...rootPkg.dependencies, ...rootPkg.devDependencies }

const started = performance.now()
let failed = false

function step(name, fn) {
  const t0 = performance.now()
  process.stdout.write(`\n=== ${name}\n`)
  fn()
  console.log(`--- ${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`)
}

function fail(message) {
  failed = true
  throw new Error(message)
}

/** Runs a command in the app; returns { status, output } (output = stdout + stderr). */
function run(cwd, cmd, args, { expectFailure = false } = {}) {
  const res = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: '1' }, maxBuffer: 64 << 20 })
  const output = `${res.stdout ?? ''}${res.stderr ?? ''}`
  if (!expectFailure && res.status !== 0) {
    process.stdout.write(output)
    fail(`${cmd} ${args.join(' ')} failed (exit ${res.status})`)
  }
  return { status: res.status, output }
}

/** The readme's install command must install exactly the plugin's dependencies at the tested pins. */
function checkInstallCommand(command) {
  const wanted = installedPackages(command)
  const declared = pluginPkg.dependencies ?? {}
  const problems = []
  for (const [name, version] of Object.entries(declared)) {
    if (wanted[name] !== version) problems.push(`readme installs ${name}@${wanted[name] ?? '(nothing)'}, package.json declares ${version}`)
    if (rootPins[name] !== version) problems.push(`package.json declares ${name}@${version}, this repository tests ${rootPins[name] ?? '(nothing)'}`)
  }
  for (const name of Object.keys(wanted)) {
    if (!(name in declared)) problems.push(`readme installs ${name}, which the plugin's package.json does not declare`)
  }
  if (problems.length) fail(`install step out of step:\n  ${problems.join('\n  ')}`)
}

function pinned(names) {
  return Object.fromEntries(
    names.map((name) => {
      if (!rootPins[name]) fail(`root package.json pins no ${name}`)
      const uniPackage = name.startsWith('@dcloudio/') && name !== '@dcloudio/types'
      return [name, PIN_OVERRIDES[name] ?? (UNI_OVERRIDE && uniPackage ? UNI_OVERRIDE : rootPins[name])]
    }),
  )
}

function writeApp(app) {
  const files = {
    'package.json': JSON.stringify(
      {
        name: 'fresh-app',
        version: '0.0.0',
        private: true,
        scripts: {
          'build:mp-weixin': 'uni build -p mp-weixin',
          'build:h5': 'uni build',
          'type-check': 'vue-tsc --noEmit',
        },
        dependencies: pinned(TOOLCHAIN.dependencies),
        devDependencies: pinned(TOOLCHAIN.devDependencies),
      },
      null,
      2,
    ),
    'vite.config.ts': "import { defineConfig } from 'vite'\nimport uni from '@dcloudio/vite-plugin-uni'\n\nexport default defineConfig({ plugins: [uni()] })\n",
    'index.html':
      '<!DOCTYPE html>\n<html>\n  <head><meta charset="UTF-8" /><title>fresh</title></head>\n  <body>\n    <div id="app"><!--app-html--></div>\n    <script type="module" src="/src/main.ts"></script>\n  </body>\n</html>\n',
    // The app's own patterns leave uni_modules out: only the readme's global.d.ts line brings the
    // plugin's declarations in (its .ts / .vue files still get checked through the page's imports).
    'tsconfig.json': JSON.stringify(
      {
        compilerOptions: {
          target: 'ESNext',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          strict: true,
          jsx: 'preserve',
          lib: ['ESNext', 'DOM'],
          types: ['@dcloudio/types'],
          esModuleInterop: true,
          resolveJsonModule: true,
          skipLibCheck: true,
          noEmit: true,
          baseUrl: '.',
          paths: { '@/*': ['./src/*'] },
        },
        include: ['src/*.ts', 'src/*.vue', 'src/pages/**/*.ts', 'src/pages/**/*.vue', `src/${GLOBAL_DTS}`],
      },
      null,
      2,
    ),
    'src/main.ts': readmeExample(readme, 'main'),
    'src/App.vue': "<script setup lang=\"ts\">\nimport { onLaunch } from '@dcloudio/uni-app'\n\nonLaunch(() => console.log('fresh app launched'))\n</script>\n",
    'src/pages.json': JSON.stringify({ pages: [{ path: 'pages/index/index', style: { navigationBarTitleText: 'room' } }] }, null, 2),
    'src/manifest.json': JSON.stringify(
      { name: 'fresh-app', appid: '', versionName: '1.0.0', versionCode: '100', vueVersion: '3', uniStatistics: { enable: false }, 'mp-weixin': { appid: 'touristappid' } },
      null,
      2,
    ),
    'src/pages/index/index.vue': readmeExample(readme, 'basic'),
  }
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(app, file)), { recursive: true })
    writeFileSync(join(app, file), text)
  }
  cpSync(PLUGIN_DIR, join(app, 'src/uni_modules/webrtc-room'), {
    recursive: true,
    filter: (src) => !relative(PLUGIN_DIR, src).split(/[\\/]/).includes('node_modules'),
  })
}

/** Every file under dir (relative paths). */
function listFiles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  )
}

// Planted mistakes, one per file: each must be reported, in its own file, by vue-tsc.
const ROOM_PROPS = ':sdkAppID="1400000000" userID="alice" userSig="sig"'

/**
 * A page of an app that opts into IM and the live scene, as docs/im.md and docs/live.md tell it (the IM
 * entry, the IM store, the live entry's co-hosting): it must type-check in the fresh app too
 * (tim-wx-sdk's types come with the plugin).
 */
const IM_PAGE = `<template>
  <webrtc-room ref="room" ${ROOM_PROPS} :roomID="1" scene="live" role="audience" enableIM @im-event="onIm" />
  <text>{{ roomsWithIm }}</text>
</template>

<script setup lang="ts">
import { computed, ref, watch } from 'vue'
import { getController, useImStore, type ImEvent, type WebrtcRoomMethods } from '@/uni_modules/webrtc-room'
import { enableWebrtcRoomIM } from '@/uni_modules/webrtc-room/im'
import { anchorsOf, createCoHost, type CoHost } from '@/uni_modules/webrtc-room/live'

enableWebrtcRoomIM({ logLevel: 1, createGroupIfAbsent: true })
const room = ref<WebrtcRoomMethods | null>(null)
const im = useImStore()
const coHost = ref<CoHost | null>(null)
const roomsWithIm = computed(() => Object.keys(im.rooms).length)
function onIm(event: ImEvent) {
  if (event.tag === 'error') console.warn(event.code, event.detail)
}
watch(room, async (r) => {
  if (!r) return
  await r.start()
  await r.sendGroupTextMsg('hello')
  const controller = getController(r.roomKey)
  if (controller) coHost.value = createCoHost(controller)
  const anchor = anchorsOf(controller?.state)[0]
  if (anchor) await coHost.value?.request(anchor.userID, 'may I join?')
})
</script>
`
const PLANTED = {
  'wrong-prop.vue': `<template>\n  <webrtc-room ${ROOM_PROPS} :roomID="{}" />\n</template>\n`,
  'wrong-handler.vue': `<template>\n  <webrtc-room ${ROOM_PROPS} :roomID="1" @room-event="onEvent" />\n</template>\n\n<script setup lang="ts">\nfunction onEvent(e: { tag: number }) {\n  return e.tag + 1\n}\n</script>\n`,
  'wrong-im-call.vue': `<script setup lang="ts">\nimport type { WebrtcRoomMethods } from '@/uni_modules/webrtc-room'\n\ndeclare const room: WebrtcRoomMethods\nroom.sendGroupTextMsg({ text: 'hi' })\n</script>\n`,
  'unknown-method.vue': `<template>\n  <webrtc-room ref="room" ${ROOM_PROPS} :roomID="1" />\n</template>\n\n<script setup lang="ts">\nimport { ref, watch } from 'vue'\nimport type { WebrtcRoomMethods } from '@/uni_modules/webrtc-room'\n\nconst room = ref<WebrtcRoomMethods | null>(null)\nwatch(room, (r) => r?.enterRoom())\n</script>\n`,
}

/** Files vue-tsc reports errors in, e.g. `src/pages/x.vue(2,3): error TS2322: …`. */
function filesWithErrors(output) {
  return new Set([...output.matchAll(/^(\S+?)\(\d+,\d+\): error TS\d+/gm)].map((m) => m[1]))
}

const app = mkdtempSync(join(tmpdir(), 'webrtc-room-fresh-'))
try {
  step('readme install step matches the plugin package.json', () => {
    checkInstallCommand(readmeExample(readme, 'install'))
    if (!readme.includes(GLOBAL_DTS)) fail(`readme no longer tells users to include ${GLOBAL_DTS}`)
  })
  const uni = UNI_OVERRIDE ?? rootPins['@dcloudio/uni-app']
  const pins = Object.entries(PIN_OVERRIDES).map(([n, v]) => ` ${n}@${v}`).join('')
  step(`create the app (${app}, @dcloudio/* ${uni}${pins}) and copy in uni_modules/webrtc-room`, () => writeApp(app))
  step('install: the readme command (npm cache, --prefer-offline)', () => {
    const [cmd, ...args] = readmeExample(readme, 'install').trim().split(/\s+/)
    run(app, cmd, [...args, '--prefer-offline', '--no-audit', '--no-fund'])
  })
  step('build:mp-weixin', () => {
    run(app, 'npm', ['run', 'build:mp-weixin'])
    const out = join(app, 'dist/build/mp-weixin')
    const files = listFiles(out)
    const markdown = files.filter((f) => f.endsWith('.md'))
    if (markdown.length) fail(`markdown reached the mini-program: ${markdown.join(', ')}`)
    const pageJson = readJson(join(out, 'pages/index/index.json'))
    if (!Object.keys(pageJson.usingComponents ?? {}).includes('webrtc-room')) fail('the example page does not use <webrtc-room>')
    console.log(`${files.length} files, no markdown; pages/index uses webrtc-room`)
  })
  step('run the compiled example page (miniprogram-simulate)', () => {
    const { output } = run(ROOT, 'npx', ['tsx', 'scripts/fresh-app-run.ts', join(app, 'dist/build/mp-weixin')])
    process.stdout.write(output)
  })
  step('build:h5', () => run(app, 'npm', ['run', 'build:h5']))
  step('vue-tsc --noEmit (clean app, plus a page that opts into IM and co-hosting)', () => {
    writeFileSync(join(app, 'src/pages/index/im-room.vue'), IM_PAGE)
    run(app, 'npx', ['vue-tsc', '--noEmit'])
  })
  step('vue-tsc --noEmit rejects the planted mistakes', () => {
    const dir = join(app, 'src/pages/planted')
    mkdirSync(dir, { recursive: true })
    for (const [file, text] of Object.entries(PLANTED)) writeFileSync(join(dir, file), text)
    const { status, output } = run(app, 'npx', ['vue-tsc', '--noEmit'], { expectFailure: true })
    const reported = filesWithErrors(output)
    const expected = Object.keys(PLANTED).map((f) => `src/pages/planted/${f}`)
    const missed = expected.filter((f) => !reported.has(f))
    const other = [...reported].filter((f) => !expected.includes(f))
    if (status === 0 || missed.length || other.length) {
      process.stdout.write(output)
      fail(`planted mistakes: missed ${missed.join(', ') || 'none'}; errors elsewhere: ${other.join(', ') || 'none'}`)
    }
    for (const line of output.split('\n').filter((l) => / error TS\d+/.test(l))) console.log(line)
    rmSync(dir, { recursive: true })
  })
} catch (err) {
  failed = true
  console.error(`\nFAILED: ${err.message}`)
} finally {
  if (KEEP) console.log(`\napp kept in ${app}`)
  else rmSync(app, { recursive: true, force: true })
  console.log(`\nfresh-app check ${failed ? 'FAILED' : 'passed'} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  process.exitCode = failed ? 1 : 0
}

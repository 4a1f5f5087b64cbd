/**
 * The demo is an example to copy: its pages use the plugin only through the public entries
 * (`@/uni_modules/webrtc-room` and its opt-in entries: im, live, levels, member-media, codes, legacy, debug, sig-refresh, permission-guide), never its internal files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect, it } from 'vitest'

const ROOT = join(__dirname, '../..')
const PUBLIC = new Set(['@/uni_modules/webrtc-room', '@/uni_modules/webrtc-room/im', '@/uni_modules/webrtc-room/live', '@/uni_modules/webrtc-room/codes', '@/uni_modules/webrtc-room/legacy', '@/uni_modules/webrtc-room/debug', '@/uni_modules/webrtc-room/levels', '@/uni_modules/webrtc-room/sig-refresh', '@/uni_modules/webrtc-room/member-media', '@/uni_modules/webrtc-room/permission-guide'])

function sources(path: string): string[] {
  if (statSync(path).isDirectory()) return readdirSync(path).flatMap((entry) => sources(join(path, entry)))
  return /\.(ts|vue)$/.test(path) ? [path] : []
}

/** Every module specifier that names the plugin (import/export ... from, dynamic import, side-effect import). */
function pluginSpecifiers(code: string): string[] {
  return [...code.matchAll(/(?:from\s+|import\s*\(?\s*)['"]([^'"]*uni_modules\/webrtc-room[^'"]*)['"]/g)].map((m) => m[1])
}

it('pages, App.vue and main.ts import the plugin only from its public entries', () => {
  const files = [...sources(join(ROOT, 'pages')), join(ROOT, 'App.vue'), join(ROOT, 'main.ts')]
  const deep = files.flatMap((file) =>
    pluginSpecifiers(readFileSync(file, 'utf8'))
      .filter((spec) => !PUBLIC.has(spec))
      .map((spec) => `${relative(ROOT, file)}: ${spec}`),
  )
  expect(deep).toEqual([])
  // The scan sees what it must: main.ts installs the IM entry, the live entry (pages/live), the code texts entry, the levels (the room page's rings and bars), the userSig refresh (its getUserSig), the member-media choices (its mute / stream toggles) and the permission guide.
  expect(pluginSpecifiers(readFileSync(join(ROOT, 'main.ts'), 'utf8'))).toEqual(['@/uni_modules/webrtc-room/im', '@/uni_modules/webrtc-room/live', '@/uni_modules/webrtc-room/codes', '@/uni_modules/webrtc-room/levels', '@/uni_modules/webrtc-room/sig-refresh', '@/uni_modules/webrtc-room/member-media', '@/uni_modules/webrtc-room/permission-guide'])
})

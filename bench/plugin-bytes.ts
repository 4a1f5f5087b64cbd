/**
 * The cheapest size figure: builds (or reuses) only the named bench apps for mp-weixin and prints the
 * plugin's bytes (JS + WXML + WXSS, as `npm run bench` counts them); `--files` lists every file,
 * largest first. No budgets asserted, nothing written.
 *
 *     npx tsx bench/plugin-bytes.ts                      # room (IM off) and headless
 *     npx tsx bench/plugin-bytes.ts room-im,room --files
 */
import type { AppVariant } from './bench-apps'
import { buildVariant } from './build-app'
import { measurePluginBytes } from './bundle'

async function main(): Promise<void> {
  const variants = (process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'room,headless').split(',') as AppVariant[]
  for (const variant of variants) {
    const plugin = measurePluginBytes(await buildVariant(variant, 'mp-weixin'))
    console.log(`${variant}: ${plugin.total} B (js ${plugin.js}, wxml ${plugin.wxml}, wxss ${plugin.wxss}; ${plugin.files.length} files)`)
    if (process.argv.includes('--files')) for (const f of [...plugin.files].sort((a, b) => b.bytes - a.bytes)) console.log(`  ${f.bytes}\t${f.path}`)
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

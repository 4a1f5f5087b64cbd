import { buildVariant } from '/work/wt/size/bench/build-app'
import { measurePluginBytes } from '/work/wt/size/bench/bundle'
async function main() {
  const which = (process.argv[2] ?? 'room,headless').split(',') as any[]
  for (const v of which) {
    const out = await buildVariant(v, 'mp-weixin')
    const p = measurePluginBytes(out)
    console.log(`${v}: total ${p.total} js ${p.js} wxml ${p.wxml} wxss ${p.wxss} files ${p.files.length}`)
    if (process.argv.includes('--files')) for (const f of [...p.files].sort((a, b) => b.bytes - a.bytes)) console.log(`  ${f.bytes}\t${f.path}`)
  }
}
main()

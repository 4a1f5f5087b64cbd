/**
 * lib/runtime.js is the plugin's shared modules compiled into one (scripts/bundle-runtime.ts). It must
 * be the current sources, hold only the modules runtime.ts names, and be the only way the rest of the
 * plugin reaches them: a direct import of `core/…` from a component or entry would give the app a second
 * copy of that module (a second controller registry, entries installed into the wrong copy).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { bundleRuntime, PLUGIN, RUNTIME_BUNDLE, type RuntimeBundle } from '../../scripts/bundle-runtime'

/** The folders and files inside the bundle (runtime.ts's `export *` lines name the same). */
const BUNDLED = /^(core|stores|engines\/mp-weixin)\/|^(components\/common\/room-view|components\/webrtc-room\/props|platform\/uni-platform)\.ts$/

/** The .ts / .vue sources below `dir` (no .d.ts), skipping the folders named in `skip`. */
function sources(dir: string, skip: string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return skip.includes(name) ? [] : sources(path, skip)
    return /\.(ts|vue)$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

/** The plugin's own sources, plugin-relative (not its generated bundle, not the uniCloud function). */
const pluginSources = () => sources(PLUGIN, ['uniCloud', 'lib']).map((p) => relative(PLUGIN, p).replace(/\\/g, '/'))

/** `[statement, specifier]` of every import / re-export with a relative specifier. */
function relativeImports(code: string): Array<[string, string]> {
  // [^'"] keeps a match inside one statement (the next statement's specifier has a quote before it).
  return [...code.matchAll(/^(import|export)\b[^'"]*?from '(\.[^']+)'/gm)].map((m) => [m[0], m[2]])
}

const target = (file: string, specifier: string) => relative(PLUGIN, join(PLUGIN, file, '..', specifier)).replace(/\\/g, '/')

describe('lib/runtime.js', () => {
  // One build of the sources for the checks below (~1 s).
  let fresh: RuntimeBundle
  beforeAll(async () => {
    fresh = await bundleRuntime()
  })

  it('is the current sources (run `npm run bundle` after changing them)', () => {
    const { code } = fresh
    expect(code === readFileSync(RUNTIME_BUNDLE, 'utf8'), 'lib/runtime.js is stale: run `npm run bundle`').toBe(true)
  })

  it('holds the bundled modules and nothing else of the plugin', () => {
    const { inputs } = fresh
    const outside = inputs.filter((p) => p !== 'runtime.ts' && !BUNDLED.test(p))
    expect(outside).toEqual([])
    // Every module of those folders is inside: a new core module is bundled (or it would be a second copy).
    expect(pluginSources().filter((p) => BUNDLED.test(p) && !inputs.includes(p))).toEqual([])
  })

  it('keeps the conditional-compilation blocks for the app build (H5-only text is not in mp-weixin)', () => {
    const code = readFileSync(RUNTIME_BUNDLE, 'utf8')
    const blocks = code.match(/\/\/ #if(n?)def H5[\s\S]*?\/\/ #endif/g) ?? []
    expect(blocks.length).toBeGreaterThan(0)
    expect(blocks.some((b) => b.includes('SUMMARY.browser'))).toBe(true)
    // Every opening has its #endif (uni's preprocessor fails the app's build otherwise).
    expect((code.match(/\/\/ #ifn?def /g) ?? []).length).toBe((code.match(/\/\/ #endif/g) ?? []).length)
  })

  it('is the only way the rest of the plugin reaches the bundled modules', () => {
    const offenders: string[] = []
    for (const file of pluginSources()) {
      const inside = BUNDLED.test(file)
      for (const [statement, specifier] of relativeImports(readFileSync(join(PLUGIN, file), 'utf8'))) {
        const to = target(file, specifier)
        if (inside && to === 'lib/runtime') offenders.push(`${file}: a bundled module imports its own bundle`)
        const typeOnly = /^(import|export) type /.test(statement)
        if (!inside && file !== 'runtime.ts' && !typeOnly && BUNDLED.test(`${to}.ts`)) offenders.push(`${file} → ${specifier}`)
      }
    }
    expect(offenders).toEqual([])
  })

  it("the plugin's docs never import a bundled module by its deep path (an app would hold a second copy)", () => {
    const docs = ['readme.md', 'readme_en.md', ...readdirSync(join(PLUGIN, 'docs')).map((f) => `docs/${f}`)]
    const deep = docs.flatMap((doc) =>
      [...readFileSync(join(PLUGIN, doc), 'utf8').matchAll(/from '@\/uni_modules\/webrtc-room\/([^']+)'/g)]
        .filter((m) => BUNDLED.test(`${m[1]}.ts`) || BUNDLED.test(`${m[1]}/`))
        .map((m) => `${doc}: ${m[0]}`),
    )
    expect(deep).toEqual([])
  })

  it('the fixture apps never value-import a bundled module by its deep path either (they stand for users\' apps)', () => {
    const fixtures = join(PLUGIN, '../../tests/fixtures')
    // Each fixture app's own files (its uni_modules/webrtc-room is the plugin itself, symlinked).
    const deep = sources(fixtures, ['uni_modules', 'node_modules']).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^import (?!type )[^'"]*?from '@\/uni_modules\/webrtc-room\/([^']+)'/gm)]
        .filter((m) => BUNDLED.test(`${m[1]}.ts`))
        .map((m) => `${relative(fixtures, file)}: ${m[0]}`),
    )
    expect(deep).toEqual([])
  })
})

import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { installedPackages, readmeExample, readmeExamples } from '../../scripts/lib/readme-examples.mjs'

const PLUGIN = 'uni_modules/webrtc-room'
const zh = readFileSync(`${PLUGIN}/readme.md`, 'utf8')
const en = readFileSync(`${PLUGIN}/readme_en.md`, 'utf8')
const pluginPkg = JSON.parse(readFileSync(`${PLUGIN}/package.json`, 'utf8'))
const rootPkg = JSON.parse(readFileSync('package.json', 'utf8'))

/** Code without `//` line comments and trailing spaces: the zh and en examples differ only there. */
const code = (text: string) => text.replace(/\s*\/\/.*$/gm, '').replace(/[ \t]+$/gm, '')

describe('plugin readme', () => {
  it('is at most 12 KB in each language', () => {
    expect(Buffer.byteLength(zh)).toBeLessThanOrEqual(12 * 1024)
    expect(Buffer.byteLength(en)).toBeLessThanOrEqual(12 * 1024)
  })

  it('installs exactly the dependencies the plugin declares, at the versions this repository tests', () => {
    const wanted = installedPackages(readmeExample(zh, 'install'))
    expect(wanted).toEqual(pluginPkg.dependencies)
    for (const [name, version] of Object.entries(wanted)) expect(rootPkg.dependencies[name]).toBe(version)
  })

  it('shows the same examples in Chinese and English (comments aside)', () => {
    const names = [...readmeExamples(zh).keys()]
    expect(names).toEqual(expect.arrayContaining(['install', 'main', 'basic']))
    expect([...readmeExamples(en).keys()]).toEqual(names)
    for (const name of names) expect(code(readmeExample(en, name)), name).toBe(code(readmeExample(zh, name)))
  })

  it('starts the room when the component ref is set (mp-weixin may set it after onReady)', () => {
    expect(readmeExample(zh, 'basic')).toMatch(/watch\(room, \(r\) => r\?\.start\(\), \{ once: true \}\)/)
  })

  it.skipIf(!existsSync('pages/basic/basic.vue'))('the demo page pages/basic/basic.vue is the readme example', () => {
    expect(readFileSync('pages/basic/basic.vue', 'utf8')).toBe(readmeExample(zh, 'basic'))
  })

  it('links only to files that exist (plugin readmes and docs, README.md, docs/h5.md)', () => {
    const docs = readdirSync(`${PLUGIN}/docs`).filter((f) => f.endsWith('.md')).map((f) => `${PLUGIN}/docs/${f}`)
    const broken: string[] = []
    for (const file of [`${PLUGIN}/readme.md`, `${PLUGIN}/readme_en.md`, `${PLUGIN}/changelog.md`, ...docs, 'README.md', 'docs/h5.md']) {
      for (const [, target] of readFileSync(file, 'utf8').matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue
        if (!existsSync(join(dirname(file), target))) broken.push(`${file} → ${target}`)
      }
    }
    expect(broken).toEqual([])
  })
})

describe('readme example extraction', () => {
  const md = 'text\n<!-- example:a -->\n```ts\nconst a = 1\n```\n\n<!-- example:b -->\n\n```vue\n<template />\n```\n```ts\nunmarked\n```\n'

  it('returns each marked block without its fences', () => {
    expect(readmeExample(md, 'a')).toBe('const a = 1\n')
    expect(readmeExample(md, 'b')).toBe('<template />\n')
    expect([...readmeExamples(md).keys()]).toEqual(['a', 'b'])
  })

  it('names the missing marker, and refuses a marker used twice', () => {
    expect(() => readmeExample(md, 'basic')).toThrow('<!-- example:basic -->')
    expect(() => readmeExamples(`${md}<!-- example:a -->\n\`\`\`\nx\n\`\`\`\n`)).toThrow('example:a')
  })

  it('reads exact name@version pins from an npm install line', () => {
    expect(installedPackages('npm i pinia@2.2.4 @scope/pkg@1.0.0 --save')).toEqual({ pinia: '2.2.4', '@scope/pkg': '1.0.0' })
    expect(() => installedPackages('npm i pinia')).toThrow('exact version')
    expect(() => installedPackages('yarn add pinia@2')).toThrow('npm install')
  })
})

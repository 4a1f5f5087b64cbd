/**
 * The demo's minimal page is the plugin readme's minimal example, character for character: the
 * fenced block right after the `<!-- example:basic -->` marker in uni_modules/webrtc-room/readme.md.
 * (tests/demo/mp-demo.test.ts runs the compiled page.)
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '../..')
const MARKER = '<!-- example:basic -->'

/** The body of the first fenced code block after `marker`, or null when there is none. */
function fencedBlockAfter(markdown: string, marker: string): string | null {
  const at = markdown.indexOf(marker)
  if (at < 0) return null
  const match = /^(```+|~~~+)[^\n]*\n([\s\S]*?)\n\1[ \t]*$/m.exec(markdown.slice(at + marker.length))
  return match ? match[2] : null
}

describe('pages/basic/basic.vue = the readme minimal example', () => {
  it('finds the block after the marker (and nothing without one)', () => {
    expect(fencedBlockAfter(`x\n${MARKER}\n\n\`\`\`vue\n<a/>\n\n<b/>\n\`\`\`\n\`\`\`ts\nno\n\`\`\``, MARKER)).toBe('<a/>\n\n<b/>')
    expect(fencedBlockAfter('```vue\n<a/>\n```', MARKER)).toBeNull()
  })

  it('is the same code', () => {
    const readme = readFileSync(join(ROOT, 'uni_modules/webrtc-room/readme.md'), 'utf8')
    const block = fencedBlockAfter(readme, MARKER)
    expect(block, `readme.md has no fenced block after ${MARKER}`).not.toBeNull()
    const page = readFileSync(join(ROOT, 'pages/basic/basic.vue'), 'utf8')
    expect(page.replace(/\s+$/, '')).toBe(block!.replace(/\s+$/, ''))
  })
})

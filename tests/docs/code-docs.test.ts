import { readFileSync } from 'node:fs'
import { CODE_DOC_FILES, renderCodeDoc } from '../../scripts/gen-code-docs'
import { CODE_TABLES } from '../../uni_modules/webrtc-room/codes'

type Tables = typeof CODE_TABLES

/** Table rows under each `## ` heading of a rendered page. */
function rowsBySection(markdown: string): string[][] {
  return markdown
    .split(/^## /m)
    .slice(1)
    .map((section) => section.split('\n').filter((line) => /^\| -?\d/.test(line)))
}

describe('generated code-table docs', () => {
  it.each(['zh', 'en'] as const)('the committed %s page is what the generator writes (else: npm run docs:codes)', (lang) => {
    const committed = readFileSync(CODE_DOC_FILES[lang], 'utf8')
    expect(committed, `${CODE_DOC_FILES[lang]} is stale: run npm run docs:codes`).toBe(renderCodeDoc(lang))
  })

  it('has one row per entry, in order, with the message and the advice of its language', () => {
    for (const lang of ['zh', 'en'] as const) {
      const sections = rowsBySection(renderCodeDoc(lang))
      const sources = ['room', 'pusher', 'player', 'pusher_error', 'im', 'browser'] as const
      expect(sections).toHaveLength(sources.length)
      sources.forEach((source, i) => {
        expect(sections[i]).toHaveLength(CODE_TABLES[source].length)
        CODE_TABLES[source].forEach((row, j) => {
          const cells = sections[i][j].split(/(?<!\\)\|/).map((c) => c.trim())
          expect(Number(cells[1])).toBe(row.code)
          expect(cells[3]).toBe(row[lang].replace(/\|/g, '\\|'))
          expect(cells[4]).toBe(row.advice[lang].replace(/\|/g, '\\|'))
        })
      })
    }
  })

  it('keeps a table cell on one line and escapes pipes (unseen rows)', () => {
    const row = { code: -1, source: 'room', level: 'error', zh: '甲|乙', en: 'a | b', advice: { zh: '第一行\n第二行', en: 'one\n  two' } }
    const tables = { ...CODE_TABLES, room: [row] } as unknown as Tables
    const zh = renderCodeDoc('zh', tables)
    const en = renderCodeDoc('en', tables)
    expect(zh).toContain('| -1 | 错误 | 甲\\|乙 | 第一行 第二行 |')
    expect(en).toContain('| -1 | error | a \\| b | one two |')
    expect(rowsBySection(en)[0]).toHaveLength(1)
  })
})

/**
 * `npm run codes:summary`: regenerates the code summary block of uni_modules/webrtc-room/core/codes.ts
 * from the full tables of the opt-in codes entry (codes/index.ts), the one source of truth for code
 * texts. The summary keeps source and level of every code and the short message of warnings and
 * errors: zh + en for the plugin's own codes (room, im, browser: the banner names them in the room's
 * `lang`), en only for WeChat's native codes (their zh text is WeChat's own `message`, which the event
 * carries). Info codes carry no text: the UI never names them. tests/core/codes.test.ts runs
 * `packSummary` and fails when the committed block is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CodeInfo, CodeSource } from '../uni_modules/webrtc-room/core/codes'

export const CODES_FILE = join(__dirname, '../uni_modules/webrtc-room/core/codes.ts')
const BLOCK = /(\/\/ <code-summary>[^\n]*\n(?:\/\/[^\n]*\n)*)const SUMMARY[^\n]*\n(?:[^\n]*\n)*?(\/\/ <\/code-summary>)/

/** Codes only the H5 engine emits: kept out of mini-program builds by uni's conditional compilation. */
export const H5_ONLY_SOURCES: readonly CodeSource[] = ['browser']

/** Sources whose events carry WeChat's own (Chinese) message: the summary keeps their en text only. */
export const NATIVE_SOURCES: readonly CodeSource[] = ['pusher', 'player', 'pusher_error']

/** One entry: `<code><i|w|e>` plus `<zh>|<en>` for warnings and errors (`|<en>` for native codes). */
export function packEntry(info: CodeInfo): string {
  const text = info.level === 'info' ? '' : `${NATIVE_SOURCES.includes(info.source) ? '' : info.zh}|${info.en}`
  for (const part of [info.zh, info.en]) {
    if (/[;|]/.test(part)) throw new Error(`${info.source}:${info.code}: ';' and '|' are separators, not allowed in a message`)
  }
  return `${info.code}${info.level[0]}${text}`
}

export function packSummary(tables: Readonly<Record<CodeSource, readonly CodeInfo[]>>): Record<CodeSource, string> {
  const out = {} as Record<CodeSource, string>
  for (const [source, rows] of Object.entries(tables) as Array<[CodeSource, readonly CodeInfo[]]>) out[source] = rows.map(packEntry).join(';')
  return out
}

/** The TypeScript literal of the block (one line per source; H5-only sources behind `#ifdef H5`). */
export function summaryLiteral(summary: Record<CodeSource, string>): string {
  const entries = Object.entries(summary) as Array<[CodeSource, string]>
  const lines = entries.filter(([source]) => !H5_ONLY_SOURCES.includes(source)).map(([source, packed]) => `  ${source}: ${JSON.stringify(packed)},`)
  const h5 = entries.filter(([source]) => H5_ONLY_SOURCES.includes(source)).map(([source, packed]) => `SUMMARY.${source} = ${JSON.stringify(packed)}`)
  return `const SUMMARY: Partial<Record<CodeSource, string>> = {\n${lines.join('\n')}\n}\n// #ifdef H5\n${h5.join('\n')}\n// #endif\n`
}

/** codes.ts with its summary block replaced. */
export function withSummary(source: string, summary: Record<CodeSource, string>): string {
  if (!BLOCK.test(source)) throw new Error('core/codes.ts: <code-summary> block not found')
  return source.replace(BLOCK, (_all, head: string, end: string) => `${head}${summaryLiteral(summary)}${end}`)
}

if (require.main === module) {
  void import('../uni_modules/webrtc-room/codes/index').then(({ CODE_TABLES }) => {
    const before = readFileSync(CODES_FILE, 'utf8')
    const after = withSummary(before, packSummary(CODE_TABLES))
    if (after !== before) writeFileSync(CODES_FILE, after)
    console.log(after === before ? 'core/codes.ts: summary up to date' : 'core/codes.ts: summary rewritten')
  })
}

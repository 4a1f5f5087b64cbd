/**
 * `npm run codes:summary`: regenerates the code summary block of uni_modules/webrtc-room/core/codes.ts
 * from the full tables of the opt-in codes entry (codes/index.ts), the one source of truth for code
 * texts. The summary keeps source and level of every code and the short zh + en message of the plugin's
 * own warnings and errors (room, im, browser: the banner names them in the room's `lang`). WeChat's
 * native codes keep source and level only: their events carry WeChat's own `message`, and the banner
 * only ever names room codes. Info codes carry no text: the UI never names them. The codes only an
 * opt-in entry emits go to a file of that entry (im/code-summary.ts, live/index.ts).
 * tests/core/codes.test.ts runs `packSummary` / `packEntrySummary` and fails when a committed block is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { CodeInfo, CodeSource } from '../uni_modules/webrtc-room/core/codes'

export const CODES_FILE = join(__dirname, '../uni_modules/webrtc-room/core/codes.ts')
const BLOCK = /(\/\/ <code-summary>[^\n]*\n(?:\/\/[^\n]*\n)*)const SUMMARY[^\n]*\n(?:[^\n]*\n)*?(\/\/ <\/code-summary>)/

/** IM codes every build can emit (enableIM without the IM entry, sends with IM off): in the core summary. */
export const CORE_IM_CODES: readonly number[] = [-90300, -90301]

/** An opt-in entry's share of the summary: the codes only it emits, in a file of that entry. */
export interface EntrySummary {
  name: 'im' | 'live'
  file: string
  source: CodeSource
  has(info: CodeInfo): boolean
}

export const ENTRY_SUMMARIES: readonly EntrySummary[] = [
  // Login, join, send checks, SDK errors.
  { name: 'im', file: join(__dirname, '../uni_modules/webrtc-room/im/code-summary.ts'), source: 'im', has: (info) => info.source === 'im' && !CORE_IM_CODES.includes(info.code) },
  // The live scene and co-hosting (-906xx): without the live entry `scene` / `role` are INVALID_PROP.
  { name: 'live', file: join(__dirname, '../uni_modules/webrtc-room/live/index.ts'), source: 'room', has: (info) => info.source === 'room' && info.code <= -90600 && info.code > -90700 },
]

/** Whether only an opt-in entry emits this code (its summary ships with that entry). */
export function entryOnly(info: CodeInfo): boolean {
  return ENTRY_SUMMARIES.some((entry) => entry.has(info))
}

/** Codes only the H5 engine emits: kept out of mini-program builds by uni's conditional compilation. */
export const H5_ONLY_SOURCES: readonly CodeSource[] = ['browser']

/** Sources whose events carry WeChat's own message (in Chinese): the summary keeps their source and level only. */
export const NATIVE_SOURCES: readonly CodeSource[] = ['pusher', 'player', 'pusher_error']

/** What an entry says besides its code: `<i|w|e>`, plus `<zh>|<en>` for the plugin's own warnings and errors. */
function entryBody(info: CodeInfo): string {
  for (const part of [info.zh, info.en]) {
    if (/[;|]/.test(part)) throw new Error(`${info.source}:${info.code}: ';' and '|' are separators, not allowed in a message`)
  }
  return info.level === 'info' || NATIVE_SOURCES.includes(info.source) ? info.level[0] : `${info.level[0]}${info.zh}|${info.en}`
}

/** The code after `code`, one further from zero (-90001 → -90002, 1001 → 1002). */
const after = (code: number) => code + Math.sign(code)

/**
 * One source's packed entries, ordered by size (-4, -5 … 10, 11 … -90001, -90002 …): a run of codes
 * one after the other that say the same is one entry `<first>~<last><body>`; an entry whose first code
 * is the one after the previous entry's last leaves it out (`1018~1020i;w;e` = 1018–1020 info, 1021
 * warning, 1022 error).
 */
export function packSource(rows: readonly CodeInfo[]): string {
  const sorted = [...rows].sort((a, b) => Math.abs(a.code) - Math.abs(b.code) || a.code - b.code)
  const entries: string[] = []
  let next: number | undefined
  for (let i = 0; i < sorted.length; ) {
    const first = sorted[i].code
    const body = entryBody(sorted[i])
    let last = first
    while (++i < sorted.length && sorted[i].code === after(last) && entryBody(sorted[i]) === body) last = sorted[i].code
    entries.push(`${first === next ? '' : first}${last === first ? '' : `~${last}`}${body}`)
    next = after(last)
  }
  return entries.join(';')
}

/** The core summary: every source, without the codes only an opt-in entry emits. */
export function packSummary(tables: Readonly<Record<CodeSource, readonly CodeInfo[]>>): Record<CodeSource, string> {
  const out = {} as Record<CodeSource, string>
  for (const [source, rows] of Object.entries(tables) as Array<[CodeSource, readonly CodeInfo[]]>) {
    out[source] = packSource(rows.filter((info) => !entryOnly(info)))
  }
  return out
}

/** An entry's share: the codes the core summary leaves out for it. */
export function packEntrySummary(tables: Readonly<Record<CodeSource, readonly CodeInfo[]>>, entry: EntrySummary): string {
  return packSource(tables[entry.source].filter((info) => entry.has(info)))
}

/** An entry's file with its summary block replaced. */
export function withEntrySummary(text: string, entry: EntrySummary, packed: string): string {
  const block = new RegExp(`(// <code-summary-${entry.name}>[^\\n]*\\n(?://[^\\n]*\\n)*)addCodeSummary[^\\n]*\\n(// </code-summary-${entry.name}>)`)
  if (!block.test(text)) throw new Error(`${entry.file}: <code-summary-${entry.name}> block not found`)
  return text.replace(block, (_all, head: string, end: string) => `${head}addCodeSummary('${entry.source}', ${JSON.stringify(packed)})\n${end}`)
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
    for (const [file, name, rewrite] of [
      [CODES_FILE, 'core/codes.ts', (text: string) => withSummary(text, packSummary(CODE_TABLES))] as const,
      ...ENTRY_SUMMARIES.map((entry) => [entry.file, relative(join(__dirname, '..'), entry.file), (text: string) => withEntrySummary(text, entry, packEntrySummary(CODE_TABLES, entry))] as const),
    ]) {
      const before = readFileSync(file, 'utf8')
      const after = rewrite(before)
      if (after !== before) writeFileSync(file, after)
      console.log(after === before ? `${name}: summary up to date` : `${name}: summary rewritten`)
    }
  })
}

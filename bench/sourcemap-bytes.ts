/**
 * Attribute the bytes of a generated JS file to its original sources through its source map
 * (what source-map-explorer does, in 60 lines, no dependency). Each mapping segment owns the text up
 * to the next segment on its line; text before a line's first segment and newlines are `(unmapped)`.
 */
import { existsSync, readFileSync } from 'node:fs'

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]))

/** Decode one segment's VLQ fields. */
function decodeSegment(text: string): number[] {
  const values: number[] = []
  let value = 0
  let shift = 0
  for (const char of text) {
    const digit = DIGIT.get(char)
    if (digit === undefined) throw new Error(`bad VLQ character '${char}'`)
    value += (digit & 31) << shift
    if (digit & 32) {
      shift += 5
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1)
      value = 0
      shift = 0
    }
  }
  return values
}

export const UNMAPPED = '(unmapped)'

/** Bytes (UTF-8) per original source path, as the map names them. */
export function bytesBySource(code: string, map: { sources: string[]; mappings: string }): Map<string, number> {
  const totals = new Map<string, number>()
  const add = (source: string, text: string) => {
    if (text.length) totals.set(source, (totals.get(source) ?? 0) + Buffer.byteLength(text))
  }
  const lines = code.split('\n')
  const mappingLines = map.mappings.split(';')
  let sourceIndex = 0
  lines.forEach((line, lineNo) => {
    const segments: Array<{ column: number; source: number | null }> = []
    let column = 0
    for (const raw of (mappingLines[lineNo] ?? '').split(',')) {
      if (!raw) continue
      const fields = decodeSegment(raw)
      column += fields[0]
      if (fields.length >= 4) {
        sourceIndex += fields[1]
        segments.push({ column, source: sourceIndex })
      } else {
        segments.push({ column, source: null })
      }
    }
    add(UNMAPPED, line.slice(0, segments[0]?.column ?? line.length))
    segments.forEach((segment, i) => {
      const end = i + 1 < segments.length ? segments[i + 1].column : line.length
      add(segment.source === null ? UNMAPPED : map.sources[segment.source], line.slice(segment.column, end))
    })
    if (lineNo < lines.length - 1) add(UNMAPPED, '\n')
  })
  return totals
}

/** Reads `<file>` and `<file>.map` (null when there is no map). */
export function bytesBySourceOfFile(file: string): Map<string, number> | null {
  const mapFile = `${file}.map`
  if (!existsSync(mapFile)) return null
  return bytesBySource(readFileSync(file, 'utf8'), JSON.parse(readFileSync(mapFile, 'utf8')))
}

/**
 * What an opt-in entry leaves in an mp-weixin build: its modules with code in them (a module's empty
 * shell, left by an unused import, has none) and the marker strings found in any JS file. The
 * `*-bytes` build tests check an app without the entry holds neither and the same app with it holds both.
 */
import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { jsFiles } from './dist-files'
import type { AppVariant } from '../../bench/bench-apps'
import { buildVariant } from '../../bench/build-app'
import { measurePluginBytes } from '../../bench/bundle'

export interface EntryScan {
  /** the entry's modules (relative to uni_modules/webrtc-room/) that hold code, sorted */
  modules: string[]
  /** `file: marker` for every marker found */
  hits: string[]
}

export function scanEntry(dist: string, entryModules: string[], markers: string[]): EntryScan {
  const plugin = join(dist, 'uni_modules/webrtc-room')
  const hits: string[] = []
  const modules: string[] = []
  for (const file of jsFiles(dist)) {
    const text = readFileSync(file, 'utf8')
    const name = relative(plugin, file)
    if (entryModules.includes(name) && text.replace(/"use strict";/, '').trim() !== '') modules.push(name)
    for (const marker of markers) if (text.includes(marker)) hits.push(`${relative(dist, file)}: ${marker}`)
  }
  return { modules: modules.sort(), hits }
}

/** Every marker is found somewhere. */
export function missingMarkers(scan: EntryScan, markers: string[]): string[] {
  return markers.filter((marker) => !scan.hits.some((h) => h.endsWith(`: ${marker}`)))
}

/** The mp-weixin builds an entry's bytes test compares: `room` and `headless` without it, `variant` with it; prints what the entry adds. */
export async function entryBuilds(variant: AppVariant, entry: string): Promise<{ room: string; headless: string; withEntry: string }> {
  const room = await buildVariant('room', 'mp-weixin')
  const headless = await buildVariant('headless', 'mp-weixin')
  const withEntry = await buildVariant(variant, 'mp-weixin')
  const a = measurePluginBytes(room).total
  const b = measurePluginBytes(withEntry).total
  console.log(`[${variant}] plugin IM off ${a} B; with the ${entry} entry ${b} B (+${b - a} B)`)
  return { room, headless, withEntry }
}

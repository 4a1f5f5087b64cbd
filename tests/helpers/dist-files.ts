/** Every `.js` file below a build output folder (for byte counts and marker scans of real builds). */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

export function jsFiles(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...jsFiles(path))
    else if (entry.name.endsWith('.js')) out.push(path)
  }
  return out
}

/**
 * An opt-in entry's footprint in a build: which of `modules` (paths under uni_modules/webrtc-room/) have
 * code in them (a module's empty shell, left by an unused import, has none), and where `markers` occur.
 */
export function scanEntry(dist: string, modules: string[], markers: string[]): { modules: string[]; hits: string[] } {
  const plugin = join(dist, 'uni_modules/webrtc-room')
  const hits: string[] = []
  const found: string[] = []
  for (const file of jsFiles(dist)) {
    const text = readFileSync(file, 'utf8')
    if (modules.includes(relative(plugin, file)) && text.replace(/"use strict";/, '').trim() !== '') found.push(relative(plugin, file))
    for (const marker of markers) if (text.includes(marker)) hits.push(`${relative(dist, file)}: ${marker}`)
  }
  return { modules: found.sort(), hits }
}

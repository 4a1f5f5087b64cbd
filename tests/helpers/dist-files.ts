/** Every `.js` file below a build output folder (for byte counts and marker scans of real builds). */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
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
 * What an opt-in entry left in a build: which of its `modules` (paths under uni_modules/webrtc-room/)
 * exist, and every `file: marker` where a JS file holds one of its `markers`.
 */
export function scanEntry(dist: string, modules: string[], markers: string[]): { modules: string[]; hits: string[] } {
  const plugin = join(dist, 'uni_modules/webrtc-room')
  const hits: string[] = []
  for (const file of jsFiles(dist)) {
    const text = readFileSync(file, 'utf8')
    for (const marker of markers) if (text.includes(marker)) hits.push(`${relative(dist, file)}: ${marker}`)
  }
  return { modules: modules.filter((m) => existsSync(join(plugin, m))), hits }
}

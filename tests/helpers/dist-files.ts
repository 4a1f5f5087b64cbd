/** Every `.js` file below a build output folder (for byte counts and marker scans of real builds). */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

export function jsFiles(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...jsFiles(path))
    else if (entry.name.endsWith('.js')) out.push(path)
  }
  return out
}

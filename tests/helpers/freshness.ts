/**
 * Is a build newer than everything it was built from? (mtimes: a checkout or an edit makes the
 * sources newer, so a stale build is never mistaken for a fresh one; at worst it is rebuilt.)
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/** True when `builtFile` exists and no source under `root` (files or folders) changed after it. */
export function builtAfterSources(builtFile: string, root: string, sources: readonly string[]): boolean {
  if (!existsSync(builtFile)) return false
  const built = statSync(builtFile).mtimeMs
  return sources.every((s) => newestMtime(join(root, s)) <= built)
}

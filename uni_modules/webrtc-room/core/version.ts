/** Compare dotted version strings numerically ('2.10.0' > '2.9.9'). Missing parts count as 0. */
export function compareVersion(a: string, b: string): number {
  const pa = a.split('.').map((part) => parseInt(part, 10) || 0)
  const pb = b.split('.').map((part) => parseInt(part, 10) || 0)
  const length = Math.max(pa.length, pb.length)
  for (let i = 0; i < length; i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (diff !== 0) return diff > 0 ? 1 : -1
  }
  return 0
}

/** true when `version` is set and ≥ `min`. */
export function isAtLeast(version: string | undefined, min: string): boolean {
  return typeof version === 'string' && version !== '' && compareVersion(version, min) >= 0
}

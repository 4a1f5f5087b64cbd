/**
 * Measures `setData` traffic of a compiled mini-program under miniprogram-simulate: every call of
 * every component (page included) with its payload size in bytes (UTF-8 of the JSON WeChat sends
 * to the render layer) and the component it came from.
 *
 * It patches exparser's `Component.prototype.setData`, the function j-component's per-instance
 * `setData` delegates to. j-component reads that function when an instance is CREATED, so install
 * the meter before rendering the page; components created later are covered automatically.
 *
 * @example
 * const meter = installSetDataMeter()
 * const page = renderPage(env, 'grid')
 * const join = await meter.measure(async () => { fireMemberJoin('bob'); await settle(page) })
 * console.log(join.bytes, join.calls, join.byComponent)
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export interface SetDataRecord {
  /** Vue component name (`__name`) of the instance, or the exparser `is` when unknown. */
  component: string
  bytes: number
  keys: string[]
}

export interface SetDataTotals {
  calls: number
  bytes: number
  /** bytes per component name */
  byComponent: Record<string, number>
  records: SetDataRecord[]
}

export interface SetDataMeter {
  readonly records: SetDataRecord[]
  reset(): void
  totals(): SetDataTotals
  /** Records only what `action` causes. */
  measure(action: () => Promise<void> | void): Promise<SetDataTotals>
  uninstall(): void
}

type Exparser = {
  Component: { prototype: { setData(this: unknown, data: Record<string, unknown>): void } }
  Element: { getMethodCaller(node: unknown): Record<string, any> | undefined }
}

function exparser(): Exparser {
  // The exparser instance j-component (miniprogram-simulate) renders with.
  const fromJComponent = createRequire(require.resolve('j-component'))
  return fromJComponent('miniprogram-exparser') as Exparser
}

function componentName(ex: Exparser, node: unknown): string {
  try {
    const caller = ex.Element.getMethodCaller(node)
    const vm = caller?.$vm
    return vm?.$options?.__name || vm?.$?.type?.__name || tagOf(node)
  } catch {
    return tagOf(node)
  }
}

/** Before uni attached its Vue instance (props arriving from the parent): the element's tag name. */
function tagOf(node: unknown): string {
  const n = node as { tagName?: string; is?: string; $$?: { tagName?: string } }
  return (n.tagName || n.$$?.tagName || n.is || 'unknown').toLowerCase()
}

export function bytesOf(data: unknown): number {
  return Buffer.byteLength(JSON.stringify(data) ?? '', 'utf8')
}

export function summarize(records: SetDataRecord[]): SetDataTotals {
  const byComponent: Record<string, number> = {}
  let bytes = 0
  for (const r of records) {
    bytes += r.bytes
    byComponent[r.component] = (byComponent[r.component] ?? 0) + r.bytes
  }
  return { calls: records.length, bytes, byComponent, records: [...records] }
}

export function installSetDataMeter(): SetDataMeter {
  const ex = exparser()
  const proto = ex.Component.prototype
  const original = proto.setData
  const records: SetDataRecord[] = []
  proto.setData = function meteredSetData(this: unknown, data: Record<string, unknown>) {
    records.push({ component: componentName(ex, this), bytes: bytesOf(data), keys: Object.keys(data ?? {}) })
    return original.call(this, data)
  }
  return {
    records,
    reset: () => {
      records.length = 0
    },
    totals: () => summarize(records),
    async measure(action) {
      const start = records.length
      await action()
      return summarize(records.slice(start))
    },
    uninstall: () => {
      proto.setData = original
    },
  }
}

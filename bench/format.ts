/**
 * One figure = one printed line `name: value unit (ratio vs reference)` (issue #10 item 4), and the
 * same record feeds docs/benchmarks.md, so the page and the console never disagree.
 */
export interface Figure {
  /** Stable, dotted name, e.g. `bundle.mp-weixin.room`. */
  name: string
  value: number
  unit: string
  /** What the ratio compares against, e.g. `trtc-wx-sdk 1.1.15 minified`; absent = no reference. */
  reference?: { label: string; value: number }
  /** The goal as text and whether this figure meets it (undefined = no goal for this figure). */
  goal?: { text: string; met: boolean }
  /** This figure IS the reference (printed as such, no ratio to itself). */
  isReference?: boolean
  /** Extra context for the docs table. */
  note?: string
}

export function formatValue(value: number, unit: string): string {
  if (unit === 'events/s') return `${Math.round(value).toLocaleString('en-US')} ${unit}`
  if (Number.isInteger(value)) return `${value} ${unit}`
  return `${value.toFixed(value < 10 ? 2 : 1)} ${unit}`
}

/** `ratio` = value / reference, written so the reader knows which way is better. */
export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} KB`
}

/** 2 decimals, but small ratios keep 2 significant digits (23 B vs 25520 B is 0.00090×, not 0.00×). */
export function ratioText(ratio: number): string {
  return ratio >= 0.1 || ratio === 0 ? ratio.toFixed(2) : ratio.toPrecision(2)
}

export function formatRatio(figure: Figure): string {
  if (figure.isReference) return '(the reference)'
  if (!figure.reference) return '(no reference)'
  const { label, value } = figure.reference
  if (value === 0) return `(reference ${label} is 0)`
  return `(${ratioText(figure.value / value)}× vs ${label})`
}

export function formatFigure(figure: Figure): string {
  const goal = figure.goal ? ` [goal ${figure.goal.text}: ${figure.goal.met ? 'met' : 'MISSED'}]` : ''
  return `${figure.name}: ${formatValue(figure.value, figure.unit)} ${formatRatio(figure)}${goal}`
}

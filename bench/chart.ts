/**
 * A plain-text SVG line chart (no dependency): setData bytes per change vs room size, one line per
 * kind of change, plus the 2 KB goal as a dashed line. Deterministic output for the same data.
 */
export interface Series {
  label: string
  color: string
  points: Array<{ x: number; y: number }>
}

export interface ChartOptions {
  title: string
  xLabel: string
  yLabel: string
  series: Series[]
  /** One line of small print under the title (e.g. a reference that would not fit the scale). */
  footnote?: string
  /** Horizontal goal line. */
  goal?: { y: number; label: string }
  width?: number
  height?: number
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function niceMax(value: number): number {
  if (value <= 0) return 1
  const magnitude = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 2, 2.5, 4, 5, 6, 8, 10]) if (step * magnitude >= value) return step * magnitude
  return 10 * magnitude
}

export function lineChartSVG(options: ChartOptions): string {
  const width = options.width ?? 640
  const height = options.height ?? 360
  const pad = { left: 64, right: 160, top: options.footnote ? 52 : 40, bottom: 48 }
  const plotW = width - pad.left - pad.right
  const plotH = height - pad.top - pad.bottom
  const xs = options.series.flatMap((s) => s.points.map((p) => p.x))
  const ys = options.series.flatMap((s) => s.points.map((p) => p.y))
  const xMax = Math.max(1, ...xs)
  const yMax = niceMax(Math.max(options.goal?.y ?? 0, ...ys) * 1.1)
  const sx = (x: number) => pad.left + (x / xMax) * plotW
  const sy = (y: number) => pad.top + plotH - (y / yMax) * plotH
  const out: string[] = []
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`)
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`)
  out.push(`<text x="${width / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${esc(options.title)}</text>`)
  if (options.footnote) out.push(`<text x="${width / 2}" y="38" text-anchor="middle" font-size="11" fill="#555">${esc(options.footnote)}</text>`)
  for (let i = 0; i <= 5; i++) {
    const y = (yMax * i) / 5
    out.push(`<line x1="${pad.left}" x2="${pad.left + plotW}" y1="${sy(y).toFixed(1)}" y2="${sy(y).toFixed(1)}" stroke="#e5e5e5"/>`)
    out.push(`<text x="${pad.left - 8}" y="${(sy(y) + 4).toFixed(1)}" text-anchor="end">${Math.round(y)}</text>`)
  }
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
    out.push(`<text x="${sx(x).toFixed(1)}" y="${pad.top + plotH + 18}" text-anchor="middle">${x}</text>`)
  }
  out.push(`<line x1="${pad.left}" x2="${pad.left}" y1="${pad.top}" y2="${pad.top + plotH}" stroke="#333"/>`)
  out.push(`<line x1="${pad.left}" x2="${pad.left + plotW}" y1="${pad.top + plotH}" y2="${pad.top + plotH}" stroke="#333"/>`)
  out.push(`<text x="${pad.left + plotW / 2}" y="${height - 10}" text-anchor="middle">${esc(options.xLabel)}</text>`)
  out.push(`<text transform="translate(16 ${pad.top + plotH / 2}) rotate(-90)" text-anchor="middle">${esc(options.yLabel)}</text>`)
  if (options.goal) {
    const y = sy(options.goal.y).toFixed(1)
    out.push(`<line x1="${pad.left}" x2="${pad.left + plotW}" y1="${y}" y2="${y}" stroke="#c0392b" stroke-dasharray="6 4"/>`)
    out.push(`<text x="${pad.left + plotW + 8}" y="${(Number(y) + 4).toFixed(1)}" fill="#c0392b">${esc(options.goal.label)}</text>`)
  }
  options.series.forEach((series, i) => {
    const points = series.points.slice().sort((a, b) => a.x - b.x)
    if (points.length > 1) {
      const d = points.map((p, j) => `${j ? 'L' : 'M'}${sx(p.x).toFixed(1)} ${sy(p.y).toFixed(1)}`).join(' ')
      out.push(`<path d="${d}" fill="none" stroke="${series.color}" stroke-width="2"/>`)
    }
    for (const p of points) out.push(`<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="3" fill="${series.color}"/>`)
    const ly = pad.top + 16 + i * 18
    out.push(`<line x1="${pad.left + plotW + 8}" x2="${pad.left + plotW + 28}" y1="${ly - 4}" y2="${ly - 4}" stroke="${series.color}" stroke-width="2"/>`)
    out.push(`<text x="${pad.left + plotW + 34}" y="${ly}">${esc(series.label)}</text>`)
  })
  out.push('</svg>')
  return out.join('\n') + '\n'
}

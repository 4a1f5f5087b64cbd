/** setData traffic of the compiled component (issue #10 item 2). Filled in below. */
import type { Figure } from './format'
import type { Series } from './chart'

export interface SetDataRow {
  roomSize: number
  change: 'join' | 'leave' | 'video toggle'
  calls: number
  bytes: number
}

export interface SetDataResult {
  rows: SetDataRow[]
  series: Series[]
  figures: Figure[]
  method: string[]
  notes: string[]
}

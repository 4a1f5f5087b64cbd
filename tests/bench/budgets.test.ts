/**
 * The size budgets' verdicts (bench/budgets.ts). The builds they measure run in `npm run bench` /
 * `npm run bench:quick` (CI), which exit non-zero over budget; here only the pass/fail logic.
 */
import { describe, expect, it } from 'vitest'
import { BUDGETS, evaluateBudgets, type BudgetInputs } from '../../bench/budgets'

const healthy: BudgetInputs = {
  // Today's measured sizes (docs/benchmarks.md), under their budgets.
  pluginImOff: 63638,
  pluginFilesImOff: ['uni_modules/webrtc-room/components/webrtc-room/webrtc-room.js'],
  vendorAddedImOff: 4 * 1024,
  sdkMarkersImOff: [],
  pluginImOn: 89398,
  timInVendorImOn: true,
}

const failing = (m: BudgetInputs) => evaluateBudgets(m).filter((c) => !c.ok).map((c) => c.name)

describe('size budgets', () => {
  it('passes a build within every budget', () => {
    expect(failing(healthy)).toEqual([])
  })

  it('fails each budget on its own, right at the byte over the ceiling', () => {
    const pluginImOn = BUDGETS.pluginImOn
    expect(failing({ ...healthy, pluginImOn, pluginImOff: BUDGETS.pluginImOff })).toEqual([])
    expect(failing({ ...healthy, pluginImOn, pluginImOff: BUDGETS.pluginImOff + 1 })).toEqual(['plugin.im-off.bytes'])
    expect(failing({ ...healthy, pluginImOn: BUDGETS.pluginImOn + 1 })).toEqual(['plugin.im-on.bytes'])
    expect(failing({ ...healthy, vendorAddedImOff: BUDGETS.vendorAddedImOff + 1 })).toEqual(['vendor-added.im-off.bytes'])
    expect(failing({ ...healthy, pluginFilesImOff: [] })).toEqual(['plugin.im-off.files'])
    expect(failing({ ...healthy, sdkMarkersImOff: ['TIMTextElem'] })).toEqual(['im-off.no-sdk'])
    expect(failing({ ...healthy, pluginFilesImOff: [...healthy.pluginFilesImOff, 'uni_modules/webrtc-room/engines/h5/engine.js'] })).toEqual(['im-off.no-im-or-h5-files'])
    expect(failing({ ...healthy, timInVendorImOn: false })).toEqual(['im-on.tim-in-vendor'])
    expect(failing({ ...healthy, pluginImOn: healthy.pluginImOff })).toEqual(['plugin.im-on.larger'])
  })

  it('skips the IM-on budgets when the plugin has no IM entry', () => {
    const checks = evaluateBudgets({ ...healthy, pluginImOn: null, timInVendorImOn: null })
    expect(checks.some((c) => c.name.includes('im-on'))).toBe(false)
  })
})

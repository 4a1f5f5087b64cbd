/**
 * Test-only stand-in for `@dcloudio/uni-app` (its real module needs uni's runtime).
 * Page/app lifecycle hooks map onto Vue's; `onShow`/`onHide` can be fired by tests.
 */
import { onMounted, onUnmounted, getCurrentInstance } from 'vue'

type Hook = (...args: any[]) => void
const showHooks = new Set<Hook>()
const hideHooks = new Set<Hook>()

function registerUntilUnmount(set: Set<Hook>, hook: Hook) {
  set.add(hook)
  if (getCurrentInstance()) onUnmounted(() => set.delete(hook))
}

export const onLoad = (hook: Hook) => onMounted(() => hook({}))
export const onReady = (hook: Hook) => onMounted(() => hook())
export const onUnload = (hook: Hook) => onUnmounted(() => hook())
export const onLaunch = (hook: Hook) => onMounted(() => hook({}))
export const onShow = (hook: Hook) => registerUntilUnmount(showHooks, hook)
export const onHide = (hook: Hook) => registerUntilUnmount(hideHooks, hook)
export const onPageScroll = (_hook: Hook) => {}
export const onPullDownRefresh = (_hook: Hook) => {}
export const onReachBottom = (_hook: Hook) => {}

/** Test helpers: fire the page's onShow / onHide hooks. */
export function __fireShow() { for (const h of [...showHooks]) h() }
export function __fireHide() { for (const h of [...hideHooks]) h() }

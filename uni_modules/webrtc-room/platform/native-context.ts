/**
 * Native live-pusher / live-player contexts, created on the component instance that owns the tag
 * (mp-weixin scopes ids per component: a context made on the page would not find `#pusher` inside
 * a component). Only mp-weixin has them; elsewhere these return null and the web engine takes over.
 *
 * `owner` is the Vue component (`getCurrentInstance().proxy`); uni passes the second argument to
 * `wx` untouched, and wx wants its own component instance, which uni keeps as `$scope`.
 */
import type { PlayerContext, PusherContext } from '../core/types'
import { uniApi } from './uni-platform'

/** The mp component instance behind a Vue component proxy (or the argument itself). */
export function nativeOwner(owner: unknown): unknown {
  const scope = (owner as { $scope?: unknown } | null | undefined)?.$scope
  return scope ?? owner
}

export function createPusherContext(tagId: string, owner: unknown): PusherContext | null {
  let ctx: PusherContext | null = null
  // #ifdef MP-WEIXIN
  ctx = uniApi().createLivePusherContext?.(tagId, nativeOwner(owner)) ?? null
  // #endif
  return ctx
}

export function createPlayerContext(tagId: string, owner: unknown): PlayerContext | null {
  let ctx: PlayerContext | null = null
  // #ifdef MP-WEIXIN
  ctx = uniApi().createLivePlayerContext?.(tagId, nativeOwner(owner)) ?? null
  // #endif
  return ctx
}

/**
 * Native live-pusher / live-player contexts, created on the component instance that owns the tag
 * (mp-weixin scopes ids per component: a context made on the page would not find `#pusher` inside
 * a component). Only mp-weixin has them; elsewhere these return null and the web engine takes over.
 */
import type { PlayerContext, PusherContext } from '../core/types'
import { uniApi } from './uni-api'

export function createPusherContext(tagId: string, owner: unknown): PusherContext | null {
  let ctx: PusherContext | null = null
  // #ifdef MP-WEIXIN
  ctx = uniApi().createLivePusherContext?.(tagId, owner) ?? null
  // #endif
  return ctx
}

export function createPlayerContext(tagId: string, owner: unknown): PlayerContext | null {
  let ctx: PlayerContext | null = null
  // #ifdef MP-WEIXIN
  ctx = uniApi().createLivePlayerContext?.(tagId, owner) ?? null
  // #endif
  return ctx
}

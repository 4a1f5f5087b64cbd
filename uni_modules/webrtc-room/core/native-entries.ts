/**
 * The controller's native entry points (`onPusherStateChange` …): each wraps the tag's `event.detail`
 * into a `NativeEvent` for the engine, which owns its meaning. Out of room.ts to keep it short.
 */
import type { NativeEvent } from './engine'
import type { RoomController } from './controller-types'

type NativeEntries = Pick<RoomController,
  'onPusherStateChange' | 'onPusherNetStatus' | 'onPusherError' | 'onPlayerStateChange' | 'onPlayerNetStatus' | 'onPusherAudioVolume' | 'onPlayerAudioVolume'>

export function nativeEntries(native: (event: NativeEvent) => void): NativeEntries {
  return {
    onPusherStateChange: (detail) => native({ kind: 'pusher_state', detail }),
    onPusherNetStatus: (detail) => native({ kind: 'pusher_net', detail }),
    onPusherError: (detail) => native({ kind: 'pusher_error', detail }),
    onPlayerStateChange: (userID, detail, streamType = 'main') => native({ kind: 'player_state', userID, streamType, detail }),
    onPlayerNetStatus: (userID, detail, streamType = 'main') => native({ kind: 'player_net', userID, streamType, detail }),
    onPusherAudioVolume: (detail) => native({ kind: 'pusher_volume', detail }),
    onPlayerAudioVolume: (userID, detail, streamType = 'main') => native({ kind: 'player_volume', userID, streamType, detail }),
  }
}

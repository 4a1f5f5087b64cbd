/**
 * The controller's native entry points (`onPusherStateChange` …): each wraps the tag's `event.detail`
 * into a `NativeEvent` for the engine, which owns its meaning.
 */
import type { RoomController } from './controller-types'
import type { NativeEvent } from './engine'
import type { StreamType } from './types'

type NativeEntries = Pick<RoomController,
  'onPusherStateChange' | 'onPusherNetStatus' | 'onPusherError' | 'onPlayerStateChange' | 'onPlayerNetStatus' | 'onPusherAudioVolume' | 'onPlayerAudioVolume'>
type PusherKind = Exclude<NativeEvent, { userID: string }>['kind']
type PlayerKind = Exclude<NativeEvent['kind'], PusherKind>
type Detail<K> = Extract<NativeEvent, { kind: K }>['detail']

export function nativeEntries(native: (event: NativeEvent) => void): NativeEntries {
  // One maker per tag: a pusher entry takes the detail, a player entry the member's stream too.
  const pusher = <K extends PusherKind>(kind: K) => (detail: Detail<K>) => native({ kind, detail } as NativeEvent)
  const player = <K extends PlayerKind>(kind: K) => (userID: string, detail: Detail<K>, streamType: StreamType = 'main') =>
    native({ kind, userID, streamType, detail } as NativeEvent)
  return {
    onPusherStateChange: pusher('pusher_state'),
    onPusherNetStatus: pusher('pusher_net'),
    onPusherError: pusher('pusher_error'),
    onPlayerStateChange: player('player_state'),
    onPlayerNetStatus: player('player_net'),
    onPusherAudioVolume: pusher('pusher_volume'),
    onPlayerAudioVolume: player('player_volume'),
  }
}

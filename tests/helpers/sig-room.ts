/**
 * Rooms for the userSig refresh tests (tests/core/sig-refresh*.test.ts): a started mp-weixin room
 * through the public createRoom, with its room and IM events recorded, and a scripted getUserSig.
 */
import { createRoom } from '../../uni_modules/webrtc-room/room-factory'
import type { GetUserSig, ImEvent, RoomEvent, RoomOptions, UserSigRequest } from '../../uni_modules/webrtc-room/core/types'
import { createFakePlatform, type FakePlatform } from './fake-platform'

/** The userSig every room starts with (test-only). */
export const OLD_SIG = 'eJyrVkrOz0ktUrJSSs7PLcgvSy1SSMsvykvMyVECAHIjCEk_'
export const SIG_BASE: RoomOptions = { sdkAppID: 1400000001, userID: 'me', userSig: OLD_SIG, roomID: 1234, autoplay: true }

/** A getUserSig that records its calls and answers from a script (a value, an Error, or a pending promise). */
export function refresher(...answers: unknown[]) {
  const calls: UserSigRequest[] = []
  const fn: GetUserSig = (ctx) => {
    calls.push(ctx)
    const next = answers.length > 1 ? answers.shift() : answers[0]
    if (next instanceof Error) return Promise.reject(next)
    if (next instanceof Promise) return next as Promise<string>
    return Promise.resolve(next as string)
  }
  return { fn, calls }
}

/** A room on SIG_BASE + `options`, started (preflight done), its pusher attached. */
export async function started(options: Partial<RoomOptions> = {}, platform: FakePlatform = createFakePlatform()) {
  const room = createRoom({ ...SIG_BASE, ...options }, platform)
  const events: RoomEvent[] = []
  const imEvents: ImEvent[] = []
  room.on((e) => events.push(e))
  room.onIM((e) => imEvents.push(e))
  room.attachPusher({ start() {}, stop() {}, pause() {}, resume() {}, switchCamera() {} })
  await room.start()
  platform.advance(0)
  const tagged = (tag: string) => events.filter((e) => e.tag === tag)
  return { room, platform, events, imEvents, tagged }
}

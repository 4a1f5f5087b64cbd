/**
 * The setData reference: a page written the way trtc-wx-sdk's README tells you to (node_modules/
 * trtc-wx-sdk/README.md, "step3 对于远端流进行处理"): on REMOTE_VIDEO_ADD / REMOTE_AUDIO_ADD it calls
 * `setPlayerAttributes(player.id, {muteVideo|muteAudio: false})` and `setData({playerList})` with the
 * list that returns; on a stream removed it mutes the player the same way; on REMOTE_USER_LEAVE it sets
 * the `playerList` the event carries (as Tencent's TUI kits do). A mini-program `setData` sends every
 * value it is given, so the bytes are the JSON of each payload — no simulator needed.
 */
import { bytesOf } from '../tests/helpers/setdata-meter'
import type { ProbeMeasure } from './setdata-probe'
import { createTrtcWxRoom, loadTrtcWx } from './trtc-wx-oracle'

interface TrtcEvent {
  data: { player?: { id: string }; playerList?: unknown[] }
}

interface TrtcPage {
  on(name: string, cb: (event: TrtcEvent) => void): void
  setPlayerAttributes(id: string, options: Record<string, unknown>): unknown[]
  pusherEventHandler(event: { detail: { code: number; message: string } }): void
  EVENT: Record<string, string>
}

/** Same growth and the same changes as setdata-probe.ts, on a trtc-wx-sdk "README page". */
export function measureTrtcWxReadmePage(sizes: number[]): ProbeMeasure[] {
  loadTrtcWx()
  const trtc = createTrtcWxRoom('self_user') as unknown as TrtcPage
  let calls: number[] = []
  const setData = (data: Record<string, unknown>) => calls.push(bytesOf(data))
  const { EVENT } = trtc
  trtc.on(EVENT.REMOTE_VIDEO_ADD, (e) => setData({ playerList: trtc.setPlayerAttributes(e.data.player!.id, { muteVideo: false }) }))
  trtc.on(EVENT.REMOTE_AUDIO_ADD, (e) => setData({ playerList: trtc.setPlayerAttributes(e.data.player!.id, { muteAudio: false }) }))
  trtc.on(EVENT.REMOTE_VIDEO_REMOVE, (e) => setData({ playerList: trtc.setPlayerAttributes(e.data.player!.id, { muteVideo: true }) }))
  trtc.on(EVENT.REMOTE_AUDIO_REMOVE, (e) => setData({ playerList: trtc.setPlayerAttributes(e.data.player!.id, { muteAudio: true }) }))
  trtc.on(EVENT.REMOTE_USER_LEAVE, (e) => setData({ playerList: e.data.playerList }))

  const fire = (code: number, userlist: object[]) => trtc.pusherEventHandler({ detail: { code, message: JSON.stringify({ userlist }) } })
  const url = (userID: string) => `room://cloud.tencent.com/rtc?userid=${userID}&streamtype=main`
  const join = (userID: string) => {
    fire(1031, [{ userid: userID }])
    fire(1033, [{ userid: userID, streamtype: 'main', hasvideo: 1, playurl: url(userID) }])
    fire(1034, [{ userid: userID, hasaudio: 1, playurl: url(userID) }])
  }
  const video = (userID: string, on: boolean) => fire(1033, [{ userid: userID, streamtype: 'main', hasvideo: on ? 1 : 0, playurl: url(userID) }])
  const leave = (userID: string) => fire(1032, [{ userid: userID }])
  const measure = (roomSize: number, change: ProbeMeasure['change'], action: () => void): ProbeMeasure => {
    calls = []
    action()
    const bytes = calls.reduce((a, b) => a + b, 0)
    return { roomSize, change, calls: calls.length, bytes, byComponent: { 'trtc-wx-sdk README page': bytes } }
  }

  const out: ProbeMeasure[] = []
  const remote: string[] = []
  let next = 1
  for (const size of sizes) {
    while (remote.length < size - 2) {
      const id = `user_${next++}`
      join(id)
      remote.push(id)
    }
    const joiner = `user_${next++}`
    out.push(measure(size, 'join', () => join(joiner)))
    remote.push(joiner)
    const middle = remote[Math.floor(remote.length / 2)]
    out.push(measure(size, 'video toggle', () => video(middle, false)))
    video(middle, true)
    out.push(measure(size, 'leave', () => leave(middle)))
    remote.splice(remote.indexOf(middle), 1)
    const refill = `user_${next++}`
    join(refill)
    remote.push(refill)
  }
  return out
}

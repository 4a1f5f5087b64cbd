/**
 * Remote streams of one H5 session: what TRTC says each user publishes, which streams the controller
 * wants playing, and the video that runs in each player view. A wanted stream plays what is
 * available: audio by unmuting the user, video by `startRemoteVideo` into its view once mounted —
 * minus what the app muted for that user (`muteMemberAudio` / `muteMemberVideo`), and its main video
 * as the small stream when chosen (`option.small`, switched in place with `updateRemoteVideo`).
 */
import { type EngineStream, type MemberMedia, remoteViewId } from '../../lib/runtime'
import type { BrowserEnv } from './browser-env'
import { settle, type FailureLog } from './settle'
import { toCoreStreamType, toTrtcStreamType } from './trtc-events'
import type { TrtcClient, TrtcEventName } from './trtc-sdk'

export interface RemotePlayersHost {
  client: TrtcClient
  browser: BrowserEnv
  roomKey: string
  log: FailureLog
}

function videoKey(userId: string, trtcType: string): string {
  return `${userId}\n${trtcType}`
}

export class RemotePlayers {
  /** `userId\ntrtcType` of published video, userIds of published audio. */
  private readonly video = new Set<string>()
  private readonly audio = new Set<string>()
  /** Streams the controller wants playing, by stream key. */
  private readonly wanted = new Map<string, EngineStream>()
  /** Stream keys whose video is started (or waiting for its view), with a cancel for the wait. */
  private readonly running = new Map<string, () => void>()
  /** Users whose audio this session unmuted (one `muteRemoteAudio(false)` each, not one per event). */
  private readonly audioOn = new Set<string>()
  /** The app's choices per user (absent = nothing muted, big stream). */
  private readonly media = new Map<string, MemberMedia>()
  /** Stream keys whose startRemoteVideo was called, with the `small` it asked for. */
  private readonly startedSmall = new Map<string, boolean>()
  private disposed = false
  /** The room is paused: nothing plays, `wanted` is kept for the resume. */
  private paused = false

  constructor(private readonly host: RemotePlayersHost) {}

  /** Bookkeeping for a TRTC event, before its actions reach the controller (which may call play). */
  noteEvent(name: TrtcEventName, userId: string, trtcType: string): void {
    switch (name) {
      case 'remote-video-available':
        this.video.add(videoKey(userId, trtcType))
        return
      case 'remote-video-unavailable':
        this.video.delete(videoKey(userId, trtcType))
        // TRTC stops the video itself; forget it so a later 'available' starts it again.
        this.forgetRunning(`${userId}_${toCoreStreamType(trtcType)}`)
        return
      case 'remote-audio-available':
        this.audio.add(userId)
        return
      case 'remote-audio-unavailable':
        this.audio.delete(userId)
        return
      case 'remote-user-exit':
        this.forgetUser(userId)
        return
    }
  }

  /** After the event: a stream already wanted (audio first, then video) starts its new track. */
  afterEvent(name: TrtcEventName, userId: string, trtcType: string): void {
    if (name === 'remote-video-available') this.sync(`${userId}_${toCoreStreamType(trtcType)}`)
    if (name === 'remote-audio-available') this.sync(`${userId}_main`)
  }

  play(stream: EngineStream): void {
    if (this.disposed) return
    this.wanted.set(stream.key, stream)
    this.sync(stream.key)
  }

  stop(stream: EngineStream): void {
    if (this.disposed) return
    const { client, log } = this.host
    this.wanted.delete(stream.key)
    this.stopVideo(stream)
    if (stream.streamType === 'main') {
      // Muted even while the user publishes no audio: TRTC remembers it, so audio that comes back
      // later stays off until the app plays the member again.
      this.audioOn.delete(stream.userID)
      void settle(log, 'muteRemoteAudio', () => client.muteRemoteAudio(stream.userID, true))
    }
  }

  /** The app's choices for a user changed: mute / unmute now, switch big ↔ small in place. */
  setMedia(userID: string, next: MemberMedia): void {
    if (this.disposed) return
    this.media.set(userID, next)
    const { client, log } = this.host
    if (next.muteAudio && this.audioOn.delete(userID)) void settle(log, 'muteRemoteAudio', () => client.muteRemoteAudio(userID, true))
    for (const type of ['main', 'aux'] as const) {
      const stream = this.wanted.get(`${userID}_${type}`)
      if (!stream) continue
      if (next.muteVideo) this.stopVideo(stream)
      const started = this.startedSmall.get(stream.key)
      if (type === 'main' && started !== undefined && started !== next.small) {
        this.startedSmall.set(stream.key, next.small)
        void settle(log, 'updateRemoteVideo', () => client.updateRemoteVideo({ userId: userID, streamType: 'main', option: { small: next.small } }))
      }
      this.sync(stream.key)
    }
  }

  /** Pause: stop every running video and mute every user this session unmuted. Resume: play `wanted` again. */
  setPaused(paused: boolean): void {
    if (this.disposed || paused === this.paused) return
    this.paused = paused
    if (!paused) {
      for (const key of this.wanted.keys()) this.sync(key)
      return
    }
    const { client, log } = this.host
    for (const stream of this.wanted.values()) this.stopVideo(stream)
    for (const userID of this.audioOn) void settle(log, 'muteRemoteAudio', () => client.muteRemoteAudio(userID, true))
    this.audioOn.clear()
  }

  /** Cancel every pending view wait; the session is over (leaving the room stops the players). */
  dispose(): void {
    this.disposed = true
    for (const cancel of this.running.values()) cancel()
    this.running.clear()
    this.wanted.clear()
    this.audioOn.clear()
  }

  /** Start what a wanted stream publishes and is not running yet. Idempotent. */
  private sync(key: string): void {
    const stream = this.wanted.get(key)
    if (!stream || this.disposed || this.paused) return
    const { client, browser, roomKey, log } = this.host
    const { userID, streamType } = stream
    const media = this.media.get(userID)
    if (streamType === 'main' && !media?.muteAudio && this.audio.has(userID) && !this.audioOn.has(userID)) {
      this.audioOn.add(userID)
      void settle(log, 'muteRemoteAudio', () => client.muteRemoteAudio(userID, false))
    }
    const trtcType = toTrtcStreamType(streamType)
    if (media?.muteVideo || !this.video.has(videoKey(userID, trtcType)) || this.running.has(key)) return
    let cancelled = false
    const cancelWait = browser.whenElement(remoteViewId(roomKey, userID, streamType), (view) => {
      if (cancelled || this.disposed) return
      // The small stream as chosen when the view appeared (a later change: updateRemoteVideo).
      const small = streamType === 'main' && !!this.media.get(userID)?.small
      this.startedSmall.set(key, small)
      const option = { fillMode: streamType === 'aux' ? ('contain' as const) : ('cover' as const), ...(small ? { small } : {}) }
      void settle(log, `startRemoteVideo ${userID}`, () => client.startRemoteVideo({ userId: userID, streamType: trtcType, view, option })).then((ok) => {
        // A failed start may be retried by the next 'available' or play.
        if (!ok && !cancelled) this.running.delete(key)
      })
    })
    this.running.set(key, () => {
      cancelled = true
      cancelWait()
    })
  }

  private stopVideo(stream: EngineStream): void {
    const { client, log } = this.host
    if (this.forgetRunning(stream.key)) void settle(log, 'stopRemoteVideo', () => client.stopRemoteVideo({ userId: stream.userID, streamType: toTrtcStreamType(stream.streamType) }))
  }

  /** Returns true when the stream's video was running (or waiting for its view). */
  private forgetRunning(key: string): boolean {
    const cancel = this.running.get(key)
    if (!cancel) return false
    cancel()
    this.running.delete(key)
    this.startedSmall.delete(key)
    return true
  }

  private forgetUser(userId: string): void {
    this.audio.delete(userId)
    this.audioOn.delete(userId)
    this.media.delete(userId)
    for (const type of ['main', 'sub']) this.video.delete(videoKey(userId, type))
    for (const type of ['main', 'aux']) {
      this.forgetRunning(`${userId}_${type}`)
      this.wanted.delete(`${userId}_${type}`)
    }
  }
}

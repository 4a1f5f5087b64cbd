/**
 * Test-only fake of the trtc-sdk-v5 slice the H5 engine uses: records every call, lets a test make
 * any call fail or hang, and fires TRTC events the way the SDK does.
 */
import type { TrtcClient, TrtcEventName, TrtcEventPayloads, TrtcStatic } from '../../../uni_modules/webrtc-room/engines/h5/trtc-sdk'

export interface Call {
  method: string
  args: unknown[]
}

type Method = Exclude<keyof TrtcClient, 'on' | 'off' | 'getVideoTrack'>

export interface Deferred {
  promise: Promise<void>
  resolve(): void
  reject(err: unknown): void
}

export function deferred(): Deferred {
  let resolve!: () => void
  let reject!: (err: unknown) => void
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok
    reject = fail
  })
  return { promise, resolve, reject }
}

/** An RtcError-like object, as the SDK rejects with. */
export function rtcError(code: number, extraCode?: number, message = `rtc error ${code}`): Error & { code: number; extraCode?: number } {
  return Object.assign(new Error(message), { name: 'RtcError', code, extraCode })
}

export class FakeTrtcClient implements TrtcClient {
  readonly calls: Call[] = []
  readonly listeners = new Map<string, Set<(payload: never) => void>>()
  /** Per method: an error to reject with, or a Deferred to hang on. */
  readonly behaviour = new Map<Method, unknown>()
  destroyed = false
  cameraDeviceId = 'cam-front'

  private record(method: Method, args: unknown[]): Promise<void> {
    this.calls.push({ method, args })
    const how = this.behaviour.get(method)
    if (how && typeof (how as Deferred).promise === 'object' && typeof (how as Deferred).resolve === 'function') return (how as Deferred).promise
    if (how !== undefined) return Promise.reject(how)
    return Promise.resolve()
  }

  enterRoom(...args: unknown[]) { return this.record('enterRoom', args) }
  exitRoom(...args: unknown[]) { return this.record('exitRoom', args) }
  switchRole(...args: unknown[]) { return this.record('switchRole', args) }
  destroy(): void {
    this.calls.push({ method: 'destroy', args: [] })
    this.destroyed = true
  }
  startLocalVideo(...args: unknown[]) { return this.record('startLocalVideo', args) }
  updateLocalVideo(...args: unknown[]) { return this.record('updateLocalVideo', args) }
  stopLocalVideo(...args: unknown[]) { return this.record('stopLocalVideo', args) }
  startLocalAudio(...args: unknown[]) { return this.record('startLocalAudio', args) }
  updateLocalAudio(...args: unknown[]) { return this.record('updateLocalAudio', args) }
  stopLocalAudio(...args: unknown[]) { return this.record('stopLocalAudio', args) }
  startRemoteVideo(...args: unknown[]) { return this.record('startRemoteVideo', args) }
  updateRemoteVideo(...args: unknown[]) { return this.record('updateRemoteVideo', args) }
  stopRemoteVideo(...args: unknown[]) { return this.record('stopRemoteVideo', args) }
  muteRemoteAudio(...args: unknown[]) { return this.record('muteRemoteAudio', args) }
  startScreenShare(...args: unknown[]) { return this.record('startScreenShare', args) }
  stopScreenShare(...args: unknown[]) { return this.record('stopScreenShare', args) }

  getVideoTrack() {
    return { getSettings: () => ({ deviceId: this.cameraDeviceId }) } as unknown as MediaStreamTrack
  }

  on(event: string, handler: (payload: never) => void) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set())
    this.listeners.get(event)!.add(handler)
    return this
  }

  off(event: string, handler: (payload: never) => void) {
    this.listeners.get(event)?.delete(handler)
    return this
  }

  /** Fire an SDK event to every listener. */
  emit<N extends TrtcEventName>(event: N, payload: TrtcEventPayloads[N]): void {
    for (const handler of [...(this.listeners.get(event) ?? [])]) (handler as (p: TrtcEventPayloads[N]) => void)(payload)
  }

  listenerCount(): number {
    let n = 0
    for (const set of this.listeners.values()) n += set.size
    return n
  }

  callsOf(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args)
  }
}

export interface FakeTrtc extends TrtcStatic {
  clients: FakeTrtcClient[]
  /** The most recent client. */
  readonly client: FakeTrtcClient
  support: { result: boolean; detail?: Record<string, boolean> }
  cameras: Array<{ deviceId: string; label?: string }>
  microphones: Array<{ deviceId: string; label?: string }>
  speakers: Array<{ deviceId: string; label?: string }>
  /** setCurrentSpeaker calls, in order. */
  speakerCalls: string[]
  /** When set, every device list rejects with it. */
  listError?: unknown
  /** Applied to each new client before the engine uses it. */
  prepare?: (client: FakeTrtcClient) => void
}

export function createFakeTrtc(): FakeTrtc {
  const list = <T>(devices: T[]): T[] => {
    if (fake.listError !== undefined) throw fake.listError
    return devices.slice()
  }
  const fake: FakeTrtc = {
    clients: [],
    get client() {
      const last = fake.clients[fake.clients.length - 1]
      if (!last) throw new Error('no TRTC client created yet')
      return last
    },
    support: { result: true, detail: { isBrowserSupported: true, isWebRTCSupported: true, isMediaDevicesSupported: true } },
    cameras: [
      { deviceId: 'cam-front', label: 'front' },
      { deviceId: 'cam-back', label: 'back' },
    ],
    create() {
      const client = new FakeTrtcClient()
      fake.prepare?.(client)
      fake.clients.push(client)
      return client
    },
    microphones: [
      { deviceId: 'mic-default', label: 'Default microphone' },
      { deviceId: 'mic-usb', label: 'USB microphone' },
    ],
    speakers: [
      { deviceId: 'spk-default', label: 'Default speaker' },
      { deviceId: 'spk-hdmi', label: 'HDMI' },
    ],
    speakerCalls: [],
    isSupported: async () => fake.support,
    getCameraList: async () => list(fake.cameras),
    getMicrophoneList: async () => list(fake.microphones),
    getSpeakerList: async () => list(fake.speakers),
    setCurrentSpeaker: async (id: string) => {
      fake.speakerCalls.push(id)
    },
  }
  return fake
}

/**
 * Event cost (issue #10 item 3): the same stream of live-pusher member notifications through our core
 * (translate + reduce) and through trtc-wx-sdk's `pusherEventHandler`; final members/streams compared,
 * events per second of each, ratio ours / theirs (≥ 1.0 = we are at least as fast). Also through our
 * controller (`createRoom`: core + Pinia store + engine effects), the cost an app pays in practice.
 *
 * Timing: each round builds a fresh room of each kind (outside the clock) and replays the whole stream;
 * the order of the three sides rotates per round (so none always gets the warmer JIT / emptier heap);
 * the median round counts. A warm-up replay of each side comes first and gives the compared results.
 */
import { performance } from 'node:perf_hooks'
import { generateMemberEvents, toDetail } from '../tests/helpers/member-events'
import type { StateChangeDetail } from '../uni_modules/webrtc-room/core/types'
import { createControllerRoom } from './controller-room'
import { createCoreRoom, type BenchRoom } from './core-room'
import { runEdgeCases, SELF_ID, type EdgeCaseResult } from './edge-cases'
import type { Figure } from './format'
import { realisticMemberEvents, userPool } from './member-events'
import { diffSnapshots, type RoomSnapshot } from './room-snapshot'
import { createTrtcWxBenchRoom } from './trtc-wx-room'

export interface EventCostOptions {
  /** Notifications per stream. */
  events: number
  /** Max room sizes of the scaling series (realistic streams, `scalingEvents` each); empty = skip. */
  scalingSizes: number[]
  scalingEvents: number
  /** Timed rounds per implementation (after one warm-up round each). */
  rounds: number
  maxMembers: number
  seed: number
}

export const FULL_EVENT_COST: EventCostOptions = { events: 5_000, rounds: 7, maxMembers: 50, seed: 10, scalingSizes: [2, 4, 8, 16, 32, 50], scalingEvents: 2_000 }
export const QUICK_EVENT_COST: EventCostOptions = { events: 1_000, rounds: 2, maxMembers: 50, seed: 10, scalingSizes: [], scalingEvents: 0 }

/** Known kinds of result difference (each explained by an edge case); anything else is unexplained. */
export function classifyDifference(difference: string): string {
  if (/ours none, trtc-wx-sdk \{video 0, audio 0,/.test(difference)) return 'trtc-wx-sdk keeps an empty player (a stream switched off that was never on)'
  if (/url .* trtc-wx-sdk \{.*url /.test(difference) && !/video \d, audio \d, url (\S+)\}, trtc-wx-sdk \{video \d, audio \d, url \1\}/.test(difference)) {
    return 'trtc-wx-sdk keeps a stale play URL'
  }
  return 'unexplained'
}

export function classifyDifferences(differences: string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const d of differences) counts[classifyDifference(d)] = (counts[classifyDifference(d)] ?? 0) + 1
  return counts
}

export interface StreamResult {
  label: string
  events: number
  oursPerSecond: number
  controllerPerSecond: number
  theirsPerSecond: number
  finalUsers: number
  finalStreams: number
  differences: string[]
  /** Controller result vs the pure core's (must be none: same reducer underneath). */
  controllerDifferences: string[]
}

export interface EventCostResult {
  realistic: StreamResult
  /** core-B's fuzzing generator over the same 50-user pool: stray offs, duplicates, absent users. */
  adversarial: StreamResult
  /** Realistic streams capped at each room size: how the cost per notification grows with the room. */
  scaling: Array<StreamResult & { maxMembers: number }>
  edgeCases: EdgeCaseResult[]
  figures: Figure[]
}

type MakeRoom = () => BenchRoom | Promise<BenchRoom>

/** Rooms are made (and entered) before the clock starts: only the notifications are timed. */
async function replay(make: MakeRoom, details: StateChangeDetail[]): Promise<{ ms: number; snapshot: RoomSnapshot }> {
  const room = await make()
  const start = performance.now()
  for (let i = 0; i < details.length; i++) room.apply(details[i])
  const ms = performance.now() - start
  const snapshot = room.snapshot()
  await room.dispose?.()
  return { ms, snapshot }
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export async function measureStream(label: string, details: StateChangeDetail[], rounds: number): Promise<StreamResult> {
  const sides: Array<[string, MakeRoom]> = [
    ['ours', () => createCoreRoom(SELF_ID)],
    ['controller', () => createControllerRoom(SELF_ID)],
    ['theirs', () => createTrtcWxBenchRoom(SELF_ID)],
  ]
  const warm: Record<string, RoomSnapshot> = {}
  const times: Record<string, number[]> = {}
  for (const [name, make] of sides) {
    warm[name] = (await replay(make, details)).snapshot
    times[name] = []
  }
  for (let round = 0; round < rounds; round++) {
    // Rotate who goes first, so no side always runs on the warmest JIT / the emptiest heap.
    for (let i = 0; i < sides.length; i++) {
      const [name, make] = sides[(round + i) % sides.length]
      times[name].push((await replay(make, details)).ms)
    }
  }
  const rate = (name: string) => details.length / (median(times[name]) / 1000)
  return {
    label,
    events: details.length,
    oursPerSecond: rate('ours'),
    controllerPerSecond: rate('controller'),
    theirsPerSecond: rate('theirs'),
    finalUsers: warm.ours.users.length,
    finalStreams: warm.ours.streams.length,
    differences: diffSnapshots(warm.ours, warm.theirs),
    controllerDifferences: diffSnapshots(warm.controller, warm.ours),
  }
}

export async function runEventCost(options: EventCostOptions): Promise<EventCostResult> {
  const realisticDetails = realisticMemberEvents({ seed: options.seed, count: options.events, maxMembers: options.maxMembers }).map(toDetail)
  const adversarialDetails = generateMemberEvents(options.events, options.seed, { userPool: userPool(options.maxMembers) }).map(toDetail)
  const realistic = await measureStream(`realistic stream, ≤ ${options.maxMembers} members`, realisticDetails, options.rounds)
  const adversarial = await measureStream(`fuzz stream (tests/helpers/member-events), ${options.maxMembers}-user pool`, adversarialDetails, options.rounds)
  const figures: Figure[] = []
  for (const [key, result] of [['realistic', realistic], ['fuzz', adversarial]] as const) {
    const reference = { label: 'trtc-wx-sdk 1.1.15', value: result.theirsPerSecond }
    figures.push({
      name: `event-cost.${key}.ours`,
      value: result.oursPerSecond,
      unit: 'events/s',
      reference,
      goal: key === 'realistic' ? { text: '≥ 1.0× with identical results', met: result.oursPerSecond >= result.theirsPerSecond && result.differences.length === 0 } : undefined,
      note: `${result.events} notifications, ${result.finalUsers} users / ${result.finalStreams} streams at the end, ${result.differences.length} result differences${
        result.differences.length ? ` (${Object.entries(classifyDifferences(result.differences)).map(([k, n]) => `${n}× ${k}`).join('; ')})` : ''
      }`,
    })
    figures.push({
      name: `event-cost.${key}.ours-controller`,
      value: result.controllerPerSecond,
      unit: 'events/s',
      reference,
      note: `createRoom controller: core + Pinia room store + engine effects; ${result.controllerDifferences.length} differences from the pure core`,
    })
    figures.push({ name: `event-cost.${key}.trtc-wx-sdk`, value: result.theirsPerSecond, unit: 'events/s', isReference: true, note: result.label })
  }
  const scaling: EventCostResult['scaling'] = []
  for (const maxMembers of options.scalingSizes) {
    const details = realisticMemberEvents({ seed: options.seed, count: options.scalingEvents, maxMembers }).map(toDetail)
    const result = await measureStream(`realistic stream, ≤ ${maxMembers} members`, details, 3)
    scaling.push({ ...result, maxMembers })
    figures.push({
      name: `event-cost.scaling.max-${maxMembers}-members.ours`,
      value: result.oursPerSecond,
      unit: 'events/s',
      reference: { label: 'trtc-wx-sdk 1.1.15', value: result.theirsPerSecond },
      note: `trtc-wx-sdk ${Math.round(result.theirsPerSecond)} events/s; controller ${Math.round(result.controllerPerSecond)} events/s; ${result.differences.length} result differences`,
    })
  }
  return { realistic, adversarial, scaling, edgeCases: runEdgeCases(), figures }
}

/**
 * Event cost (issue #10 item 3): the same stream of live-pusher member notifications through our core
 * (translate + reduce) and through trtc-wx-sdk's `pusherEventHandler`; final members/streams compared,
 * events per second of each, ratio ours / theirs (≥ 1.0 = we are at least as fast).
 *
 * Timing: each round builds a fresh room of each kind and replays the whole stream; rounds alternate
 * which side runs first (so neither always gets the warmer JIT/GC state); the median round counts.
 */
import { performance } from 'node:perf_hooks'
import { generateMemberEvents, toDetail } from '../tests/helpers/member-events'
import type { StateChangeDetail } from '../uni_modules/webrtc-room/core/types'
import { createCoreRoom, type BenchRoom } from './core-room'
import { runEdgeCases, SELF_ID, type EdgeCaseResult } from './edge-cases'
import type { Figure } from './format'
import { realisticMemberEvents, userPool } from './member-events'
import { diffSnapshots, type RoomSnapshot } from './room-snapshot'
import { createTrtcWxBenchRoom } from './trtc-wx-room'

export interface EventCostOptions {
  /** Notifications per stream. */
  events: number
  /** Timed rounds per implementation (after one warm-up round each). */
  rounds: number
  maxMembers: number
  seed: number
}

export const FULL_EVENT_COST: EventCostOptions = { events: 5_000, rounds: 7, maxMembers: 50, seed: 10 }
export const QUICK_EVENT_COST: EventCostOptions = { events: 1_000, rounds: 2, maxMembers: 50, seed: 10 }

export interface StreamResult {
  label: string
  events: number
  oursPerSecond: number
  theirsPerSecond: number
  finalUsers: number
  finalStreams: number
  differences: string[]
}

export interface EventCostResult {
  realistic: StreamResult
  /** core-B's fuzzing generator over the same 50-user pool: stray offs, duplicates, absent users. */
  adversarial: StreamResult
  edgeCases: EdgeCaseResult[]
  figures: Figure[]
}

function replay(make: () => BenchRoom, details: StateChangeDetail[]): { ms: number; snapshot: RoomSnapshot } {
  const room = make()
  const start = performance.now()
  for (let i = 0; i < details.length; i++) room.apply(details[i])
  const ms = performance.now() - start
  return { ms, snapshot: room.snapshot() }
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function measureStream(label: string, details: StateChangeDetail[], rounds: number): StreamResult {
  const ours = () => createCoreRoom(SELF_ID)
  const theirs = () => createTrtcWxBenchRoom(SELF_ID)
  const warmOurs = replay(ours, details)
  const warmTheirs = replay(theirs, details)
  const oursMs: number[] = []
  const theirsMs: number[] = []
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      oursMs.push(replay(ours, details).ms)
      theirsMs.push(replay(theirs, details).ms)
    } else {
      theirsMs.push(replay(theirs, details).ms)
      oursMs.push(replay(ours, details).ms)
    }
  }
  return {
    label,
    events: details.length,
    oursPerSecond: details.length / (median(oursMs) / 1000),
    theirsPerSecond: details.length / (median(theirsMs) / 1000),
    finalUsers: warmOurs.snapshot.users.length,
    finalStreams: warmOurs.snapshot.streams.length,
    differences: diffSnapshots(warmOurs.snapshot, warmTheirs.snapshot),
  }
}

export function runEventCost(options: EventCostOptions): EventCostResult {
  const realisticDetails = realisticMemberEvents({ seed: options.seed, count: options.events, maxMembers: options.maxMembers }).map(toDetail)
  const adversarialDetails = generateMemberEvents(options.events, options.seed, { userPool: userPool(options.maxMembers) }).map(toDetail)
  const realistic = measureStream(`realistic stream, ≤ ${options.maxMembers} members`, realisticDetails, options.rounds)
  const adversarial = measureStream(`fuzz stream (tests/helpers/member-events), ${options.maxMembers}-user pool`, adversarialDetails, options.rounds)
  const figures: Figure[] = []
  for (const [key, result] of [['realistic', realistic], ['fuzz', adversarial]] as const) {
    const reference = { label: 'trtc-wx-sdk 1.1.15', value: result.theirsPerSecond }
    figures.push({
      name: `event-cost.${key}.ours`,
      value: result.oursPerSecond,
      unit: 'events/s',
      reference,
      goal: key === 'realistic' ? { text: '≥ 1.0× with identical results', met: result.oursPerSecond >= result.theirsPerSecond && result.differences.length === 0 } : undefined,
      note: `${result.events} notifications, ${result.finalUsers} users / ${result.finalStreams} streams at the end, ${result.differences.length} result differences`,
    })
    figures.push({ name: `event-cost.${key}.trtc-wx-sdk`, value: result.theirsPerSecond, unit: 'events/s', isReference: true, note: result.label })
  }
  return { realistic, adversarial, edgeCases: runEdgeCases(), figures }
}

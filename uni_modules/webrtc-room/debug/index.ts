/**
 * The opt-in debug overlay of `<webrtc-room>`: with `debug` on, a compact panel over the video
 * (status, members and their streams, the last codes). An app that wants it imports it once, in main.ts:
 *
 *     import '@/uni_modules/webrtc-room/debug'
 *
 * Without it `debug` still turns on the native debug panels of live-pusher / live-player and the
 * redacted console log, and the room emits one `warning` naming this import.
 *
 * The text comes from the room state only. The store never holds the real push URL (`self.pushURL`
 * is redacted by the core), and event details are not shown — codes only — so the overlay cannot
 * leak a userSig or privateMapKey.
 */
import { installDebugOverlay, type DebugLine, memberOf, orderedMembers, type RoomState } from '../lib/runtime'

export type { DebugLine } from '../lib/runtime'

const LAST_EVENTS = 4

function streamFlags(state: RoomState, userID: string): string {
  const streams = memberOf(state, userID)?.streams ?? {}
  const parts: string[] = []
  for (const [type, s] of Object.entries(streams)) {
    if (!s) continue
    parts.push(`${type}:${s.hasVideo ? 'V' : '-'}${s.hasAudio ? 'A' : '-'}${s.loading ? '…' : s.playing ? '▶' : '■'}`)
  }
  return parts.join(' ')
}

/** The overlay's lines for a room's state (one error line without a room). */
export function debugLines(state: RoomState | null): DebugLine[] {
  if (!state) return [{ key: 'status', text: 'room not registered', error: true }]
  const lines: DebugLine[] = [
    { key: 'status', text: `${state.status}${state.enterMode ? ` · ${state.enterMode}` : ''} · room ${state.roomID}`, error: state.status === 'error' },
    { key: 'self', text: `${state.self.userID}${state.self.muted ? ' · muted' : ''}${state.self.cameraOn ? '' : ' · cam off'}`, error: false },
  ]
  if (state.self.pushURL) lines.push({ key: 'url', text: state.self.pushURL, error: false })
  const net = state.self.net
  if (net && (net.videoBitrate !== undefined || net.netSpeed !== undefined)) {
    lines.push({ key: 'net', text: `↑ ${net.videoBitrate ?? 0}+${net.audioBitrate ?? 0} kbps · ${net.videoFPS ?? 0} fps`, error: false })
  }
  const members = orderedMembers(state)
  lines.push({ key: 'members', text: `members ${members.length}`, error: false })
  for (const m of members) lines.push({ key: `m-${m.userID}`, text: `· ${m.userID} ${streamFlags(state, m.userID)}`, error: false })
  const recent = state.events.filter((e) => e.tag !== 'net_status').slice(-LAST_EVENTS)
  recent.forEach((e, i) => lines.push({ key: `e-${i}`, text: `${e.tag} ${e.code}`, error: e.tag === 'error' }))
  return lines
}

installDebugOverlay(debugLines)

/**
 * A cap on open connections that keeps serving real requests: at the cap, a new connection evicts
 * the socket that has waited longest without a request in progress (an idle keep-alive socket, or
 * one that never finished its headers). Only when every socket is busy answering is the newcomer
 * refused. Node's own `maxConnections` refuses newcomers instead, which lets idle sockets lock
 * real clients out.
 */
import type { Server } from 'node:http'
import type { Socket } from 'node:net'

interface SocketState {
  /** Requests received on this socket and not yet answered. */
  active: number
  /** performance.now() when it last became idle (or connected). */
  idleSince: number
}

export interface ConnectionGuard {
  /** Open sockets tracked right now. */
  open(): number
  /** Sockets evicted to admit newcomers, and newcomers refused, since start. */
  stats(): { evicted: number; refused: number }
}

export interface GuardOptions {
  maxConnections: number
  /**
   * Idle keep-alive sockets close after this. Node 20 arms its keep-alive timer at
   * keepAliveTimeout + 1 s; the guard re-arms the same timer at the configured time.
   */
  keepAliveTimeoutMs: number
  onShed?: (what: 'evicted' | 'refused') => void
}

export function guardConnections(server: Server, { maxConnections, keepAliveTimeoutMs, onShed }: GuardOptions): ConnectionGuard {
  const sockets = new Map<Socket, SocketState>()
  let evicted = 0
  let refused = 0

  const longestIdle = (): Socket | undefined => {
    let found: Socket | undefined
    let since = Infinity
    for (const [socket, state] of sockets) {
      if (state.active === 0 && state.idleSince < since) {
        found = socket
        since = state.idleSince
      }
    }
    return found
  }

  server.on('connection', (socket: Socket) => {
    if (sockets.size >= maxConnections) {
      const victim = longestIdle()
      if (!victim) {
        refused++
        onShed?.('refused')
        socket.destroy()
        return
      }
      sockets.delete(victim)
      victim.destroy()
      evicted++
      onShed?.('evicted')
    }
    sockets.set(socket, { active: 0, idleSince: performance.now() })
    socket.once('close', () => sockets.delete(socket))
  })

  server.on('request', (req, res) => {
    const state = sockets.get(req.socket)
    if (!state) return
    state.active++
    res.once('close', () => {
      state.active--
      state.idleSince = performance.now()
      // Node cleared or armed its own timer on 'finish'; a new request clears this one the same way.
      if (state.active === 0 && !req.socket.destroyed) req.socket.setTimeout(keepAliveTimeoutMs)
    })
  })

  return { open: () => sockets.size, stats: () => ({ evicted, refused }) }
}

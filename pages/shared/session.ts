/**
 * The hand-off from the enter page to a room page: the validated form and the signature.
 * Kept in memory (a Pinia store), not in the page URL, so the userSig never lands in history;
 * a reloaded room page therefore finds no session and sends the user back to the form.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { EnterParams } from '../index/form'
import type { SignResult } from './sign-client'

export interface RoomSession {
  params: EnterParams
  sign: SignResult
}

export const useDemoSessionStore = defineStore('webrtc-room-demo/session', () => {
  const session = ref<RoomSession | null>(null)
  const begin = (next: RoomSession) => {
    session.value = next
  }
  const end = () => {
    session.value = null
  }
  return { session, begin, end }
})

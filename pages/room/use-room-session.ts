/**
 * What both room pages do around `<webrtc-room>`: read the session the enter page left, title the
 * page, start the room once the page is ready (as the original's pages did), keep the screen on
 * while in it, retry after an error with the same settings, and leave cleanly — on the Leave
 * button or when the page is closed.
 */
import { computed, nextTick, ref, watch, type Ref } from 'vue'
import { onReady, onShow, onUnload } from '@dcloudio/uni-app'
import type { ErrorDetail, RoomEvent, WebrtcRoomMethods } from '@/uni_modules/webrtc-room'
import { useDemoSessionStore } from '../shared/session'
import { useI18n, type MessageKey } from '../shared/i18n'
import { signFor } from '../shared/sign-session'
import { needsNewSignature } from './retry'

export function useRoomSession(room: Ref<WebrtcRoomMethods | null>, titleKey: MessageKey) {
  const { t, locale } = useI18n()
  const sessionStore = useDemoSessionStore()
  const session = computed(() => sessionStore.session)

  const showTitle = () => uni.setNavigationBarTitle({ title: t(titleKey) })
  onShow(showTitle)
  watch(locale, showTitle)

  // Start once the page is ready AND the component ref is set: on mp-weixin a component ref can
  // resolve after the page's onReady, so whichever comes last starts the room.
  let ready = false
  let started = false
  function startWhenReady() {
    if (started || !ready || !room.value || !session.value) return
    started = true
    // Best effort: without callbacks uni returns a Promise that rejects where the Wake Lock API is
    // missing (H5 on plain http, older browsers) — an unhandled rejection, found by the H5 e2e test.
    uni.setKeepScreenOn({ keepScreenOn: true, fail: () => {} })
    room.value.start().catch(() => {
      // The failure also arrives as an `error` room-event: the status chip and the notice show it.
    })
  }
  onReady(() => {
    ready = true
    startWhenReady()
  })
  watch(room, startWhenReady)

  // Retry: stop, sign again when the signature is (nearly) expired or was refused, start again.
  const retrying = ref(false)
  /** Why the retry itself failed (the sign service), '' when it did not. */
  const retryError = ref('')
  async function retry(lastError: RoomEvent<ErrorDetail> | null) {
    const api = room.value
    const current = session.value
    if (!api || !current || retrying.value) return
    retrying.value = true
    retryError.value = ''
    try {
      await api.stop().catch(() => undefined)
      if (needsNewSignature(current.sign, lastError, Date.now())) {
        sessionStore.begin({ params: current.params, sign: await signFor(current.params) })
        // The new userSig / privateMapKey reach the component's props before it starts.
        await nextTick()
      }
      await api.start().catch(() => undefined)
    } catch (err) {
      retryError.value = err instanceof Error ? err.message : String(err)
    } finally {
      retrying.value = false
    }
  }

  /**
   * `<webrtc-room :get-user-sig>`: TRTC or IM refused the signature (expired) — the room asks the
   * sign service again and re-enters / logs in with the answer, keeping members and messages. The
   * session store is left alone: new props now would restart the room (Retry signs anew anyway).
   */
  async function getUserSig() {
    const current = session.value
    if (!current) throw new Error('no room session')
    const { userSig, privateMapKey } = await signFor(current.params)
    return { userSig, privateMapKey }
  }

  let left = false
  async function stopRoom() {
    if (left) return
    left = true
    await room.value?.stop().catch(() => undefined)
    uni.setKeepScreenOn({ keepScreenOn: false, fail: () => {} })
    sessionStore.end()
  }
  onUnload(() => {
    void stopRoom()
  })

  function goHome() {
    if (getCurrentPages().length > 1) uni.navigateBack()
    else uni.reLaunch({ url: '/pages/index/index' })
  }

  async function leave() {
    await stopRoom()
    goHome()
  }

  function togglePause(paused: boolean) {
    if (paused) room.value?.resume()
    else room.value?.pause()
  }

  return { session, leave, goHome, togglePause, retry, retrying, retryError, getUserSig }
}

import { createSSRApp } from 'vue'
import * as Pinia from 'pinia'
import App from './App.vue'
// The demo offers IM chat: installing the plugin's opt-in IM entry is what makes `enableIM` work
// (an app that never imports it ships none of tim-wx-sdk).
import '@/uni_modules/webrtc-room/im'
// pages/live: the live scene (scene / role, co-hosting) is the plugin's opt-in live entry.
import '@/uni_modules/webrtc-room/live'
// The demo's error notice explains codes with advice: the plugin's opt-in code texts.
import '@/uni_modules/webrtc-room/codes'
// The room page shows who speaks (rings) and each link's quality (bars): the opt-in levels.
import '@/uni_modules/webrtc-room/levels'
// The room page passes getUserSig (asks the sign service again when the userSig expires): the opt-in refresh.
import '@/uni_modules/webrtc-room/sig-refresh'
// Its mute / big-small stream toggles per member: the opt-in per-member media choices.
import '@/uni_modules/webrtc-room/member-media'
// A denied camera / microphone: a modal leads to the settings page, the room starts again once granted.
import '@/uni_modules/webrtc-room/permission-guide'

// uni-app's entry: it calls createApp() and mounts the returned app itself.
export function createApp() {
  const app = createSSRApp(App)
  app.use(Pinia.createPinia())
  return { app, Pinia }
}

// Types `<webrtc-room>` and its building blocks in pages for Volar / vue-tsc (easycom registers them
// at build time, so pages use them without an import). Add this file to the app's tsconfig
// `include` ("uni_modules/webrtc-room/global.d.ts"; CLI: "src/uni_modules/…"): it is all an app needs,
// even when its tsconfig does not include uni_modules.
//
// The SDKs the plugin imports ship no typings for the entries it uses; their declarations live next to
// the code that imports them and are referenced here so a fresh app type-checks the plugin's files
// (without them: TS7016 for 'trtc-sdk-v5/trtc.esm.js' and 'tim-wx-sdk').
/// <reference path="./engines/h5/trtc-esm.d.ts" />
/// <reference path="./im/tim-wx-sdk.d.ts" />
declare module 'vue' {
  export interface GlobalComponents {
    WebrtcRoom: typeof import('./components/webrtc-room/webrtc-room.vue')['default']
    WebrtcRoomPusher: typeof import('./components/webrtc-room-pusher/webrtc-room-pusher.vue')['default']
    WebrtcRoomPlayer: typeof import('./components/webrtc-room-player/webrtc-room-player.vue')['default']
  }
}
export {}

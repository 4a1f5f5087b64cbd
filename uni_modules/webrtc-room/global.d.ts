// Types `<webrtc-room>` and its building blocks in pages for Volar / vue-tsc (easycom registers them
// at build time, so pages use them without an import). Include this file in the app's tsconfig
// (`"include": ["uni_modules/webrtc-room/global.d.ts", ...]`) or reference it from a .d.ts.
declare module 'vue' {
  export interface GlobalComponents {
    WebrtcRoom: typeof import('./components/webrtc-room/webrtc-room.vue')['default']
    WebrtcRoomPusher: typeof import('./components/webrtc-room-pusher/webrtc-room-pusher.vue')['default']
    WebrtcRoomPlayer: typeof import('./components/webrtc-room-player/webrtc-room-player.vue')['default']
  }
}
export {}

// Types `<webrtc-room>` and its building blocks in pages for Volar / vue-tsc (easycom registers them at build time).
declare module 'vue' {
  export interface GlobalComponents {
    WebrtcRoom: typeof import('./components/webrtc-room/webrtc-room.vue')['default']
  }
}
export {}

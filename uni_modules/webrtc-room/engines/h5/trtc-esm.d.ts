/** trtc-sdk-v5 ships its ES module build without typings of its own: same API as the package root. */
declare module 'trtc-sdk-v5/trtc.esm.js' {
  import TRTC from 'trtc-sdk-v5'
  export default TRTC
}

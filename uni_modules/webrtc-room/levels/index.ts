/**
 * The opt-in levels of webrtc-room: who is speaking and how good each link is. An app that shows
 * them (the built-in tiles' speaking ring and signal bars, `speaking` / `quality` in the `layout`
 * slot, `volume` / `activeSpeaker` in the room store, the `active_speaker` / `network_quality`
 * events) imports it once, in main.ts:
 *
 *     import '@/uni_modules/webrtc-room/levels'
 *
 * Without it the rooms work as before but hold no live levels: `volume` 0, `speaking` false,
 * `quality` 0 (unknown) for you and every member, `activeSpeaker` null, neither event — and the
 * engines ask for no volume reports (H5: no `enableAudioVolumeEvaluation`; mp-weixin: the tags'
 * `audiovolumenotify` ends in the engine). Apps that show none of it ship none of these bytes.
 */
import { installLevels, LEVEL_INTERVAL_MS, reduceLevel, settleLevels, nativeLevels } from '../lib/runtime'
// #ifndef H5
// #endif
// #ifdef H5
import { trtcLevels } from '../engines/h5/trtc-levels'
// #endif

installLevels({
  reduce: reduceLevel,
  settle: settleLevels,
  // #ifndef H5
  native: nativeLevels,
  // #endif
  // #ifdef H5
  trtc: trtcLevels,
  volumeInterval: LEVEL_INTERVAL_MS,
  // #endif
})

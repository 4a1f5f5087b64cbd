/** Toolbar icons: plain SVG files in /static (copied as is by uni), so every platform draws the same glyphs. */
export const toolbarIcons = {
  mic: '/static/icons/mic.svg',
  micOff: '/static/icons/mic-off.svg',
  camera: '/static/icons/camera.svg',
  cameraOff: '/static/icons/camera-off.svg',
  flip: '/static/icons/flip.svg',
  pause: '/static/icons/pause.svg',
  play: '/static/icons/play.svg',
  leave: '/static/icons/leave.svg',
} as const

import { defineConfig } from 'vite'
import uni from '@dcloudio/vite-plugin-uni'

// uni's own plugin compiles the demo app and the plugin for mp-weixin and H5.
export default defineConfig({
  plugins: [uni()],
})

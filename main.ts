import { createSSRApp } from 'vue'
import * as Pinia from 'pinia'
import App from './App.vue'

// uni-app's entry: it calls createApp() and mounts the returned app itself.
export function createApp() {
  const app = createSSRApp(App)
  app.use(Pinia.createPinia())
  return { app, Pinia }
}

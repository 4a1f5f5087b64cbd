// Build-time settings the demo reads (vite `import.meta.env`).
interface ImportMetaEnv {
  readonly VITE_SIGN_BASE_URL?: string
  /** true under the dev server (`npm run dev`), false in builds. */
  readonly DEV: boolean
}
interface ImportMeta {
  readonly env: ImportMetaEnv
}

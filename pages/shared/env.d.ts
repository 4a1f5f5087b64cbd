// Build-time settings the demo reads (vite `import.meta.env`).
interface ImportMetaEnv {
  readonly VITE_SIGN_BASE_URL?: string
}
interface ImportMeta {
  readonly env: ImportMetaEnv
}

// Types of lib/runtime.js: its sources, re-exported (see ../runtime.ts).
export * from '../runtime'

#!/usr/bin/env node
/** `trtc-sign` / `npm run sign -- ...`: see src/README.md or `trtc-sign --help`. */
import { processIO, runCli } from './cli/run'

process.exitCode = runCli(process.argv.slice(2), process.env, processIO)

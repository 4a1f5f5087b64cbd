/**
 * Where the CLI and the sign service find keys: an environment variable or a file named by one
 * (or by a CLI flag) — never a command-line value, which would land in shell history and `ps`.
 */
import { readFileSync, statSync } from 'node:fs'

export class SecretSourceError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SecretSourceError'
  }
}

export type Env = Record<string, string | undefined>

/**
 * Reads a key file; surrounding whitespace (the editor's trailing newline) is not part of the key.
 * `origin` names where the path came from (`--secret-file`, `TRTC_SECRETKEY_FILE`): errors name
 * that, never the path itself, because a key pasted where a path belongs must not be echoed.
 */
export function readKeyFile(path: string, what: string, origin: string): string {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    throw new SecretSourceError(`cannot read the ${what} file named by ${origin} (${(err as NodeJS.ErrnoException).code ?? 'error'}); the value is not shown in case it is the key itself`)
  }
  const key = text.trim()
  if (!key) throw new SecretSourceError(`the ${what} file named by ${origin} is empty`)
  return key
}

/**
 * The v2 secretKey: `fileFlag` (a CLI --secret-file) or TRTC_SECRETKEY_FILE, else TRTC_SECRETKEY.
 * Returns null when none is configured, so callers can say what to set.
 */
export function findSecretKey(env: Env, fileFlag?: string): { secretKey: string; source: string; file?: string } | null {
  const file = fileFlag || env.TRTC_SECRETKEY_FILE
  if (file) return { secretKey: readKeyFile(file, 'secretKey', fileFlag ? '--secret-file' : 'TRTC_SECRETKEY_FILE'), source: `file ${file}`, file }
  const inline = env.TRTC_SECRETKEY?.trim()
  if (inline) return { secretKey: inline, source: 'TRTC_SECRETKEY' }
  return null
}

/** A PEM key for v1: `fileFlag`, else the file in `<envName>_FILE`, else the PEM text in `<envName>`. */
export function findPemKey(env: Env, envName: string, fileFlag?: string): string | null {
  const file = fileFlag || env[`${envName}_FILE`]
  if (file) return readKeyFile(file, envName, fileFlag ? `--${envName.replace(/^TRTC_/, '').toLowerCase().replace(/_/g, '-')}-file` : `${envName}_FILE`)
  const inline = env[envName]?.trim()
  return inline ? inline.replace(/\\n/g, '\n') : null
}

/** A warning when a key file can be read by other users of the machine (POSIX modes only). */
export function keyFilePermissionWarning(path: string): string | null {
  if (process.platform === 'win32') return null
  const mode = statSync(path).mode & 0o777
  if ((mode & 0o077) === 0) return null
  return `key file ${path} is readable by other users (mode ${mode.toString(8).padStart(4, '0')}); \`chmod 600\` it`
}

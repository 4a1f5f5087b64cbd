/**
 * The `trtc-sign` command, as a function of (argv, env, io) so tests can drive it in-process as
 * well as by spawning it. Prints one JSON object on stdout; errors as JSON on stderr.
 * Exit codes: 0 ok (verify: valid), 1 verify: not valid, 2 bad usage or input.
 */
import { parseArgs } from 'node:util'
import { readFileSync } from 'node:fs'
import { SignError } from '../errors'
import { ALL_PRIVILEGES } from '../limits'
import { createV2Signer } from '../usersig-v2'
import { genUserSigV1 } from '../usersig-v1'
import { genPrivateMapKey, genPrivateMapKeyV1, type RoomTarget } from '../private-map-key'
import { decodeUserSig, verifyUserSig, verifyUserSigV1, type UserSigFieldsV1, type UserSigFieldsV2 } from '../verify'
import { findPemKey, findSecretKey, SecretSourceError, type Env } from '../secret-source'

export interface CliIO {
  out(text: string): void
  err(text: string): void
  /** stdin, for `--sig -`. */
  readStdin(): string
}

export const USAGE = `trtc-sign — TRTC/IM userSig and privateMapKey, signed on your server

  trtc-sign usersig       --sdkappid N --userid U [--expire S] [--v1]
  trtc-sign privatemapkey --sdkappid N --userid U (--roomid N | --strroomid S) [--privilege 0-255] [--expire S] [--v1]
  trtc-sign verify        --sig SIG|- [--sdkappid N] [--userid U]     (v1 or v2, told from the signature)
  trtc-sign decode        --sig SIG|-                                 (fields only, no key needed)

Keys are never taken on the command line:
  v2 secretKey   TRTC_SECRETKEY, or a file: TRTC_SECRETKEY_FILE / --secret-file PATH
  v1 private key TRTC_PRIVATE_KEY_FILE / --private-key-file PATH (PEM; or the PEM text in TRTC_PRIVATE_KEY)
  v1 public key  TRTC_PUBLIC_KEY_FILE / --public-key-file PATH (verify)
  --sdkappid may come from TRTC_SDKAPPID.
Defaults: --expire 86400 (privatemapkey: 300), --privilege 255.`

class UsageError extends Error {}

const OPTIONS = {
  sdkappid: { type: 'string' },
  userid: { type: 'string' },
  expire: { type: 'string' },
  roomid: { type: 'string' },
  strroomid: { type: 'string' },
  privilege: { type: 'string' },
  sig: { type: 'string' },
  v1: { type: 'boolean' },
  'secret-file': { type: 'string' },
  'private-key-file': { type: 'string' },
  'public-key-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

/** Flags someone might try for the key itself: refused with the reason, not "unknown option". */
const SECRET_FLAGS = /^--?(secret|secretkey|secret-key|key|private-key|privatekey)(=|$)/i

const COMMANDS = ['usersig', 'privatemapkey', 'verify', 'decode'] as const

/** Index of the first argument that looks like an option parseArgs does not know. */
function unknownOptionIndex(argv: readonly string[]): number {
  const known = (arg: string) => {
    const name = arg.replace(/^--?/, '').split('=')[0]
    return name in OPTIONS || name === 'h'
  }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break
    if (argv[i].startsWith('-') && argv[i] !== '-' && !known(argv[i])) return i
  }
  return argv.length - 1
}

/** Whole decimal numbers only: "1e3", "0x10", "12abc" and "" are usage errors, not coerced. */
function integerFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, got ${JSON.stringify(value)}`)
  return Number(value)
}

function required<T>(name: string, value: T | undefined): T {
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`)
  return value
}

const forOutput = (fields: UserSigFieldsV2 | UserSigFieldsV1) => ({
  ...fields,
  userbuf: fields.userbuf?.toString('base64'),
})

export function runCli(argv: string[], env: Env, io: CliIO): number {
  try {
    const secretFlag = argv.find((arg) => SECRET_FLAGS.test(arg))
    if (secretFlag) {
      throw new UsageError(`${secretFlag.split('=')[0]} is not accepted: a key on the command line leaks into shell history and ps. Use TRTC_SECRETKEY / TRTC_SECRETKEY_FILE or --secret-file (v1: --private-key-file).`)
    }
    let parsed
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
    } catch (err) {
      // Node's own message quotes the unknown token: it may be a key typed in the wrong place.
      if ((err as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
        throw new UsageError(`unknown option at argument ${unknownOptionIndex(argv) + 1} (not shown: it might be a key); options: ${Object.keys(OPTIONS).map((o) => `--${o}`).join(' ')}`)
      }
      throw new UsageError((err as Error).message)
    }
    const { values, positionals } = parsed
    const command = positionals[0]
    if (values.help || command === 'help') {
      io.out(USAGE)
      return 0
    }
    if (command === undefined) {
      io.err(USAGE)
      return 2
    }
    if (positionals.length > 1) {
      throw new UsageError(`unexpected extra argument at position ${argv.indexOf(positionals[1]) + 1} (not shown: it might be a key; keys come from TRTC_SECRETKEY / TRTC_SECRETKEY_FILE)`)
    }

    const sdkAppIDFlag = () => integerFlag('sdkappid', values.sdkappid ?? env.TRTC_SDKAPPID)
    const secretKey = () => {
      const found = findSecretKey(env, values['secret-file'])
      if (!found) throw new UsageError('no secretKey: set TRTC_SECRETKEY or TRTC_SECRETKEY_FILE, or pass --secret-file PATH')
      return found.secretKey
    }
    const privateKey = () => {
      const pem = findPemKey(env, 'TRTC_PRIVATE_KEY', values['private-key-file'])
      if (!pem) throw new UsageError('no v1 private key: set TRTC_PRIVATE_KEY_FILE or pass --private-key-file PATH')
      return pem
    }
    const sigFlag = () => {
      const sig = required('sig', values.sig)
      return sig === '-' ? io.readStdin().trim() : sig
    }
    const now = Date.now()

    switch (command) {
      case 'usersig': {
        const sdkAppID = required('sdkappid', sdkAppIDFlag())
        const userID = required('userid', values.userid)
        const expire = integerFlag('expire', values.expire) ?? 86400
        const userSig = values.v1
          ? genUserSigV1({ sdkAppID, privateKey: privateKey(), userID, expire, now })
          : createV2Signer({ sdkAppID, secretKey: secretKey() }).genUserSig(userID, expire, { now })
        io.out(JSON.stringify({ userSig, version: values.v1 ? 'v1' : '2.0', sdkAppID, userID, expire, expireAt: Math.floor(now / 1000) + expire }))
        return 0
      }
      case 'privatemapkey': {
        const sdkAppID = required('sdkappid', sdkAppIDFlag())
        const userID = required('userid', values.userid)
        const expire = integerFlag('expire', values.expire) ?? 300
        const privilege = integerFlag('privilege', values.privilege) ?? ALL_PRIVILEGES
        const roomID = integerFlag('roomid', values.roomid)
        if ((roomID === undefined) === (values.strroomid === undefined)) throw new UsageError('give exactly one of --roomid and --strroomid')
        const room: RoomTarget = roomID !== undefined ? { roomID } : { strRoomID: values.strroomid! }
        const privateMapKey = values.v1
          ? genPrivateMapKeyV1({ sdkAppID, privateKey: privateKey(), userID, expire, privilege, now, ...room })
          : genPrivateMapKey({ sdkAppID, secretKey: secretKey(), userID, expire, privilege, now, ...room })
        io.out(JSON.stringify({ privateMapKey, version: values.v1 ? 'v1' : '2.0', sdkAppID, userID, ...room, privilege, expire, expireAt: Math.floor(now / 1000) + expire }))
        return 0
      }
      case 'decode': {
        io.out(JSON.stringify(forOutput(decodeUserSig(sigFlag()))))
        return 0
      }
      case 'verify': {
        const sig = sigFlag()
        const expect = { now, sdkAppID: sdkAppIDFlag(), userID: values.userid }
        if (decodeUserSig(sig).version === 'v1') {
          const publicKey = findPemKey(env, 'TRTC_PUBLIC_KEY', values['public-key-file']) ?? findPemKey(env, 'TRTC_PRIVATE_KEY', values['private-key-file'])
          if (!publicKey) throw new UsageError('a v1 signature: set TRTC_PUBLIC_KEY_FILE or pass --public-key-file PATH')
          const result = verifyUserSigV1(sig, publicKey, expect)
          io.out(JSON.stringify(forOutput(result)))
          return result.valid ? 0 : 1
        }
        const result = verifyUserSig(sig, secretKey(), expect)
        io.out(JSON.stringify(forOutput(result)))
        return result.valid ? 0 : 1
      }
      default:
        throw new UsageError(`unknown command (not shown: it might be a key); the commands are ${COMMANDS.join(', ')}`)
    }
  } catch (err) {
    if (err instanceof SignError) io.err(JSON.stringify({ error: { code: err.code, message: err.message } }))
    else if (err instanceof UsageError || err instanceof SecretSourceError) io.err(JSON.stringify({ error: { code: 'USAGE', message: err.message } }))
    else throw err
    return 2
  }
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readStdin: () => readFileSync(0, 'utf8'),
}

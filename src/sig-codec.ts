/**
 * The envelope shared by v1 and v2: JSON text → zlib (deflate with header) → TLS base64.
 * Decoding accepts any zlib level (Go's signer stores uncompressed blocks) and is bounded, so a
 * hostile "signature" cannot inflate into megabytes.
 */
import { deflateSync, inflateSync } from 'node:zlib'
import { SignError } from './errors'
import { MAX_INFLATED_BYTES, MAX_SIG_CHARS } from './limits'
import { decodeTlsBase64, encodeTlsBase64 } from './tls-base64'

export function packSig(jsonText: string): string {
  // Same call and default level as the official packages, hence the same bytes.
  return encodeTlsBase64(deflateSync(Buffer.from(jsonText, 'utf8')))
}

export type SigJson = Record<string, unknown>

export function unpackSig(sig: unknown): SigJson {
  if (typeof sig !== 'string' || sig.length === 0) throw new SignError('MALFORMED_SIG', 'signature must be a non-empty string')
  if (sig.length > MAX_SIG_CHARS) throw new SignError('MALFORMED_SIG', `signature is longer than ${MAX_SIG_CHARS} characters`)
  const compressed = decodeTlsBase64(sig.trim())
  let text: string
  try {
    text = inflateSync(compressed, { maxOutputLength: MAX_INFLATED_BYTES }).toString('utf8')
  } catch (err) {
    const tooBig = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
    throw new SignError('MALFORMED_SIG', tooBig ? `signature inflates to more than ${MAX_INFLATED_BYTES} bytes` : 'signature is not zlib data')
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new SignError('MALFORMED_SIG', 'signature does not hold JSON')
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new SignError('MALFORMED_SIG', 'signature JSON is not an object')
  return json as SigJson
}

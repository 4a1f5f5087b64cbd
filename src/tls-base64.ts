/**
 * The base64 variant every TLS signature uses: standard base64 with `+`→`*`, `/`→`-`, `=`→`_`,
 * so a userSig travels in URLs and JSON without escaping.
 */
import { SignError } from './errors'

const FROM_TLS: Record<string, string> = { '*': '+', '-': '/', _: '=' }
const TLS_ALPHABET = /^[A-Za-z0-9*\-_]+$/

export function encodeTlsBase64(bytes: Uint8Array): string {
  // Three plain replaces: measurably cheaper than one replace with a callback on this hot path.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('base64')
    .replace(/\+/g, '*')
    .replace(/\//g, '-')
    .replace(/=/g, '_')
}

/** Strict decode: anything outside the TLS alphabet is an error, not silently skipped. */
export function decodeTlsBase64(text: string): Buffer {
  if (!TLS_ALPHABET.test(text)) {
    throw new SignError('MALFORMED_SIG', 'signature contains characters outside the TLS base64 alphabet (A-Z a-z 0-9 * - _)')
  }
  return Buffer.from(text.replace(/[*\-_]/g, (c) => FROM_TLS[c]), 'base64')
}

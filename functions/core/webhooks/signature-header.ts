/** How a platform writes a SHA-256 digest into its signature header. */
export interface SignatureFormat {
  /** Text before the digest, e.g. `sha256=` (compared case-insensitively). */
  prefix?: string;
  /** The prefix may be absent (LinkedIn's documentation and real senders disagree). */
  prefixOptional?: boolean;
  encoding: 'hex' | 'base64';
}

const HEX_DIGEST = /^[0-9a-f]{64}$/i;
// 32 bytes in standard base64: 43 characters and one `=` of padding. Node's decoder is
// lenient (it skips invalid characters), so the shape is checked before decoding.
const BASE64_DIGEST = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

/**
 * Reads the 32-byte digest out of a signature header, or `undefined` when the header is not a
 * well-formed SHA-256 signature in this format. Never throws, whatever the sender puts there.
 */
export function parseSignatureHeader(value: string | undefined, format: SignatureFormat): Buffer | undefined {
  if (value === undefined) return undefined;
  let digest = value.trim();
  if (format.prefix) {
    const hasPrefix = digest.slice(0, format.prefix.length).toLowerCase() === format.prefix.toLowerCase();
    if (hasPrefix) digest = digest.slice(format.prefix.length);
    else if (!format.prefixOptional) return undefined;
  }
  if (format.encoding === 'hex') return HEX_DIGEST.test(digest) ? Buffer.from(digest, 'hex') : undefined;
  return BASE64_DIGEST.test(digest) ? Buffer.from(digest, 'base64') : undefined;
}

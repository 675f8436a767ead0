import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 of `message` keyed with `key`: the one primitive every platform's scheme uses. */
export function hmacSha256(key: string, message: string | Uint8Array): Buffer {
  return createHmac('sha256', key).update(message).digest();
}

/**
 * Constant-time comparison of two digests. Lengths are public (every SHA-256 digest is 32
 * bytes), so answering false early on a length mismatch leaks nothing about the secret.
 */
export function digestsEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Constant-time comparison of two strings of any length (configured tokens): both are hashed
 * first so the comparison time depends on neither the content nor the length of the secret.
 */
export function secretsEqual(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

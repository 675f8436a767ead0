import { randomBytes } from 'node:crypto';
import { hashToken } from './opaque-tokens';

/**
 * `plm_<prefix>_<secret>`: the prefix identifies the key in lists and lookups; only the
 * SHA-256 of the whole key is stored. The `plm_` marker lets secret scanners recognise leaks.
 */
const KEY_PATTERN = /^plm_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export function newApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(9)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 12);
  const key = `plm_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashToken(key) };
}

export function parseApiKey(key: string): { prefix: string; hash: string } | undefined {
  const match = KEY_PATTERN.exec(key.trim());
  if (!match) return undefined;
  return { prefix: match[1] as string, hash: hashToken(key.trim()) };
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/** `<base64url JSON>.<base64url HMAC-SHA256>`: a small tamper-proof token for local URLs. */
export function signToken(payload: object, key: Buffer): string {
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${mac(body, key)}`;
}

/** The payload when the MAC is right, else undefined. Checks no expiry: callers do. */
export function readToken(token: string, key: Buffer): unknown {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return undefined;
  if (!constantTimeEqual(signature, mac(body, key))) return undefined;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

export function mac(data: string, key: Buffer): string {
  return createHmac('sha256', key).update(data, 'utf8').digest('base64url');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

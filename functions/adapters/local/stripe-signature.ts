import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Stripe's webhook signature scheme (`Stripe-Signature: t=<unix>,v1=<hex>[,v1=…]`, where
 * v1 = HMAC-SHA256(secret, `${t}.${body}`)), so local webhooks are verified the same way as
 * real ones and the same handler code runs in both places.
 */
export function signStripePayload(body: string, secret: string, timestampSeconds: number): string {
  const signature = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex');
  return `t=${timestampSeconds},v1=${signature}`;
}

/**
 * Throws unless one v1 signature matches (constant-time) and the timestamp is at most
 * `toleranceSeconds` old, exactly as Stripe's own verifier decides.
 */
export function verifyStripeSignature(
  body: string,
  header: string | undefined,
  secret: string,
  now: Date,
  toleranceSeconds = 300,
): void {
  if (!header) throw new Error('Missing Stripe-Signature header');
  let timestamp = Number.NaN;
  const signatures: Buffer[] = [];
  for (const pair of header.split(',')) {
    const [key, value] = pair.split('=', 2).map((part) => part.trim());
    if (key === 't' && value && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && value) signatures.push(Buffer.from(value, 'utf8'));
  }
  if (!Number.isFinite(timestamp)) throw new Error('Stripe-Signature has no timestamp');
  if (signatures.length === 0) throw new Error('Stripe-Signature has no v1 signature');
  const expected = Buffer.from(
    createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex'),
    'utf8',
  );
  // Compare against every candidate so the time taken does not depend on which one matched.
  let matched = false;
  for (const candidate of signatures) {
    if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) matched = true;
  }
  if (!matched) throw new Error('No Stripe-Signature v1 signature matches the payload');
  const age = Math.floor(now.getTime() / 1000) - timestamp;
  if (toleranceSeconds > 0 && age > toleranceSeconds) {
    throw new Error('Stripe-Signature timestamp is outside the tolerance window');
  }
}

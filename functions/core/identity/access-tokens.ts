import { jwtVerify, SignJWT, errors } from 'jose';
import type { webcrypto } from 'node:crypto';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'plume';
const AUDIENCE = 'plume-api';
const ALGORITHM = 'HS256';

export interface AccessTokenClaims {
  /** User id. */
  sub: string;
  /** Organization the session acts in. */
  org: string;
  /** Session id (user_sessions.id), checked on every request so revocation is immediate. */
  sid: string;
}

const keyOf = (secret: string): Uint8Array => new TextEncoder().encode(secret);

/**
 * The signing secret as a WebCrypto key, imported once per secret: jose imports a raw secret
 * again on every call, which showed in the request path's profile (importKey per request).
 */
let importedKey: { secret: string; key: Promise<webcrypto.CryptoKey> } | undefined;
function verificationKey(secret: string): Promise<webcrypto.CryptoKey> {
  if (importedKey?.secret !== secret) {
    const key = crypto.subtle.importKey('raw', keyOf(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'verify',
    ]);
    importedKey = { secret, key };
  }
  return importedKey.key;
}

/**
 * Tokens this process has already verified, with their claims, until they expire. A dashboard
 * sends the same access token with every request for up to 15 minutes; verifying its HMAC again
 * each time was ~12% of the server's CPU on GET /api/posts/{id}. Keyed by the exact token text
 * and the secret it was verified with, so only a token that passed `jwtVerify` is ever found,
 * and expiry is still checked against the clock on every use. Bounded: the oldest entry goes.
 */
const VERIFIED_CAPACITY = 2_000;
const verified = new Map<string, { secret: string; claims: AccessTokenClaims; expiresAtMs: number }>();

function rememberVerified(token: string, secret: string, claims: AccessTokenClaims, expiresAtMs: number) {
  if (verified.size >= VERIFIED_CAPACITY) verified.delete(verified.keys().next().value as string);
  verified.set(token, { secret, claims, expiresAtMs });
}

export async function issueAccessToken(
  secret: string,
  claims: AccessTokenClaims,
  now: Date,
): Promise<{ token: string; expiresIn: number }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const token = await new SignJWT({ org: claims.org, sid: claims.sid })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ACCESS_TOKEN_TTL_SECONDS)
    .sign(keyOf(secret));
  return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
}

/**
 * Verifies signature, algorithm (pinned: no `none`, no key confusion), issuer, audience and
 * expiry against the injected clock. Returns undefined for any invalid token.
 */
export async function verifyAccessToken(
  secret: string,
  token: string,
  now: Date,
): Promise<AccessTokenClaims | undefined> {
  const known = verified.get(token);
  if (known && known.secret === secret) {
    if (now.getTime() < known.expiresAtMs) return known.claims;
    verified.delete(token);
    return undefined;
  }
  try {
    const { payload } = await jwtVerify(token, await verificationKey(secret), {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: now,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.org !== 'string' || typeof payload.sid !== 'string')
      return undefined;
    const claims = { sub: payload.sub, org: payload.org, sid: payload.sid };
    // `exp` is required above, in seconds; jose refuses at exp <= now, and so does the cache.
    rememberVerified(token, secret, claims, (payload.exp as number) * 1000);
    return claims;
  } catch (error) {
    if (error instanceof errors.JOSEError) return undefined;
    throw error;
  }
}

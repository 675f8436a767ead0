import { jwtVerify, SignJWT, errors } from 'jose';

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
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: now,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.org !== 'string' || typeof payload.sid !== 'string')
      return undefined;
    return { sub: payload.sub, org: payload.org, sid: payload.sid };
  } catch (error) {
    if (error instanceof errors.JOSEError) return undefined;
    throw error;
  }
}

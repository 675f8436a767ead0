import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  issueAccessToken,
  verifyAccessToken,
} from '../../../functions/core/identity/access-tokens';

const secret = 'a'.repeat(64);
const now = new Date('2026-01-01T00:00:00Z');
const claims = { sub: crypto.randomUUID(), org: crypto.randomUUID(), sid: crypto.randomUUID() };

describe('access tokens', () => {
  it('round-trips its claims and expires after the TTL', async () => {
    const { token, expiresIn } = await issueAccessToken(secret, claims, now);
    expect(expiresIn).toBe(ACCESS_TOKEN_TTL_SECONDS);
    expect(await verifyAccessToken(secret, token, now)).toEqual(claims);
    const later = new Date(now.getTime() + (ACCESS_TOKEN_TTL_SECONDS + 1) * 1000);
    expect(await verifyAccessToken(secret, token, later)).toBeUndefined();
  });

  it('refuses another key, another audience or issuer, another algorithm and garbage', async () => {
    const { token } = await issueAccessToken(secret, claims, now);
    expect(await verifyAccessToken('b'.repeat(64), token, now)).toBeUndefined();
    const key = new TextEncoder().encode(secret);
    const base = () =>
      new SignJWT({ org: claims.org, sid: claims.sid })
        .setSubject(claims.sub)
        .setIssuedAt(now.getTime() / 1000)
        .setExpirationTime(now.getTime() / 1000 + 60);
    const wrongAudience = await base()
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('plume')
      .setAudience('other')
      .sign(key);
    const wrongIssuer = await base()
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('evil')
      .setAudience('plume-api')
      .sign(key);
    const otherAlg = await base()
      .setProtectedHeader({ alg: 'HS512' })
      .setIssuer('plume')
      .setAudience('plume-api')
      .sign(key);
    for (const bad of [wrongAudience, wrongIssuer, otherAlg, 'not.a.token', '']) {
      expect(await verifyAccessToken(secret, bad, now)).toBeUndefined();
    }
  });

  // Verified tokens are remembered per process (the dashboard repeats one token for 15 minutes);
  // what is remembered must answer exactly as a fresh verification would.
  it('answers from memory as a fresh verification would: expiry to the millisecond, a rotated secret', async () => {
    const { token } = await issueAccessToken(secret, claims, now);
    const expiry = now.getTime() + ACCESS_TOKEN_TTL_SECONDS * 1000;
    expect(await verifyAccessToken(secret, token, now)).toEqual(claims);
    expect(await verifyAccessToken(secret, token, new Date(expiry - 1))).toEqual(claims);
    expect(await verifyAccessToken(secret, token, new Date(expiry))).toBeUndefined();
    // Forgotten once expired: an earlier clock gets a fresh verification, not the memory.
    expect(await verifyAccessToken(secret, token, now)).toEqual(claims);

    expect(await verifyAccessToken('c'.repeat(64), token, now)).toBeUndefined();
    const rotated = await issueAccessToken('c'.repeat(64), claims, now);
    expect(await verifyAccessToken(secret, rotated.token, now)).toBeUndefined();
    expect(await verifyAccessToken('c'.repeat(64), rotated.token, now)).toEqual(claims);
  });

  it('never remembers a token that failed, whatever its text', async () => {
    const { token } = await issueAccessToken(secret, claims, now);
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    for (let i = 0; i < 3; i++) expect(await verifyAccessToken(secret, forged, now)).toBeUndefined();
  });
});

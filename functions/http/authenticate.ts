import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Container } from '../adapters/container';
import { verifyAccessToken } from '../core/identity/access-tokens';
import { parseApiKey } from '../core/identity/api-key-format';
import { constantTimeEqualHex } from '../core/identity/opaque-tokens';
import { apiKeys, organizationMembers, users, userSessions } from '../db/schema';
import { withSystem } from '../db/tenant';
import { lesserRole } from './access';
import type { AuthContext } from './auth-context';
import { HttpProblem } from './problem';
import { header } from './request';

async function fromAccessToken(token: string, container: Container): Promise<AuthContext | undefined> {
  const secret = await container.secrets.get('jwt-signing-key');
  const now = container.clock.now();
  const claims = await verifyAccessToken(secret, token, now);
  if (!claims) return undefined;
  // One indexed query per request keeps revocation and role changes immediate, not 15 minutes late.
  const [row] = await withSystem(container.db, (tx) =>
    tx
      .select({ role: organizationMembers.role, isSuperAdmin: users.isSuperAdmin })
      .from(userSessions)
      .innerJoin(users, eq(users.id, userSessions.userId))
      .innerJoin(
        organizationMembers,
        and(eq(organizationMembers.userId, users.id), eq(organizationMembers.organizationId, claims.org)),
      )
      .where(
        and(
          eq(userSessions.id, claims.sid),
          eq(userSessions.userId, claims.sub),
          isNull(userSessions.revokedAt),
          gt(userSessions.expiresAt, now),
          eq(users.isActive, true),
          isNull(users.deletedAt),
        ),
      ),
  );
  if (!row) return undefined;
  return {
    userId: claims.sub,
    organizationId: claims.org,
    role: row.role,
    isSuperAdmin: row.isSuperAdmin,
    via: 'session',
    sessionId: claims.sid,
  };
}

async function fromApiKey(key: string, container: Container): Promise<AuthContext | undefined> {
  const parsed = parseApiKey(key);
  if (!parsed) return undefined;
  const now = container.clock.now();
  // The creator's current membership comes in the same query: a key acts for the person who
  // made it, so it never acts above what that person may do now, and stops when they leave,
  // are deactivated or erased (no joined row: refused).
  const [row] = await withSystem(container.db, (tx) =>
    tx
      .select({
        id: apiKeys.id,
        organizationId: apiKeys.organizationId,
        keyHash: apiKeys.keyHash,
        role: apiKeys.role,
        scopes: apiKeys.scopes,
        lastUsedAt: apiKeys.lastUsedAt,
        createdBy: users.id,
        creatorRole: organizationMembers.role,
      })
      .from(apiKeys)
      .innerJoin(
        users,
        and(eq(users.id, apiKeys.createdBy), eq(users.isActive, true), isNull(users.deletedAt)),
      )
      .innerJoin(
        organizationMembers,
        and(
          eq(organizationMembers.userId, apiKeys.createdBy),
          eq(organizationMembers.organizationId, apiKeys.organizationId),
        ),
      )
      .where(
        and(
          eq(apiKeys.prefix, parsed.prefix),
          isNull(apiKeys.revokedAt),
          or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)),
        ),
      ),
  );
  if (!row || !constantTimeEqualHex(row.keyHash, parsed.hash)) return undefined;
  // Last use is bookkeeping: record it at most once a minute, never in the caller's way.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await withSystem(container.db, (tx) =>
      tx.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id)),
    );
  }
  return {
    userId: row.createdBy,
    organizationId: row.organizationId,
    role: lesserRole(row.role, row.creatorRole),
    isSuperAdmin: false,
    via: 'api-key',
    apiKeyId: row.id,
    scopes: row.scopes,
  };
}

/**
 * Establishes the caller: a Bearer access token (dashboard) or an `x-api-key` (public API).
 * A credential that is present but invalid is refused outright rather than treated as
 * anonymous, so clients learn their token expired.
 */
export async function authenticate(
  event: APIGatewayProxyEventV2,
  container: Container,
): Promise<AuthContext | undefined> {
  const authorization = header(event, 'authorization');
  const apiKey = header(event, 'x-api-key');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const auth = match ? await fromAccessToken(match[1] as string, container) : undefined;
    if (!auth)
      throw new HttpProblem(
        401,
        'unauthorized',
        'The access token is invalid or expired; refresh it or sign in again.',
      );
    return auth;
  }
  if (apiKey) {
    const auth = await fromApiKey(apiKey, container);
    if (!auth) throw new HttpProblem(401, 'unauthorized', 'The API key is invalid, revoked or expired.');
    return auth;
  }
  return undefined;
}

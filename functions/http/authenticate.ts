import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Container } from '../adapters/container';
import { verifyAccessToken } from '../core/identity/access-tokens';
import { parseApiKey } from '../core/identity/api-key-format';
import { constantTimeEqualHex } from '../core/identity/opaque-tokens';
import { apiKeys, organizationMembers, users, userSessions } from '../db/schema';
import { preparedQuery } from '../db/prepared-query';
import { openRequestTransaction, type RequestTransaction } from '../db/request-transaction';
import { actAsSystem, actAsTenant } from '../db/tenant';
import { lesserRole } from './access';
import type { AuthContext } from './auth-context';
import { HttpProblem } from './problem';
import { header } from './request';

/** What a valid credential yields: the caller, and the request's open transaction. */
export interface Authenticated {
  auth: AuthContext;
  transaction: RequestTransaction;
}

/** The caller's role, if the session is live and its person still a member (as plume_system). */
const sessionCaller = preparedQuery('session_caller', (tx) =>
  tx
    .select({ role: organizationMembers.role, isSuperAdmin: users.isSuperAdmin })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .innerJoin(
      organizationMembers,
      and(
        eq(organizationMembers.userId, users.id),
        eq(organizationMembers.organizationId, sql.placeholder('org')),
      ),
    )
    .where(
      and(
        eq(userSessions.id, sql.placeholder('sid')),
        eq(userSessions.userId, sql.placeholder('uid')),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, sql.placeholder('now')),
        eq(users.isActive, true),
        isNull(users.deletedAt),
      ),
    ),
);

/** A live API key by its public prefix, with its creator's current role (as plume_system). */
const apiKeyCaller = preparedQuery('api_key_caller', (tx) =>
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
    .innerJoin(users, and(eq(users.id, apiKeys.createdBy), eq(users.isActive, true), isNull(users.deletedAt)))
    .innerJoin(
      organizationMembers,
      and(
        eq(organizationMembers.userId, apiKeys.createdBy),
        eq(organizationMembers.organizationId, apiKeys.organizationId),
      ),
    )
    .where(
      and(
        eq(apiKeys.prefix, sql.placeholder('prefix')),
        isNull(apiKeys.revokedAt),
        or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, sql.placeholder('now'))),
      ),
    ),
);

/** Refuses the request: thrown inside the request transaction, so it rolls back. */
class CallerRefused extends Error {}

async function fromAccessToken(token: string, container: Container): Promise<Authenticated | undefined> {
  const secret = await container.secrets.get('jwt-signing-key');
  const now = container.clock.now();
  const claims = await verifyAccessToken(secret, token, now);
  if (!claims) return undefined;
  // One indexed query per request keeps revocation and role changes immediate, not 15 minutes
  // late. It goes out with the role switch and the tenant setting in one pipelined round trip,
  // as the first statements of the request's only transaction (request-transaction.ts).
  const opened = await openRequestTransaction(container.db, async (tx) => {
    const [, rows] = await Promise.all([
      actAsSystem(tx),
      sessionCaller(tx, { sid: claims.sid, uid: claims.sub, org: claims.org, now: now.toISOString() }),
      actAsTenant(tx, claims.org),
    ]);
    const [row] = rows;
    if (!row) throw new CallerRefused();
    return { organizationId: claims.org, caller: row };
  }).catch(refusedAsUndefined);
  if (!opened) return undefined;
  const { transaction, caller } = opened;
  return {
    transaction,
    auth: {
      userId: claims.sub,
      organizationId: claims.org,
      role: caller.role,
      isSuperAdmin: caller.isSuperAdmin,
      via: 'session',
      sessionId: claims.sid,
    },
  };
}

async function fromApiKey(key: string, container: Container): Promise<Authenticated | undefined> {
  const parsed = parseApiKey(key);
  if (!parsed) return undefined;
  const now = container.clock.now();
  const opened = await openRequestTransaction(container.db, async (tx) => {
    // The creator's current membership comes in the same query: a key acts for the person who
    // made it, so it never acts above what that person may do now, and stops when they leave,
    // are deactivated or erased (no joined row: refused).
    const [, rows] = await Promise.all([
      actAsSystem(tx),
      apiKeyCaller(tx, { prefix: parsed.prefix, now: now.toISOString() }),
    ]);
    const [row] = rows;
    if (!row || !constantTimeEqualHex(row.keyHash, parsed.hash)) throw new CallerRefused();
    // Last use is bookkeeping: record it at most once a minute, in the same round trip as
    // the tenant setting.
    const stale = !row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000;
    await Promise.all([
      stale ? tx.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id)) : undefined,
      actAsTenant(tx, row.organizationId),
    ]);
    return { organizationId: row.organizationId, caller: row };
  }).catch(refusedAsUndefined);
  if (!opened) return undefined;
  const { transaction, caller: row } = opened;
  return {
    transaction,
    auth: {
      userId: row.createdBy,
      organizationId: row.organizationId,
      role: lesserRole(row.role, row.creatorRole),
      isSuperAdmin: false,
      via: 'api-key',
      apiKeyId: row.id,
      scopes: row.scopes,
    },
  };
}

function refusedAsUndefined(error: unknown): undefined {
  if (error instanceof CallerRefused) return undefined;
  throw error;
}

/**
 * Establishes the caller: a Bearer access token (dashboard) or an `x-api-key` (public API).
 * A credential that is present but invalid is refused outright rather than treated as
 * anonymous, so clients learn their token expired.
 */
export async function authenticate(
  event: APIGatewayProxyEventV2,
  container: Container,
): Promise<Authenticated | undefined> {
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

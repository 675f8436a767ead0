import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { AccessTokenClaims } from '../core/identity/access-tokens';
import type { Container } from '../adapters/container';
import { verifyAccessToken } from '../core/identity/access-tokens';
import { parseApiKey } from '../core/identity/api-key-format';
import { constantTimeEqualHex } from '../core/identity/opaque-tokens';
import { apiKeys, organizationMembers, users, userSessions } from '../db/schema';
import { preparedQuery } from '../db/prepared-query';
import {
  openPipelinedRequestTransaction,
  openRequestTransaction,
  type RequestTransaction,
} from '../db/request-transaction';
import { CompiledStatement } from '../db/compiled-statement';
import type { Role } from '../shared/route-table';
import { ACT_AS_SYSTEM, actAsSystem, actAsTenant } from '../db/tenant';
import { lesserRole } from './access';
import type { AuthContext } from './auth-context';
import { HttpProblem } from './problem';
import { header } from './request';

/** What a valid credential yields: the caller, and the request's open transaction. */
export interface Authenticated {
  auth: AuthContext;
  transaction: RequestTransaction;
  /**
   * Set when the caller check was pipelined with the operation (`pipelined` below): `auth` is
   * then what the check is verifying, and nothing may answer the request before this settles.
   * `changed`: the session is live but its caller is no longer `auth` (a new role): run the
   * request again, checked first.
   */
  verdict?: Promise<'confirmed' | 'refused' | 'changed'>;
}

export interface AuthenticateOptions {
  /** The route only reads (RouteDefinition.readOnly): its transaction is READ ONLY. */
  readOnly?: boolean;
  /**
   * A read-only route may send a session's check in the same round trip as its queries,
   * assuming the caller is who the last check in this process found (see `lastConfirmed`).
   */
  pipelined?: boolean;
}

interface SessionCaller {
  role: Role;
  isSuperAdmin: boolean;
}

/**
 * Who each session was when a check last confirmed it, kept only as the guess a pipelined
 * check verifies (never trusted on its own). Bounded: the oldest entry goes.
 */
const LAST_CONFIRMED_CAPACITY = 10_000;
const lastConfirmed = new Map<string, SessionCaller>();

function rememberConfirmed(sessionId: string, caller: SessionCaller): void {
  lastConfirmed.delete(sessionId);
  if (lastConfirmed.size >= LAST_CONFIRMED_CAPACITY)
    lastConfirmed.delete(lastConfirmed.keys().next().value as string);
  lastConfirmed.set(sessionId, caller);
}

interface SessionCheckRow extends Record<string, unknown> {
  role: Role | null;
  is_super_admin: boolean | null;
  /** What `app.org_id` was set to: the organization if the caller passed, else ''. */
  tenant: string;
}

interface SessionCheckValues extends Record<string, unknown> {
  org: string;
  sid: string;
  uid: string;
  now: string;
  expectedRole: Role | null;
  expectedSuperAdmin: boolean | null;
}

/**
 * A signed-in request's caller check, in one statement run as plume_system: is the session
 * live, its person active and still a member of the token's organization (and, given
 * `expected`, exactly that caller)? The same statement switches the transaction to the tenant:
 * role plume_app always, and `app.org_id` set to the organization only if the caller passed,
 * else to '' (no tenant: every policy then hides every row). So whatever runs after it in the
 * transaction sees the caller's organization only when the caller is confirmed, which is what
 * lets a read-only route send its queries before the verdict is back.
 *
 * The lateral join always yields one row, so the switch to plume_app happens in every case;
 * the session lookup (FROM) runs before the row's set_config calls, still as plume_system.
 */
const SESSION_CHECK = new CompiledStatement<SessionCheckValues, SessionCheckRow>(
  sql`select set_config('role', 'plume_app', true) as acting,
      set_config('app.org_id', case
        when caller.role is not null
          and (${sql.placeholder('expectedRole')}::text is null
            or (caller.role = ${sql.placeholder('expectedRole')}::text
              and caller.is_super_admin = ${sql.placeholder('expectedSuperAdmin')}::boolean))
        then ${sql.placeholder('org')}::text else '' end, true) as tenant,
      caller.role, caller.is_super_admin
    from (select 1) as one
    left join lateral (
      select ${organizationMembers.role} as role, ${users.isSuperAdmin} as is_super_admin
      from ${userSessions}
      join ${users} on ${users.id} = ${userSessions.userId}
      join ${organizationMembers} on ${organizationMembers.userId} = ${users.id}
        and ${organizationMembers.organizationId} = ${sql.placeholder('org')}::uuid
      where ${userSessions.id} = ${sql.placeholder('sid')}::uuid
        and ${userSessions.userId} = ${sql.placeholder('uid')}::uuid
        and ${userSessions.revokedAt} is null
        and ${userSessions.expiresAt} > ${sql.placeholder('now')}::timestamptz
        and ${users.isActive} and ${users.deletedAt} is null
    ) as caller on true`,
);

function sessionCheckValues(
  claims: AccessTokenClaims,
  now: Date,
  expected: SessionCaller | undefined,
): SessionCheckValues {
  return {
    org: claims.org,
    sid: claims.sid,
    uid: claims.sub,
    now: now.toISOString(),
    expectedRole: expected?.role ?? null,
    expectedSuperAdmin: expected?.isSuperAdmin ?? null,
  };
}

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

async function fromAccessToken(
  token: string,
  container: Container,
  options: AuthenticateOptions,
): Promise<Authenticated | undefined> {
  const secret = await container.secrets.get('jwt-signing-key');
  const now = container.clock.now();
  const claims = await verifyAccessToken(secret, token, now);
  if (!claims) return undefined;
  const authFor = (caller: SessionCaller): AuthContext => ({
    userId: claims.sub,
    organizationId: claims.org,
    role: caller.role,
    isSuperAdmin: caller.isSuperAdmin,
    via: 'session',
    sessionId: claims.sid,
  });
  // One indexed query per request keeps revocation and role changes immediate, not 15 minutes
  // late. It goes out after BEGIN and the switch to plume_system in one write, as the first
  // statements of the request's only transaction (request-transaction.ts).
  const expected = options.pipelined && options.readOnly ? lastConfirmed.get(claims.sid) : undefined;
  if (expected) {
    // The operation's queries follow in the same write; see checkSession for why that is safe.
    const pipelined = await openPipelinedRequestTransaction(container.db, claims.org, [
      ACT_AS_SYSTEM.bind({}),
      SESSION_CHECK.bind(sessionCheckValues(claims, now, expected)),
    ]);
    if (pipelined) {
      const verdict = pipelined.checked.then((rows) => {
        const row = rows[0] as SessionCheckRow | undefined;
        if (row?.tenant === claims.org) return 'confirmed' as const;
        lastConfirmed.delete(claims.sid);
        return row?.role ? ('changed' as const) : ('refused' as const);
      });
      return { transaction: pipelined.transaction, auth: authFor(expected), verdict };
    }
  }
  const opened = await openRequestTransaction(
    container.db,
    async (tx) => {
      const [, rows] = await Promise.all([
        actAsSystem(tx),
        SESSION_CHECK.run(tx, sessionCheckValues(claims, now, undefined)),
      ]);
      const [row] = rows;
      if (!row?.role || row.tenant !== claims.org) throw new CallerRefused();
      return {
        organizationId: claims.org,
        caller: { role: row.role, isSuperAdmin: row.is_super_admin === true },
      };
    },
    { readOnly: options.readOnly },
  ).catch(refusedAsUndefined);
  if (!opened) {
    lastConfirmed.delete(claims.sid);
    return undefined;
  }
  rememberConfirmed(claims.sid, opened.caller);
  return { transaction: opened.transaction, auth: authFor(opened.caller) };
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
  options: AuthenticateOptions = {},
): Promise<Authenticated | undefined> {
  const authorization = header(event, 'authorization');
  const apiKey = header(event, 'x-api-key');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const auth = match ? await fromAccessToken(match[1] as string, container, options) : undefined;
    if (!auth) throw invalidAccessToken();
    return auth;
  }
  if (apiKey) {
    const auth = await fromApiKey(apiKey, container);
    if (!auth) throw new HttpProblem(401, 'unauthorized', 'The API key is invalid, revoked or expired.');
    return auth;
  }
  return undefined;
}

/** The answer to a Bearer token that is not (or no longer) good. */
export function invalidAccessToken(): HttpProblem {
  return new HttpProblem(
    401,
    'unauthorized',
    'The access token is invalid or expired; refresh it or sign in again.',
  );
}

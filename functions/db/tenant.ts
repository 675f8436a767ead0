import { sql, type ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { Database } from './client';
import { CompiledStatement } from './compiled-statement';
import { currentRequestTransaction } from './request-transaction';

/** The transaction handed to `withTenant` / `withSystem` callbacks; it is also a `Database`. */
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs `fn` in one transaction as the tenant `organizationId`, under row-level security.
 *
 * Why it is written exactly like this (each trap was hit on this machine, DESIGN.md section 3):
 * - `SET LOCAL ROLE plume_app`: the connecting user owns the tables (and is a superuser on
 *   PGlite and in CI), and owners/superusers skip policies. plume_app is NOSUPERUSER and
 *   NOBYPASSRLS, so the policies apply. LOCAL ends with the transaction.
 * - `set_config('app.org_id', $1, true)`: a bound parameter (no SQL built from strings), and
 *   `true` = transaction-local. A session-level `SET` would leak the tenant to the next request
 *   that borrows this pooled connection; a `SET LOCAL` outside a transaction does nothing.
 *   Hence everything, including the setting, happens inside `db.transaction`.
 * - The policies read `nullif(current_setting('app.org_id', true), '')::uuid`, so a malformed
 *   id would surface as a cast error deep inside some query; it is refused here instead.
 * Code must still filter by organization itself: RLS is the second guard, not the first.
 */
export async function withTenant<T>(
  db: Database,
  organizationId: string,
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  if (!UUID.test(organizationId))
    throw new TypeError(`withTenant: not an organization id: ${JSON.stringify(organizationId)}`);
  // Inside an authenticated request, the first tenant transaction for the caller's
  // organization is the request's own, already set up by its caller check
  // (request-transaction.ts); any other first commits that one, so one connection suffices.
  const request = currentRequestTransaction();
  if (request) {
    const joined =
      request.db === db && request.organizationId === organizationId ? request.join(fn) : undefined;
    if (joined) return joined;
    await request.release();
  }
  return db.transaction(async (tx) => {
    await actAsTenant(tx, organizationId);
    return fn(tx);
  });
}

/**
 * Switches an open transaction to the tenant: role plume_app and `app.org_id`, in one
 * statement. `set_config('role', …, true)` is `SET LOCAL ROLE` (as PostgREST does it), so the
 * role change keeps every property described at `withTenant`. The request's caller check
 * sends it pipelined with its own statements (functions/http/authenticate.ts).
 */
export function actAsTenant(tx: Transaction, organizationId: string) {
  return tx.execute(
    sql`select set_config('role', 'plume_app', true), set_config('app.org_id', ${organizationId}, true)`,
  );
}

/** The statement `actAsSystem` sends, for callers that queue it themselves. */
export const ACT_AS_SYSTEM = new CompiledStatement<Record<string, never>, Record<string, unknown>>(
  sql`select set_config('role', 'plume_system', true)`,
);

/** Switches an open transaction to plume_system (see `withSystem`), transaction-local. */
export function actAsSystem(tx: Transaction) {
  return ACT_AS_SYSTEM.run(tx, {});
}

/**
 * Runs `fn` in one transaction as plume_system, which sees every organization's rows (still
 * through policies, never by bypassing RLS). For work that precedes or spans tenants: sign-in
 * and token lookups, registration, webhook intake, the publish sweep, super-admin pages.
 * Prefer `withTenant` whenever the organization is known.
 */
export async function withSystem<T>(db: Database, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  await currentRequestTransaction()?.release();
  return db.transaction(async (tx) => {
    await actAsSystem(tx);
    return fn(tx);
  });
}

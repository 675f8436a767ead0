import { eq } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { organizations } from '../../db/schema';

/**
 * Locks the organization's row until the end of the caller's transaction, so checks of the
 * form "count, then change" on its members, invitations or connected accounts run one at a
 * time: two admins demoting each other, or two invitations for the last seat, cannot both pass
 * a count the other is about to change. Every statement after the lock reads what the previous
 * holder committed (PostgreSQL's READ COMMITTED takes a fresh snapshot per statement), so do
 * the counting after this call, never in the same statement. Returns false when there is no
 * such organization.
 */
export async function lockOrganization(
  tx: PgDatabase<PgQueryResultHKT, Record<string, unknown>>,
  organizationId: string,
): Promise<boolean> {
  const rows = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for('update');
  return rows.length > 0;
}

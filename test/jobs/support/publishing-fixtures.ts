import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../../functions/db/client';
import {
  notifications,
  postPlatforms,
  postTargetEvents,
  socialAccounts,
  type SocialAccountStatus,
} from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';

/** A connected sandbox account of the organization (tokens are not needed by the scripted connector). */
export async function insertAccount(
  db: Database,
  organizationId: string,
  status: SocialAccountStatus = 'active',
  name = 'Sandbox',
): Promise<string> {
  const [row] = await withSystem(db, (tx) =>
    tx
      .insert(socialAccounts)
      .values({
        organizationId,
        platform: 'sandbox',
        accountId: `acct-${crypto.randomUUID()}`,
        accountName: name,
        status,
      })
      .returning({ id: socialAccounts.id }),
  );
  return row!.id;
}

export const targetRow = async (db: Database, id: string) =>
  (await withSystem(db, (tx) => tx.select().from(postPlatforms).where(eq(postPlatforms.id, id))))[0]!;

/**
 * A target's history in the order it happened: by time, and where two moves share an instant
 * (a test's clock often stands still), each after the move that led to its `from` status. Rows
 * come back from PostgreSQL in no defined order without ORDER BY, and under parallel test files
 * the heap order is not insertion order.
 */
export const eventsOf = async (db: Database, id: string) => {
  const rows = await withSystem(db, (tx) =>
    tx
      .select()
      .from(postTargetEvents)
      .where(eq(postTargetEvents.postPlatformId, id))
      .orderBy(asc(postTargetEvents.at)),
  );
  return chained(rows, null) ?? rows;
};

/** The rows as one chain of moves from `from` (each starting where the last ended), time kept. */
function chained<T extends { at: Date; fromStatus: string | null; toStatus: string }>(
  rows: readonly T[],
  from: string | null,
): T[] | undefined {
  if (rows.length === 0) return [];
  const earliest = Math.min(...rows.map((row) => row.at.getTime()));
  for (const [index, row] of rows.entries()) {
    if (row.at.getTime() !== earliest || row.fromStatus !== from) continue;
    const rest = chained([...rows.slice(0, index), ...rows.slice(index + 1)], row.toStatus);
    if (rest) return [row, ...rest];
  }
  return undefined;
}

export const notificationsOf = async (db: Database, userId: string) =>
  withSystem(db, (tx) => tx.select().from(notifications).where(eq(notifications.userId, userId)));

export const accountRow = async (db: Database, id: string) =>
  (await withSystem(db, (tx) => tx.select().from(socialAccounts).where(eq(socialAccounts.id, id))))[0]!;

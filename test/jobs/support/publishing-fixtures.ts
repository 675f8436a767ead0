import { eq } from 'drizzle-orm';
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

export const eventsOf = async (db: Database, id: string) =>
  withSystem(db, (tx) => tx.select().from(postTargetEvents).where(eq(postTargetEvents.postPlatformId, id)));

export const notificationsOf = async (db: Database, userId: string) =>
  withSystem(db, (tx) => tx.select().from(notifications).where(eq(notifications.userId, userId)));

export const accountRow = async (db: Database, id: string) =>
  (await withSystem(db, (tx) => tx.select().from(socialAccounts).where(eq(socialAccounts.id, id))))[0]!;

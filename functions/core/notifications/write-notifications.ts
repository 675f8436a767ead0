import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { notifications } from '../../db/schema';
import { notePendingEmails } from './email-outbox';
import type { NotificationRecipient } from './notification-recipients';

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

export type NotificationContent = Omit<
  typeof notifications.$inferInsert,
  'id' | 'userId' | 'inApp' | 'emailStatus' | 'emailAttempts' | 'emailClaimedAt' | 'emailedAt' | 'readAt'
>;

/**
 * Writes one notification per recipient in the caller's transaction, with the channels each
 * chose: the row is listed in the app when `inApp`, and queued for email (`pending`, noted for
 * the post-commit enqueue) when `email`. Returns how many rows were written.
 */
export async function writeNotifications(
  tx: Tx,
  content: NotificationContent,
  recipients: readonly NotificationRecipient[],
): Promise<number> {
  if (recipients.length === 0) return 0;
  const written = await tx
    .insert(notifications)
    .values(
      recipients.map((recipient) => ({
        ...content,
        userId: recipient.userId,
        inApp: recipient.inApp,
        emailStatus: recipient.email ? ('pending' as const) : null,
      })),
    )
    .returning({ id: notifications.id, emailStatus: notifications.emailStatus });
  notePendingEmails(
    tx,
    written.filter((row) => row.emailStatus === 'pending').map((row) => row.id),
  );
  return written.length;
}

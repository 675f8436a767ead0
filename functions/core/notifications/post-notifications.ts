import { and, eq } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { notifications, notificationSettings, type NotificationSeverity } from '../../db/schema';

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

export type PostNotificationType =
  | 'post.published'
  | 'post.failed'
  | 'post.unconfirmed'
  | 'post.missed'
  | 'post.waiting'
  | 'account.needs_reauth';

const SEVERITY: Record<PostNotificationType, NotificationSeverity> = {
  'post.published': 'success',
  'post.failed': 'error',
  'post.unconfirmed': 'warning',
  'post.missed': 'error',
  'post.waiting': 'warning',
  'account.needs_reauth': 'error',
};

export interface PostNotification {
  organizationId: string;
  /** The author; no row when the author was erased. */
  userId: string | null;
  type: PostNotificationType;
  title: string;
  body?: string;
  postId: string;
  targetId: string;
  data?: Record<string, unknown>;
}

/**
 * Writes the in-app notification for a target's outcome in the caller's transaction, unless
 * the author switched this event type off. Written with the transition, so it cannot be lost
 * when the process dies right after.
 */
export async function notifyPostTarget(tx: Tx, notification: PostNotification): Promise<boolean> {
  if (!notification.userId) return false;
  const [settings] = await tx
    .select({ preferences: notificationSettings.preferences })
    .from(notificationSettings)
    .where(
      and(
        eq(notificationSettings.organizationId, notification.organizationId),
        eq(notificationSettings.userId, notification.userId),
      ),
    );
  if (settings?.preferences[notification.type]?.in_app === false) return false;
  await tx.insert(notifications).values({
    organizationId: notification.organizationId,
    userId: notification.userId,
    type: notification.type,
    severity: SEVERITY[notification.type],
    title: notification.title,
    body: notification.body,
    link: `/posts/${notification.postId}`,
    data: { postId: notification.postId, targetId: notification.targetId, ...notification.data },
  });
  return true;
}

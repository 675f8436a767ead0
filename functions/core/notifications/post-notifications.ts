import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { notifications, type NotificationSeverity } from '../../db/schema';
import { inAppRecipients } from './in-app-recipients';
import type { NotificationType } from './notification-types';

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

export type PostNotificationType = NotificationType;

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
  const [recipient] = await inAppRecipients(
    tx,
    notification.organizationId,
    [notification.userId],
    notification.type,
  );
  if (!recipient) return false;
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

import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { NotificationSeverity } from '../../db/schema';
import { notificationRecipients } from './notification-recipients';
import type { NotificationType } from './notification-types';
import { writeNotifications } from './write-notifications';

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

/** The publishing outcomes (the review steps have their own writer, core/posts/approval). */
export type PostNotificationType = Extract<
  NotificationType,
  'post.published' | 'post.failed' | 'post.unconfirmed' | 'post.missed' | 'post.waiting' | 'account.needs_reauth'
>;

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
 * Writes the notification for a target's outcome in the caller's transaction, unless the
 * author switched this event type off in the app and by email. Written with the transition,
 * so it cannot be lost when the process dies right after; an email is queued with it
 * (see email-outbox.ts for the enqueue after the commit).
 */
export async function notifyPostTarget(tx: Tx, notification: PostNotification): Promise<boolean> {
  if (!notification.userId) return false;
  const recipients = await notificationRecipients(
    tx,
    notification.organizationId,
    [notification.userId],
    notification.type,
  );
  const written = await writeNotifications(
    tx,
    {
      organizationId: notification.organizationId,
      type: notification.type,
      severity: SEVERITY[notification.type],
      title: notification.title,
      body: notification.body,
      link: `/posts/${notification.postId}`,
      data: { postId: notification.postId, targetId: notification.targetId, ...notification.data },
    },
    recipients,
  );
  return written > 0;
}

import type { Container } from '../ports/container';
import type { PostTargetStatus } from '../../db/schema';
import { withSystem, type Transaction } from '../../db/tenant';
import { enqueueNotificationEmails, takePendingEmails } from '../notifications/email-outbox';
import { notifyPostTarget, type PostNotificationType } from '../notifications/post-notifications';
import type { PostRow } from './drafts';
import {
  rollUpPosts,
  transitionPostTarget,
  type PostTarget,
  type TransitionChange,
} from './post-target-transitions';
import type { SocialAccount } from './seams';

export interface Move {
  to: PostTargetStatus;
  reason: string;
  change?: TransitionChange;
  notify?: { type: PostNotificationType; title: string; body?: string };
  /** Extra work in the same transaction (marking the account needs_reauth). */
  also?: (tx: Transaction) => Promise<void>;
  /** What the caller found, for the history row (a look-up's answer). */
  details?: Record<string, unknown>;
}

/** What every outcome of a target needs to know about it. */
export interface MoveContext {
  container: Container;
  post: PostRow | undefined;
  account: SocialAccount | undefined;
}

/**
 * Records one outcome of a target: the transition (only if it is still in `from`), the post's
 * derived status and the author's notification in one transaction; then the push to browsers
 * and the notification emails, after the commit. Returns the moved row, or undefined when
 * someone else moved the target first.
 */
export async function moveTarget(
  { container, post, account }: MoveContext,
  target: Pick<PostTarget, 'id' | 'organizationId'>,
  from: PostTargetStatus,
  move: Move,
): Promise<PostTarget | undefined> {
  let emails: string[] = [];
  const moved = await withSystem(container.db, async (tx) => {
    const updated = await transitionPostTarget(
      tx,
      target,
      from,
      move.to,
      move.reason,
      container.clock.now(),
      move.change,
      move.details,
    );
    if (!updated) return undefined;
    await move.also?.(tx);
    await rollUpPosts(tx, [updated.postId]);
    if (move.notify && post) {
      await notifyPostTarget(tx, {
        organizationId: updated.organizationId,
        userId: post.userId,
        postId: updated.postId,
        targetId: updated.id,
        ...move.notify,
        data: { status: updated.status, platform: account?.platform, errorCode: updated.errorCode },
      });
    }
    // Emails queued by the notifications above (and by markNeedsReauth), sent after the commit.
    emails = takePendingEmails(tx);
    return updated;
  });
  if (moved) await announceTarget(container, moved);
  await enqueueNotificationEmails(container, emails);
  return moved;
}

/** What browsers receive on `post-target.updated`. */
export function targetUpdate(target: PostTarget) {
  return {
    id: target.id,
    postId: target.postId,
    socialAccountId: target.socialAccountId,
    status: target.status,
    version: target.version,
    scheduledAt: target.scheduledAt?.toISOString() ?? null,
    nextAttemptAt: target.nextAttemptAt?.toISOString() ?? null,
    errorCode: target.errorCode,
    errorMessage: target.errorMessage,
    platformPostId: target.platformPostId,
    platformPostUrl: target.platformPostUrl,
    publishedAt: target.publishedAt?.toISOString() ?? null,
  };
}

export async function announceTarget(container: Container, target: PostTarget): Promise<void> {
  try {
    await container.realtime.broadcast(target.organizationId, {
      type: 'post-target.updated',
      data: targetUpdate(target),
    });
  } catch (error) {
    // The database already holds the truth; a lost push is repaired by the next page load.
    container.logger.warn('Could not push a post target update', {
      targetId: target.id,
      error: String(error),
    });
  }
}

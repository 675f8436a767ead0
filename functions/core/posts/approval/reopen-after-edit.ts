import { eq } from 'drizzle-orm';
import { postReviews, posts } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import { transitionPostTargets } from '../../publishing/post-target-transitions';
import type { PostWithTargets } from '../load-post';
import type { PostActor } from '../post-actor';
import { approvalAfterEdit } from './approval-state';
import { loadApprovalPolicy } from './load-approval-policy';

/**
 * After an edit, the post's approval follows its words: an approved or in-review post goes
 * back to `pending` (written to its review history as `reopened`), and its scheduled targets go
 * back to drafts with a new version, so nothing a reviewer did not read can fire. Returns the
 * targets whose schedules must go after the commit.
 */
export async function reopenAfterEdit(
  tx: Transaction,
  actor: PostActor,
  loaded: PostWithTargets,
  now: Date,
): Promise<string[]> {
  const before = loaded.post.approvalStatus;
  const policy = await loadApprovalPolicy(tx, actor.organizationId);
  const after = approvalAfterEdit(before, policy, actor.role);
  if (after === before) return [];
  await tx
    .update(posts)
    .set({ approvalStatus: after, approvedBy: null, approvedAt: null })
    .where(eq(posts.id, loaded.post.id));
  if (before === 'approved' || before === 'in_review') {
    await tx.insert(postReviews).values({
      organizationId: actor.organizationId,
      postId: loaded.post.id,
      userId: actor.userId,
      action: 'reopened',
      fromStatus: before,
      toStatus: after,
      comment: 'Edited after review; it must be approved again.',
      createdAt: now,
    });
  }
  const scheduled = loaded.targets.filter((t) => t.status === 'scheduled');
  const moved = await transitionPostTargets(
    tx,
    scheduled,
    'draft',
    'edited: approval needed again',
    now,
    () => ({
      bumpVersion: true,
    }),
  );
  return moved.map((t) => t.id);
}

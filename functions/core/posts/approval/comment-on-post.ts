import { postReviews } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import { recordAudit } from '../../audit/record-audit';
import { takePendingEmails } from '../../notifications/email-outbox';
import { InvalidInputError } from '../../errors';
import type { Clock } from '../../ports';
import { loadPost } from '../load-post';
import type { PostActor } from '../post-actor';
import { postEffects, type PostEffects } from '../post-effects';
import { loadApprovalPolicy } from './load-approval-policy';
import { notifyReviewStep } from './review-notifications';
import { loadPostReview, type PostReview } from './list-post-reviews';

/** A comment in a post's review thread; it moves no status. */
export async function commentOnPost(
  tx: Transaction,
  ports: { clock: Clock },
  actor: PostActor,
  postId: string,
  comment: string | undefined,
): Promise<{ review: PostReview; effects: PostEffects }> {
  const now = ports.clock.now();
  const { post } = await loadPost(tx, actor.organizationId, postId);
  if (!comment?.trim()) {
    throw new InvalidInputError('Write a comment.', [{ field: 'body.comment', message: 'Required' }]);
  }
  const [row] = await tx
    .insert(postReviews)
    .values({
      organizationId: actor.organizationId,
      postId,
      userId: actor.userId,
      action: 'commented',
      comment: comment.trim(),
      createdAt: now,
    })
    .returning({ id: postReviews.id });
  await recordAudit(tx, actor.audit, {
    action: 'comment',
    resourceType: 'post',
    resourceId: postId,
    newValues: { reviewId: row!.id },
  });
  const policy = await loadApprovalPolicy(tx, actor.organizationId);
  await notifyReviewStep(tx, { policy, post, step: 'commented', actorId: actor.userId, comment });
  return {
    review: await loadPostReview(tx, row!.id),
    effects: postEffects(actor.organizationId, 'updated', [postId], { emails: takePendingEmails(tx) }),
  };
}

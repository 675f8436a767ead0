import { eq } from 'drizzle-orm';
import { postReviews, posts, type PostApprovalStatus } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import { mayApprove } from '../../../shared/approval-policy';
import type { Role } from '../../../shared/route-table';
import { recordAudit } from '../../audit/record-audit';
import { ConflictError, InvalidInputError, NotPermittedError } from '../../errors';
import { takePendingEmails } from '../../notifications/email-outbox';
import type { Clock } from '../../ports';
import { loadPost } from '../load-post';
import type { PostActor } from '../post-actor';
import { postEffects } from '../post-effects';
import type { PostOutcome } from '../post-outcome';
import { REVIEW_STEPS, type ReviewStep } from './approval-state';
import { loadApprovalPolicy } from './load-approval-policy';
import { notifyReviewStep } from './review-notifications';

/** A person acting on a post's review, with the role the organization's policy is judged on. */
export interface ReviewActor extends PostActor {
  role: Role;
}

const AUDIT_ACTION: Record<ReviewStep, string> = {
  submitted: 'submit_for_review',
  approved: 'approve',
  changes_requested: 'request_changes',
};

const REFUSAL: Record<ReviewStep, (status: PostApprovalStatus) => string> = {
  submitted: (status) =>
    status === 'in_review'
      ? 'This post is already waiting for review.'
      : 'This post is approved; edit it to change it, which sends it back for review.',
  approved: () => 'Only a post waiting for review can be approved; it must be sent for review first.',
  changes_requested: () => 'Only a post waiting for review can have changes requested.',
};

/**
 * One step of the approval flow (send for review, approve, request changes) on a locked post:
 * the status moves only from the states the step allows, the decision is taken only by a role
 * the organization lets approve, and the step is written to the post's review history, the
 * audit log and the notifications of the people it concerns, all in the caller's transaction.
 */
export async function reviewPost(
  tx: Transaction,
  ports: { clock: Clock },
  actor: ReviewActor,
  postId: string,
  step: ReviewStep,
  comment: string | undefined,
): Promise<PostOutcome> {
  const now = ports.clock.now();
  const { post } = await loadPost(tx, actor.organizationId, postId, true);
  const policy = await loadApprovalPolicy(tx, actor.organizationId);
  if (step !== 'submitted' && !mayApprove(policy, actor.role)) {
    throw new NotPermittedError(
      `In this organization only ${policy.approverRoles.join(' and ')} roles may approve posts; you are ${actor.role}.`,
    );
  }
  const rule = REVIEW_STEPS[step];
  if (!(rule.from as readonly PostApprovalStatus[]).includes(post.approvalStatus)) {
    throw new ConflictError(REFUSAL[step](post.approvalStatus));
  }
  if (step === 'changes_requested' && !comment?.trim()) {
    throw new InvalidInputError('Say what should change.', [{ field: 'body.comment', message: 'Required' }]);
  }

  await tx
    .update(posts)
    .set({
      approvalStatus: rule.to,
      approvedBy: step === 'approved' ? actor.userId : null,
      approvedAt: step === 'approved' ? now : null,
      updatedAt: now,
    })
    .where(eq(posts.id, postId));
  await tx.insert(postReviews).values({
    organizationId: actor.organizationId,
    postId,
    userId: actor.userId,
    action: step,
    fromStatus: post.approvalStatus,
    toStatus: rule.to,
    comment: comment?.trim() || null,
    createdAt: now,
  });
  await recordAudit(tx, actor.audit, {
    action: AUDIT_ACTION[step],
    resourceType: 'post',
    resourceId: postId,
    oldValues: { approvalStatus: post.approvalStatus },
    newValues: { approvalStatus: rule.to, ...(comment ? { comment } : {}) },
  });
  await notifyReviewStep(tx, {
    policy,
    post: { ...post, approvalStatus: rule.to },
    step,
    actorId: actor.userId,
    comment,
  });
  return {
    post: await loadPost(tx, actor.organizationId, postId),
    effects: postEffects(actor.organizationId, 'updated', [postId], { emails: takePendingEmails(tx) }),
  };
}

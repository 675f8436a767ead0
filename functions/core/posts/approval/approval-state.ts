import type { PostApprovalStatus, PostReviewAction } from '../../../shared/enums';
import type { ApprovalPolicy } from '../../../shared/approval-policy';
import type { Role } from '../../../shared/route-table';

/** Who wrote the post: a person in a role, or an agent on someone's behalf. */
export type Author = { role: Role; agent?: false } | { agent: true };

/**
 * Where a new post starts. An agent's draft goes straight to review (its reviewers are told at
 * once); a person's post needs approval when the policy names their role.
 */
export function initialApprovalStatus(policy: ApprovalPolicy, author: Author): PostApprovalStatus {
  if (author.agent) return 'in_review';
  return policy.requiredFor.includes(author.role) ? 'pending' : 'not_required';
}

/** Statuses that keep a post from being scheduled or published. */
export const AWAITING_APPROVAL: readonly PostApprovalStatus[] = ['pending', 'in_review', 'changes_requested'];

/**
 * The status after an edit. An approval is of the words a reviewer read: an edit of an
 * approved (or in-review) post sends it back to `pending`, to be sent for review again. A post
 * that needed no approval needs it once its editor's role is one the policy names.
 */
export function approvalAfterEdit(
  current: PostApprovalStatus,
  policy: ApprovalPolicy,
  editorRole: Role,
): PostApprovalStatus {
  if (current === 'approved' || current === 'in_review') return 'pending';
  if (current === 'not_required' && policy.requiredFor.includes(editorRole)) return 'pending';
  return current;
}

/** The review steps that move a post, and the statuses each may start from. */
export const REVIEW_STEPS = {
  // A post that needs no approval may still be sent for a second pair of eyes.
  submitted: { from: ['not_required', 'pending', 'changes_requested'], to: 'in_review' },
  approved: { from: ['in_review'], to: 'approved' },
  changes_requested: { from: ['in_review'], to: 'changes_requested' },
} as const satisfies Partial<
  Record<PostReviewAction, { from: readonly PostApprovalStatus[]; to: PostApprovalStatus }>
>;
export type ReviewStep = keyof typeof REVIEW_STEPS;

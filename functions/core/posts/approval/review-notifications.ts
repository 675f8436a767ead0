import type { Transaction } from '../../../db/tenant';
import type { ApprovalPolicy } from '../../../shared/approval-policy';
import type { NotificationType } from '../../../shared/enums';
import { notificationRecipients } from '../../notifications/notification-recipients';
import { writeNotifications } from '../../notifications/write-notifications';
import type { PostRow } from '../../publishing/drafts';
import { approversOf, reviewParticipants } from './review-recipients';

export type ReviewEvent = 'submitted' | 'approved' | 'changes_requested' | 'commented';

const TYPE: Record<ReviewEvent, NotificationType> = {
  submitted: 'post.review_requested',
  approved: 'post.approved',
  changes_requested: 'post.changes_requested',
  commented: 'post.commented',
};

const SEVERITY = {
  submitted: 'info',
  approved: 'success',
  changes_requested: 'warning',
  commented: 'info',
} as const;

/** The post as a reviewer recognises it in a list: its title, or the start of its text. */
export function postLabel(post: Pick<PostRow, 'title' | 'content'>): string {
  const text = (post.title?.trim() || post.content.trim() || 'Untitled post').replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function titleOf(event: ReviewEvent, label: string, byAgent: boolean): string {
  switch (event) {
    case 'submitted':
      return byAgent ? `An agent's draft awaits your review: ${label}` : `Review requested: ${label}`;
    case 'approved':
      return `Approved: ${label}`;
    case 'changes_requested':
      return `Changes requested: ${label}`;
    case 'commented':
      return `New comment on: ${label}`;
  }
}

/**
 * Tells the people a review step concerns, in the caller's transaction: a request goes to
 * everyone who may approve (not the one who sent it); a decision or a comment to the author and
 * the review's other participants. `actorId` is null when the system sent an agent's draft.
 */
export async function notifyReviewStep(
  tx: Transaction,
  step: {
    policy: ApprovalPolicy;
    post: PostRow;
    step: ReviewEvent;
    actorId: string | null;
    comment: string | undefined;
  },
): Promise<number> {
  const { post, policy, actorId } = step;
  const type = TYPE[step.step];
  const people =
    step.step === 'submitted'
      ? await approversOf(tx, post.organizationId, policy, actorId)
      : await reviewParticipants(tx, post.organizationId, post.id, post.userId, actorId ?? '');
  const recipients = await notificationRecipients(tx, post.organizationId, people, type);
  return writeNotifications(
    tx,
    {
      organizationId: post.organizationId,
      type,
      severity: SEVERITY[step.step],
      title: titleOf(step.step, postLabel(post), post.aiGenerated),
      body: step.comment?.trim() || null,
      link: `/posts/${post.id}`,
      data: { postId: post.id, approvalStatus: post.approvalStatus },
    },
    recipients,
  );
}

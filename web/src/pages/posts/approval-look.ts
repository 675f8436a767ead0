import type { components } from '../../api/schema.gen';
import type { BadgeTone } from '../../components/badge-tones';

export type ApprovalStatus = components['schemas']['Post']['approvalStatus'];

/** How each approval status reads; a Record, so a new status fails to compile until worded. */
export const APPROVAL_LOOK: Record<ApprovalStatus, { label: string; tone: BadgeTone; help: string }> = {
  not_required: { label: 'No approval needed', tone: 'neutral', help: 'It can be scheduled as it is.' },
  pending: {
    label: 'Needs approval',
    tone: 'warning',
    help: 'It needs approval before it can be scheduled or published: send it for review.',
  },
  in_review: {
    label: 'In review',
    tone: 'brand',
    help: 'Waiting for a reviewer; it can be scheduled once approved.',
  },
  changes_requested: {
    label: 'Changes requested',
    tone: 'danger',
    help: 'A reviewer asked for changes: edit it, then send it for review again.',
  },
  approved: { label: 'Approved', tone: 'success', help: 'Approved: it can be scheduled or published.' },
};

/** The statuses that keep a post from being scheduled or published (core/posts/approval). */
export const awaitsApproval = (status: ApprovalStatus): boolean =>
  status === 'pending' || status === 'in_review' || status === 'changes_requested';

/** Statuses from which a post may be sent for review (REVIEW_STEPS.submitted on the server). */
export const maySubmit = (status: ApprovalStatus): boolean =>
  status === 'pending' || status === 'changes_requested' || status === 'not_required';

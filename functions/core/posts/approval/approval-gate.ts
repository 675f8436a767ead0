import type { PostRow } from '../../publishing/drafts';
import { ApprovalRequiredError } from '../../errors';

const WHY: Record<string, string> = {
  pending: 'This post needs approval before it can be scheduled or published; send it for review first.',
  in_review: 'This post is waiting for a reviewer; it can be scheduled once it is approved.',
  changes_requested: 'A reviewer asked for changes; edit the post and send it for review again.',
};

/**
 * The server's guard of the approval flow: every path that schedules or publishes a post
 * (schedule, publish now, bulk schedule, an agent's apply) goes through `scheduleTargets`,
 * which calls this first.
 */
export function assertApproved(post: Pick<PostRow, 'approvalStatus'>): void {
  const why = WHY[post.approvalStatus];
  if (why) throw new ApprovalRequiredError(why, post.approvalStatus);
}

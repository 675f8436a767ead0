import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { useSignedInUser } from '../../auth/use-session';
import { ORGANIZATION_KEY } from '../posts/use-approval-policy';
import type { Post } from './compose-state';

/**
 * Why the composer's post will need approval once saved, or null. The server decides
 * (core/posts/approval/approval-state.ts): the policy names the member's role, or the post
 * already needed approval, or it was approved and any edit reopens it. Until the policy
 * loads, null: the server's 409 then says it instead.
 */
export function useReviewNeeded(post: Post | undefined): string | null {
  const { api } = useServices();
  const { role } = useSignedInUser();
  const organization = useQuery({
    queryKey: ORGANIZATION_KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/organizations', { signal })),
  });
  if (post?.approvalStatus === 'approved' || post?.approvalStatus === 'in_review') {
    return 'It was reviewed as it was: once edited, it must be approved again before it is scheduled.';
  }
  if (post && post.approvalStatus !== 'not_required') {
    return 'This post needs approval before it can be scheduled or published.';
  }
  if (organization.data?.approvals.requiredFor.includes(role)) {
    return 'Your posts need approval in this organization before they can be scheduled or published.';
  }
  return null;
}

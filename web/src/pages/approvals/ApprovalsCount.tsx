import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { postListKey } from '../../publishing/query-keys';

const QUERY = { approvalStatus: 'in_review', page: 1, limit: 1 } as const;

/**
 * How many posts wait for review, beside the sidebar's Approvals link. One post of the list is
 * asked for: only `total` is read. Under POSTS_KEY, so every post change refreshes it.
 */
export function ApprovalsCount() {
  const { api } = useServices();
  const waiting = useQuery({
    queryKey: postListKey(QUERY),
    queryFn: ({ signal }) => unwrap(api.GET('/posts', { params: { query: QUERY }, signal })),
  });
  const total = waiting.data?.total ?? 0;
  if (total === 0) return null;
  return (
    <span
      className="ml-auto rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-800 tabular-nums"
      data-testid="approvals-count"
    >
      {total > 99 ? '99+' : total}
      <span className="sr-only"> awaiting approval</span>
    </span>
  );
}

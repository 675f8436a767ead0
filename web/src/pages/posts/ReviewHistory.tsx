import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { useServices } from '../../app/services';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../lib/dates';
import { POSTS_KEY } from '../../publishing/query-keys';

type ReviewAction = components['schemas']['PostReview']['action'];

export const reviewsKey = (postId: string) => [...POSTS_KEY, 'reviews', postId] as const;

const SAID: Record<ReviewAction, string> = {
  submitted: 'sent it for review',
  approved: 'approved it',
  changes_requested: 'asked for changes',
  commented: 'commented',
  reopened: 'edited it after review',
};

/** The post's review steps and comments, oldest first, with who took each. */
export function ReviewHistory({ postId, timeZone }: { postId: string; timeZone: string }) {
  const { api } = useServices();
  const reviews = useQuery({
    queryKey: reviewsKey(postId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/posts/{id}/reviews', { params: { path: { id: postId } }, signal })),
  });
  return (
    <QueryState query={reviews} label="the review history">
      {reviews.data ? (
        reviews.data.reviews.length === 0 ? (
          <p className="text-sm text-slate-500">No review yet.</p>
        ) : (
          <ol aria-label="Review history" className="space-y-3">
            {reviews.data.reviews.map((review) => (
              <li key={review.id} className="min-w-0 text-sm" data-review-action={review.action}>
                <p className="text-slate-700">
                  <span className="font-medium text-slate-900">{review.user?.name ?? 'Plume'}</span>{' '}
                  {SAID[review.action]}
                  <span className="text-slate-500"> · {formatDateTime(review.createdAt, timeZone)}</span>
                </p>
                {review.comment ? (
                  <p className="mt-1 rounded-lg bg-slate-50 px-3 py-2 break-words whitespace-pre-wrap text-slate-800">
                    {review.comment}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )
      ) : null}
    </QueryState>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { unwrap } from '../../api/client';
import { useSignedInUser } from '../../auth/use-session';
import { useServices } from '../../app/services';
import { MetricFigure } from '../../components/MetricFigure';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../lib/dates';
import { browserTimeZone } from '../../lib/time-zones';
import { addDays } from '../../lib/plain-date';
import { wallClockAt } from '../../lib/zoned-time';
import { socialAccountInsightsKey } from '../../publishing/query-keys';
import { PostThumbnail } from '../analytics/PostThumbnail';

const NUMBER = new Intl.NumberFormat();
const TOTALS = [
  ['posts', 'Posts'],
  ['impressions', 'Impressions'],
  ['likes', 'Likes'],
  ['comments', 'Comments'],
  ['shares', 'Shares'],
  ['clicks', 'Clicks'],
] as const;

/** What Plume stored about the account's last 30 days: totals and each post's latest metrics. */
export function InsightsPanel({ accountId, label }: { accountId: string; label: string }) {
  const { api } = useServices();
  const { user } = useSignedInUser();
  const timeZone = user.timezone || browserTimeZone();
  const insights = useQuery({
    queryKey: socialAccountInsightsKey(accountId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/social-accounts/{id}/insights', { params: { path: { id: accountId } }, signal })),
  });
  // Each post's first attachment, for its thumbnail: the analytics posts table of this account
  // over the same 30 days has it (the insights snapshot rows do not).
  const today = wallClockAt(Date.now(), timeZone).date;
  const postsQuery = {
    from: addDays(today, -30),
    to: today,
    timeZone,
    accountIds: accountId,
    sort: 'publishedAt' as const,
    limit: 100,
  };
  const attachments = useQuery({
    queryKey: ['analytics', 'posts', postsQuery],
    queryFn: ({ signal }) => unwrap(api.GET('/analytics/posts', { params: { query: postsQuery }, signal })),
    enabled: (insights.data?.recentPosts.length ?? 0) > 0,
  });
  const mediaOf = new Map((attachments.data?.items ?? []).map((row) => [row.targetId, row.mediaId]));

  return (
    <section aria-label={`Insights of ${label}`} className="rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
      <h3 className="text-sm font-semibold text-slate-900">Last 30 days</h3>
      <QueryState query={insights} label="insights">
        {insights.data ? (
          <>
            <dl className="mt-3 grid grid-cols-3 gap-3 sm:grid-cols-6">
              {TOTALS.map(([key, name]) => (
                <div key={key}>
                  <dt className="text-xs text-slate-500">{name}</dt>
                  <dd className="text-base font-semibold text-slate-900 tabular-nums">
                    {key === 'posts' ? (
                      NUMBER.format(insights.data.totals.posts)
                    ) : (
                      <MetricFigure
                        value={insights.data.totals[key]}
                        reason={insights.data.totals.unavailable[key]}
                      />
                    )}
                  </dd>
                </div>
              ))}
            </dl>
            {insights.data.recentPosts.length === 0 ? (
              <p className="mt-3 text-sm text-slate-600">
                No post metrics yet. Metrics arrive with each sync after a post is published.
              </p>
            ) : (
              <div className="relative mt-4 overflow-x-auto">
                <table className="min-w-full text-left text-sm">
                  <caption className="sr-only">Recent posts of {label}</caption>
                  <thead className="text-xs text-slate-500">
                    <tr>
                      <th scope="col" className="py-1.5 pr-4 font-medium">
                        Post
                      </th>
                      {['Impressions', 'Likes', 'Comments', 'Shares', 'Clicks'].map((name) => (
                        <th key={name} scope="col" className="py-1.5 pr-4 text-right font-medium">
                          {name}
                        </th>
                      ))}
                      <th scope="col" className="py-1.5 font-medium">
                        Measured
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-200 text-slate-700">
                    {insights.data.recentPosts.map((post) => (
                      <tr key={post.postPlatformId ?? post.recordedAt}>
                        <td className="flex items-start gap-2 py-1.5 pr-4">
                          <PostThumbnail
                            mediaId={mediaOf.get(post.postPlatformId ?? '') ?? null}
                            className="size-8"
                          />
                          {post.postId ? (
                            <Link
                              to={`/posts/${post.postId}`}
                              className="line-clamp-2 max-w-xs text-brand-700 hover:underline"
                            >
                              {post.text || 'Open post'}
                            </Link>
                          ) : (
                            <span className="line-clamp-2 max-w-xs">{post.text ?? '—'}</span>
                          )}
                        </td>
                        {(['impressions', 'likes', 'comments', 'shares', 'clicks'] as const).map((metric) => (
                          <td key={metric} className="py-1.5 pr-4 text-right tabular-nums">
                            <MetricFigure value={post[metric]} reason={post.unavailable[metric]} />
                          </td>
                        ))}
                        <td className="py-1.5 whitespace-nowrap">
                          {formatDateTime(post.recordedAt, timeZone)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        ) : null}
      </QueryState>
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { Card } from '../../components/Card';
import { MetricFigure } from '../../components/MetricFigure';
import { QueryState } from '../../components/QueryState';
import { formatRelative } from '../../lib/dates';
import { PlatformBadge } from '../../publishing/PlatformBadge';
import { PostThumbnail } from '../analytics/PostThumbnail';

const SHOWN = 5;

/** The newest published posts with their latest figures (the analytics posts table, newest first). */
export function JustPublishedCard({ range }: { range: { from: string; to: string; timeZone: string } }) {
  const { api } = useServices();
  const query = { ...range, sort: 'publishedAt' as const, limit: SHOWN };
  const posts = useQuery({
    queryKey: ['analytics', 'posts', query],
    queryFn: ({ signal }) => unwrap(api.GET('/analytics/posts', { params: { query }, signal })),
  });
  return (
    <Card
      title="Just published"
      description="The newest posts of the last 28 days and how they are doing."
      aside={
        <Link to="/analytics/posts" className="text-sm font-medium text-brand-700 hover:underline">
          All posts
        </Link>
      }
    >
      <QueryState query={posts} label="published posts">
        {posts.data && posts.data.items.length > 0 ? (
          <ul className="divide-y divide-slate-100" aria-label="Newest published posts">
            {posts.data.items.map((row) => (
              <li key={row.targetId} className="flex items-start gap-3 py-2.5 first:pt-0 last:pb-0">
                <PostThumbnail mediaId={row.mediaId} />
                <div className="min-w-0 flex-1">
                  <Link
                    to={`/posts/${row.postId}`}
                    className="line-clamp-2 text-sm text-slate-900 hover:underline"
                  >
                    {row.title || row.text || 'Open post'}
                  </Link>
                  <p className="mt-0.5 flex items-center gap-1.5 text-xs text-slate-500">
                    <PlatformBadge platform={row.platform} />
                    <time dateTime={row.publishedAt}>{formatRelative(row.publishedAt)}</time>
                  </p>
                </div>
                <dl className="grid shrink-0 grid-cols-2 gap-x-3 text-right text-xs">
                  <dt className="text-slate-500">Engagement</dt>
                  <dt className="text-slate-500">Impressions</dt>
                  <dd className="text-sm font-semibold text-slate-900 tabular-nums">
                    <MetricFigure value={row.engagement} reason={row.unavailable.engagement} />
                  </dd>
                  <dd className="text-sm font-semibold text-slate-900 tabular-nums">
                    <MetricFigure value={row.impressions} reason={row.unavailable.impressions} />
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">Nothing was published in the last 28 days.</p>
        )}
      </QueryState>
    </Card>
  );
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { Card } from '../../components/Card';
import { Pager } from '../../components/Pager';
import { QueryState } from '../../components/QueryState';
import { PostsTable, type PostSort, type SortOrder } from './PostsTable';
import { useAnalyticsRange } from './use-analytics-range';

const PAGE_SIZE = 20;

/** Every network copy published in the period, sortable by any figure, with its trend. */
export default function AnalyticsPostsPage() {
  const { api } = useServices();
  const { timeZone, query } = useAnalyticsRange();
  const [sort, setSort] = useState<{ by: PostSort; order: SortOrder }>({ by: 'engagement', order: 'desc' });
  const [page, setPage] = useState(1);
  const posts = useQuery({
    queryKey: ['analytics', 'posts', query, sort, page],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/analytics/posts', {
          params: { query: { ...query, sort: sort.by, order: sort.order, page, limit: PAGE_SIZE } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const pageCount = Math.max(1, Math.ceil((posts.data?.total ?? 0) / PAGE_SIZE));
  return (
    <Card
      title="Posts"
      description="Each network copy with its latest metrics. Engagement adds the interactions a network reports; the rate is engagement per 100 impressions. The line shows engagement at each sync. A dash says why a figure is missing."
    >
      <QueryState query={posts} label="posts">
        {posts.data ? (
          <div className="space-y-4">
            <PostsTable
              rows={posts.data.items}
              sort={sort.by}
              order={sort.order}
              onSort={(by, order) => {
                setSort({ by, order });
                setPage(1);
              }}
              timeZone={timeZone}
            />
            {posts.data.total > PAGE_SIZE ? (
              <Pager
                page={page}
                pageCount={pageCount}
                summary={`${posts.data.total} posts · page ${page} of ${pageCount}`}
                onPage={setPage}
              />
            ) : null}
          </div>
        ) : null}
      </QueryState>
    </Card>
  );
}

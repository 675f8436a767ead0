import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../api/client';
import { useServices } from '../app/services';
import { Card } from '../components/Card';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { EngagementHeatmap } from './analytics/EngagementHeatmap';
import { KpiCards } from './analytics/KpiCards';
import { PostsTable, type PostSort } from './analytics/PostsTable';
import { RANGE_PRESETS, useAnalyticsRange } from './analytics/use-analytics-range';

/** The organization's figures from synced metrics: headline, posts and the hours that work. */
export default function AnalyticsPage() {
  const { api } = useServices();
  const { days, setDays, timeZone, query } = useAnalyticsRange();
  const [sort, setSort] = useState<PostSort>('engagement');
  const overview = useQuery({
    queryKey: ['analytics', 'overview', query],
    queryFn: ({ signal }) => unwrap(api.GET('/analytics/overview', { params: { query }, signal })),
  });
  const postsPage = useQuery({
    queryKey: ['analytics', 'posts', query, sort],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/analytics/posts', { params: { query: { ...query, sort, limit: 20 } }, signal })),
  });
  const heatmap = useQuery({
    queryKey: ['analytics', 'engagement', query],
    queryFn: ({ signal }) => unwrap(api.GET('/analytics/engagement', { params: { query }, signal })),
  });

  return (
    <>
      <PageHeader
        title="Analytics"
        description="How your posts perform, from the metrics synced from each network."
      />
      <div className="mt-6 flex flex-wrap items-center gap-2" role="group" aria-label="Period">
        {RANGE_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            aria-pressed={days === preset}
            onClick={() => setDays(preset)}
            className={`rounded-md px-3 py-1.5 text-sm ring-1 ${
              days === preset
                ? 'bg-slate-900 text-white ring-slate-900'
                : 'bg-white text-slate-700 ring-slate-300'
            }`}
          >
            Last {preset} days
          </button>
        ))}
        <span className="text-xs text-slate-500">
          {query.from} to {query.to}, {timeZone}
        </span>
      </div>
      <div className="mt-6 space-y-6">
        <QueryState query={overview} label="headline figures">
          {overview.data ? <KpiCards overview={overview.data} timeZone={timeZone} /> : null}
        </QueryState>
        <Card
          title="Posts"
          description="Each network copy with its latest metrics. Engagement adds the interactions a network reports; the rate is engagement per 100 impressions. A dash says why a figure is missing."
        >
          <QueryState query={postsPage} label="posts">
            {postsPage.data ? (
              <PostsTable rows={postsPage.data.items} sort={sort} onSort={setSort} timeZone={timeZone} />
            ) : null}
          </QueryState>
        </Card>
        <Card title="When your posts do best" description="By the weekday and hour they went out.">
          <QueryState query={heatmap} label="engagement by hour">
            {heatmap.data ? <EngagementHeatmap cells={heatmap.data.cells} timeZone={timeZone} /> : null}
          </QueryState>
        </Card>
      </div>
    </>
  );
}

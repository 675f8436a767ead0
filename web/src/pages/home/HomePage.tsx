import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { addDays } from '../../lib/plain-date';
import { KpiCards } from '../analytics/KpiCards';
import { AttentionCard } from './AttentionCard';
import { JustPublishedCard } from './JustPublishedCard';
import { RoadmapCard } from './RoadmapCard';
import { StatusItem } from './StatusItem';
import { UpNextCard } from './UpNextCard';
import { useHomeRange } from './use-home-range';

/** The organization at a glance: what goes out next, what just went out, the week's figures. */
export default function HomePage() {
  const { api } = useServices();
  const { timeZone, lastWeek, nextDays } = useHomeRange();
  const overview = useQuery({
    queryKey: ['analytics', 'overview', lastWeek],
    queryFn: ({ signal }) => unwrap(api.GET('/analytics/overview', { params: { query: lastWeek }, signal })),
  });
  return (
    <>
      <PageHeader
        title="Overview"
        description="What goes out next, what just went out and how it is doing, and what needs you."
      />
      <div className="mt-4">
        <StatusItem />
      </div>
      <div className="mt-6 space-y-6">
        <section aria-labelledby="week-heading">
          <div className="mb-3 flex items-baseline justify-between gap-4">
            <h2 id="week-heading" className="text-sm font-semibold text-slate-900">
              Last 7 days
            </h2>
            <Link to="/analytics" className="text-sm font-medium text-brand-700 hover:underline">
              Analytics
            </Link>
          </div>
          <QueryState query={overview} label="headline figures">
            {overview.data ? (
              <KpiCards
                overview={overview.data}
                timeZone={timeZone}
                only={['posts', 'impressions', 'engagement', 'engagementRate']}
              />
            ) : null}
          </QueryState>
        </section>
        <div className="grid gap-6 lg:grid-cols-2">
          <UpNextCard range={nextDays} />
          <JustPublishedCard range={{ ...lastWeek, from: addDays(lastWeek.to, -27) }} />
          <AttentionCard />
          <RoadmapCard />
        </div>
      </div>
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { Card } from '../../components/Card';
import { QueryState } from '../../components/QueryState';
import { EngagementHeatmap } from './EngagementHeatmap';
import { KpiCards } from './KpiCards';
import { kpiSparkline } from './KpiSparkline';
import { StaleAccountsNotice } from './StaleAccountsNotice';
import { TrendCharts } from './TrendCharts';
import { useOverview } from './use-analytics-queries';
import { useAnalyticsRange } from './use-analytics-range';

/** The period's headline figures, their trend by day, and the hours that work. */
export default function AnalyticsOverviewPage() {
  const { api } = useServices();
  const { timeZone, query } = useAnalyticsRange();
  const overview = useOverview();
  const heatmap = useQuery({
    queryKey: ['analytics', 'engagement', query],
    queryFn: ({ signal }) => unwrap(api.GET('/analytics/engagement', { params: { query }, signal })),
  });
  return (
    <div className="space-y-6">
      <QueryState query={overview} label="headline figures">
        {overview.data ? (
          <div className="space-y-3">
            <StaleAccountsNotice accounts={overview.data.staleAccounts} />
            <KpiCards overview={overview.data} timeZone={timeZone} trend={kpiSparkline(overview.data)} />
          </div>
        ) : null}
      </QueryState>
      <Card
        title="Trends"
        description="Each day's posts with the figures they have gathered so far (a post counts on the day it went out), against the same day of the period before (dashed). A gap: no post that day, or none with the figure."
      >
        <QueryState query={overview} label="trends">
          {overview.data ? <TrendCharts overview={overview.data} /> : null}
        </QueryState>
      </Card>
      <Card title="When your posts do best" description="By the weekday and hour they went out.">
        <QueryState query={heatmap} label="engagement by hour">
          {heatmap.data ? <EngagementHeatmap cells={heatmap.data.cells} timeZone={timeZone} /> : null}
        </QueryState>
      </Card>
    </div>
  );
}

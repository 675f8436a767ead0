import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useSignedInUser } from '../../auth/use-session';
import { useServices } from '../../app/services';
import { BarsChart } from '../../charts/BarsChart';
import { Card } from '../../components/Card';
import { QueryState } from '../../components/QueryState';
import { CompetitorForm } from './competitors/CompetitorForm';
import { CompetitorTable, partyName } from './competitors/CompetitorTable';
import { TrackedAccounts } from './competitors/TrackedAccounts';
import { useAnalyticsRange } from './use-analytics-range';

/** You against the accounts you watch: cadence, engagement, share of voice; and who is watched. */
export default function CompetitorsPage() {
  const { api } = useServices();
  const { can } = useSignedInUser();
  const { query } = useAnalyticsRange();
  const benchmark = useQuery({
    queryKey: ['analytics', 'competitors', 'benchmark', query],
    queryFn: ({ signal }) => unwrap(api.GET('/analytics/competitors', { params: { query }, signal })),
  });
  const parties = benchmark.data?.parties ?? [];
  return (
    <div className="space-y-6">
      <Card
        title="Share of voice"
        description="Each account's part of all the public engagement (likes, comments, shares) that you and your competitors got on posts of this period, in percent."
      >
        <QueryState query={benchmark} label="share of voice">
          {parties.length > 1 ? (
            <BarsChart
              title="Share of engagement, percent"
              unit=" %"
              bars={parties.map((party) => ({
                label: partyName(party),
                value: party.current.shareOfEngagement,
              }))}
            />
          ) : (
            <p className="text-sm text-slate-600">Track a competitor below to compare.</p>
          )}
        </QueryState>
      </Card>
      <Card
        title="Benchmarks"
        description="Public figures only, so rates are by followers (competitors' impressions are never public)."
      >
        <QueryState query={benchmark} label="benchmarks">
          {benchmark.data ? <CompetitorTable parties={parties} /> : null}
        </QueryState>
      </Card>
      <Card title="Tracked accounts" description="Read daily, and at once when added.">
        <div className="space-y-6">
          <TrackedAccounts canEdit={can('user')} />
          {can('user') ? <CompetitorForm /> : null}
        </div>
      </Card>
    </div>
  );
}

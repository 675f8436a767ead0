import { useQuery } from '@tanstack/react-query';
import { DEFINITIONS } from '../../../../functions/shared/analytics/definitions';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { BarsChart } from '../../charts/BarsChart';
import { Card } from '../../components/Card';
import { QueryState } from '../../components/QueryState';
import { AccountAudienceCard } from './audience/AccountAudienceCard';
import { accountName } from './growth/FollowerGrowthTable';
import { useAnalyticsRange } from './use-analytics-range';

/** Who follows each account, where the network tells, and how much those followers engage. */
export default function AudiencePage() {
  const { api } = useServices();
  const { query, timeZone } = useAnalyticsRange();
  const audience = useQuery({
    queryKey: ['analytics', 'audience', query],
    queryFn: ({ signal }) => unwrap(api.GET('/analytics/audience', { params: { query }, signal })),
  });
  const accounts = audience.data?.accounts ?? [];
  return (
    <div className="space-y-6">
      <Card title="Engagement rate by followers" description={DEFINITIONS.accountEngagementRateByFollowers}>
        <QueryState query={audience} label="engagement rate by followers">
          {accounts.length > 0 ? (
            <BarsChart
              title="Engagement rate by followers per account, percent"
              unit=" %"
              bars={accounts.map((account) => ({
                label: accountName(account),
                value: account.engagementRateByFollowers,
              }))}
            />
          ) : (
            <p className="text-sm text-slate-600">Connect an account to see its audience.</p>
          )}
        </QueryState>
      </Card>
      <QueryState query={audience} label="audience">
        {accounts.map((account) => (
          <AccountAudienceCard key={account.id} account={account} timeZone={timeZone} />
        ))}
      </QueryState>
      {audience.data ? (
        <p className="text-xs text-slate-500">
          Shares of each account’s followers from its latest audience reading in the period. Instagram and
          LinkedIn Pages give demographics (the Sandbox simulates them); where a network gives none, the
          reason is shown instead.
          {audience.data.sources.length > 0 ? ` From ${audience.data.sources.join('; ')}.` : ''}
        </p>
      ) : null}
    </div>
  );
}

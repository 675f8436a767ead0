import { useQuery } from '@tanstack/react-query';
import { DEFINITIONS } from '../../../../functions/shared/analytics/definitions';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { TrendChart, type TrendPoint } from '../../charts/TrendChart';
import { Card } from '../../components/Card';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../lib/dates';
import { accountName, FollowerGrowthTable } from './growth/FollowerGrowthTable';
import { useAnalyticsRange } from './use-analytics-range';

/** Followers per account and in total over the period, from the daily readings the sync keeps. */
export default function GrowthPage() {
  const { api } = useServices();
  const { query, timeZone } = useAnalyticsRange();
  const growth = useQuery({
    queryKey: ['analytics', 'growth', query],
    queryFn: ({ signal }) => unwrap(api.GET('/analytics/growth', { params: { query }, signal })),
  });
  const data = growth.data;
  // One point per day; each account's line and the total, null (a gap) where there is no reading.
  const points: TrendPoint[] =
    data?.total.days.map((day, index) => ({
      label: day.date.slice(5),
      total: day.followers,
      ...Object.fromEntries(
        data.accounts.map((account) => [account.id, account.days[index]?.followers ?? null]),
      ),
    })) ?? [];
  const series = [
    ...(data?.accounts.map((account) => ({
      key: account.id,
      label: `${accountName(account)}${account.stale ? ' (stale)' : ''}`,
    })) ?? []),
    ...(data && data.accounts.length > 1 ? [{ key: 'total', label: 'All accounts', colour: '#0f172a' }] : []),
  ];
  return (
    <div className="space-y-6">
      <Card
        title="Followers"
        description="The last follower count synced each day. A gap is a day without a reading, never a drop to 0."
      >
        <QueryState query={growth} label="followers">
          {data && data.accounts.length > 0 ? (
            <TrendChart title="Followers per day" points={points} series={series} />
          ) : (
            <p className="text-sm text-slate-600">Connect an account to follow its followers.</p>
          )}
        </QueryState>
      </Card>
      <Card
        title="Growth"
        description={
          data
            ? `${data.from} to ${data.to} against ${data.previousFrom} to ${data.previousTo}.`
            : 'This period against the one before.'
        }
      >
        <QueryState query={growth} label="growth">
          {data ? (
            <div className="space-y-3">
              <FollowerGrowthTable growth={data} timeZone={timeZone} />
              <ul aria-label="Definitions" className="space-y-1 text-xs text-slate-500">
                <li>
                  Stale: the account’s last good sync is older than its schedule allows (twice its cadence),
                  or it never synced; its figures are the last ones Plume has.
                </li>
                {(
                  ['followersAtStart', 'netFollowerChange', 'followerGrowthRate', 'followerTotals'] as const
                ).map((name) => (
                  <li key={name}>{DEFINITIONS[name]}</li>
                ))}
              </ul>
              <p className="text-xs text-slate-500">
                {data.asOf ? `Readings as of ${formatDateTime(data.asOf, timeZone)}` : 'No readings yet'}
                {data.sources.length > 0 ? ` · from ${data.sources.join('; ')}` : ''}
              </p>
            </div>
          ) : null}
        </QueryState>
      </Card>
    </div>
  );
}

import {
  AUDIENCE_DIMENSIONS,
  type AudienceDimension,
} from '../../../../../functions/shared/analytics/account-metrics';
import type { components } from '../../../api/schema.gen';
import { BarsChart } from '../../../charts/BarsChart';
import { Badge } from '../../../components/Badge';
import { Card } from '../../../components/Card';
import { MetricFigure } from '../../../components/MetricFigure';
import { formatDateTime } from '../../../lib/dates';
import { PLATFORM_LOOK } from '../../../publishing/platforms';
import { accountName } from '../growth/FollowerGrowthTable';

type Account = components['schemas']['AccountAudience'];

const DIMENSION_NAMES: Record<AudienceDimension, string> = {
  age: 'Age',
  gender: 'Gender',
  country: 'Country',
  city: 'City',
  locale: 'Language',
  function: 'Job function',
  seniority: 'Seniority',
  industry: 'Industry',
};
/** Bars per dimension: cities and countries run long; the largest groups say who the audience is. */
const TOP = 8;

let regionNames: Intl.DisplayNames | undefined;

/**
 * Countries come as ISO codes (`FR`) from every network: shown by name in the viewer's
 * language ("France"). Anything else (a city, a LinkedIn URN ICU cannot name) as it came.
 */
function labelOf(dimension: AudienceDimension, key: string): string {
  if (dimension !== 'country' || !/^[A-Z]{2}$/.test(key)) return key;
  regionNames ??= new Intl.DisplayNames(undefined, { type: 'region', fallback: 'code' });
  return regionNames.of(key) ?? key;
}

/** Shares 0..1 as percent with one decimal, largest first, the first TOP of them. */
function barsOf(dimension: AudienceDimension, shares: Record<string, number>) {
  return Object.entries(shares)
    .sort(([, a], [, b]) => b - a)
    .slice(0, TOP)
    .map(([key, share]) => ({ label: labelOf(dimension, key), value: Math.round(share * 1000) / 10 }));
}

/** One account's audience: its followers and engagement, and a bar chart per dimension the network gives. */
export function AccountAudienceCard({ account, timeZone }: { account: Account; timeZone: string }) {
  const name = accountName(account);
  const unavailable = account.unavailable;
  const shown = AUDIENCE_DIMENSIONS.filter((dimension) => account.demographics[dimension]);
  const missing = AUDIENCE_DIMENSIONS.filter(
    (dimension) => !account.demographics[dimension] && unavailable[dimension],
  );
  return (
    <Card
      title={name}
      description={`${PLATFORM_LOOK[account.platform].name}${account.asOf ? ` · as of ${formatDateTime(account.asOf, timeZone)}` : ' · no audience reading in this period'}${account.source ? ` · ${account.source}` : ''}`}
      aside={account.stale ? <Badge tone="warning">Stale</Badge> : undefined}
    >
      <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-slate-500">Followers</dt>
          <dd className="text-lg font-semibold text-slate-900 tabular-nums">
            <MetricFigure value={account.followers} reason={unavailable.followers} />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Engagement of the period’s posts</dt>
          <dd className="text-lg font-semibold text-slate-900 tabular-nums">
            <MetricFigure value={account.engagement} reason={unavailable.engagement} />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Engagement rate by followers</dt>
          <dd className="text-lg font-semibold text-slate-900 tabular-nums">
            <MetricFigure
              value={account.engagementRateByFollowers}
              reason={unavailable.engagementRateByFollowers}
            />
            {account.engagementRateByFollowers !== null ? ' %' : ''}
          </dd>
        </div>
      </dl>
      {shown.length > 0 ? (
        <div className="mt-4 grid gap-6 lg:grid-cols-2">
          {shown.map((dimension) => (
            <div key={dimension} className="min-w-0">
              <h3 className="text-xs font-medium text-slate-700">{DIMENSION_NAMES[dimension]}</h3>
              <BarsChart
                title={`${name}: followers by ${DIMENSION_NAMES[dimension].toLowerCase()}, percent`}
                unit=" %"
                bars={barsOf(dimension, account.demographics[dimension]!)}
              />
            </div>
          ))}
        </div>
      ) : null}
      {missing.length > 0 ? (
        <ul aria-label={`${name}: dimensions not given`} className="mt-4 space-y-1 text-xs text-slate-600">
          {missing.map((dimension) => (
            <li key={dimension}>
              <span className="font-medium">{DIMENSION_NAMES[dimension]}:</span> not available.{' '}
              {unavailable[dimension]}
            </li>
          ))}
        </ul>
      ) : null}
      {shown.length === 0 && missing.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">No audience reading in this period.</p>
      ) : null}
    </Card>
  );
}

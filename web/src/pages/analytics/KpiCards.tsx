import type { ReactNode } from 'react';
import { MetricFigure } from '../../components/MetricFigure';
import { formatDateTime } from '../../lib/dates';
import type { components } from '../../api/schema.gen';

type Overview = components['schemas']['AnalyticsOverview'];

const KPIS = [
  ['posts', 'Posts published'],
  ['impressions', 'Impressions'],
  ['engagement', 'Engagement'],
  ['engagementRate', 'Engagement rate'],
  ['likes', 'Likes'],
  ['comments', 'Comments'],
  ['shares', 'Shares'],
  ['clicks', 'Link clicks'],
] as const;

const PERCENT = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

export type KpiName = (typeof KPIS)[number][0];

/** The period's headline figures, each with its change from the period before. */
export function KpiCards({
  overview,
  timeZone,
  only,
  trend,
}: {
  overview: Overview;
  timeZone: string;
  /** Just these figures (the home page shows four); all by default. */
  only?: readonly KpiName[];
  /**
   * A small drawing of the figure by day, under it, or null (KpiSparkline.tsx). Passed in rather
   * than imported so the home page, which shows these cards, does not load the chart library.
   */
  trend?: (name: KpiName, label: string) => ReactNode;
}) {
  const { current, previous, change } = overview;
  const shown = only ? KPIS.filter(([key]) => only.includes(key)) : KPIS;
  return (
    <section aria-labelledby="kpi-heading">
      <h2 id="kpi-heading" className="sr-only">
        Headline figures
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {shown.map(([key, label]) => {
          const value = current[key];
          const delta = change[key];
          const drawn = trend?.(key, label);
          return (
            <div key={key} className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
              <dt className="text-xs text-slate-500">{label}</dt>
              <dd className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">
                {key === 'posts' ? (
                  value
                ) : (
                  <MetricFigure value={value as number | null} reason={current.unavailable[key]} />
                )}
                {key === 'engagementRate' && value !== null ? ' %' : ''}
              </dd>
              {drawn ? <dd className="mt-1">{drawn}</dd> : null}
              <dd className="mt-1 text-xs text-slate-500">
                {delta === null || delta === undefined ? (
                  <>
                    no comparison ({previous.from} to {previous.to})
                  </>
                ) : (
                  <span className={delta >= 0 ? 'text-emerald-700' : 'text-rose-700'}>
                    {PERCENT.format(delta)} % vs {previous.from} to {previous.to}
                  </span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      <p className="mt-2 text-xs text-slate-500">
        {overview.asOf ? `Metrics as of ${formatDateTime(overview.asOf, timeZone)}` : 'No metrics synced yet'}
        {overview.sources.length > 0 ? ` · from ${overview.sources.join('; ')}` : ''}
      </p>
    </section>
  );
}

import { TrendChart, type TrendPoint } from '../../charts/TrendChart';
import type { components } from '../../api/schema.gen';

type Overview = components['schemas']['AnalyticsOverview'];
type Figure = 'engagement' | 'impressions';

/**
 * Each day of the period beside the same day of the period before (day 1 with day 1), so the
 * dashed line is the comparison. Nulls stay gaps: a day without posts has no figure.
 */
function pointsOf(overview: Overview, figure: Figure): TrendPoint[] {
  const before = overview.previous.days;
  return overview.current.days.map((day, index) => ({
    label: day.date.slice(5),
    current: day[figure],
    previous: before[index]?.[figure] ?? null,
    posts: day.posts,
  }));
}

/** Engagement and impressions by the day posts went out, against the period before. */
export function TrendCharts({ overview }: { overview: Overview }) {
  const series = (what: string) =>
    [
      { key: 'current', label: `${what}, ${overview.current.from} to ${overview.current.to}` },
      {
        key: 'previous',
        label: `${what}, ${overview.previous.from} to ${overview.previous.to}`,
        dashed: true,
        colour: '#94a3b8',
      },
    ] as const;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <TrendChart
        title="Engagement by the day posts went out"
        points={pointsOf(overview, 'engagement')}
        series={series('Engagement')}
      />
      <TrendChart
        title="Impressions by the day posts went out"
        points={pointsOf(overview, 'impressions')}
        series={series('Impressions')}
      />
    </div>
  );
}

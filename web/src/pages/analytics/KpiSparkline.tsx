import type { components } from '../../api/schema.gen';
import { Sparkline } from '../../charts/Sparkline';
import type { KpiName } from './KpiCards';

type Overview = components['schemas']['AnalyticsOverview'];
type DailyFigure = Exclude<keyof components['schemas']['AnalyticsDay'], 'date'>;

/** The headline figures the overview also gives day by day (`current.days`); the others have no line. */
const DAILY: Partial<Record<KpiName, DailyFigure>> = {
  posts: 'posts',
  impressions: 'impressions',
  engagement: 'engagement',
};

/**
 * KpiCards' `trend`: one headline figure through the period, a value per day (a gap where a day
 * has none, never a 0); null for a figure the overview gives no series of. Screen readers get
 * the days' figures as text, as with every sparkline.
 */
export const kpiSparkline = (overview: Overview) => (name: KpiName, label: string) => {
  const figure = DAILY[name];
  if (!figure) return null;
  const { days, from, to } = overview.current;
  return (
    <Sparkline
      values={days.map((day) => day[figure])}
      label={`${label} by day, ${from} to ${to}`}
      width={120}
      height={28}
    />
  );
};

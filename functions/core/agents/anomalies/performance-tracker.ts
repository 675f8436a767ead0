import { anomalyRuns } from './anomaly-runs';
import { assessAccountNow } from './assess-now';
import { forecastBacktest } from './backtest';
import { addDays, dayIn, type AccountSeries } from './daily-series';
import { detectorOptionsFor } from './metric-presets';
import { periodSummary, type AccountAnomaly } from './period-summary';
import { assessPostGrowth, type PostGrowth, type PostGrowthOptions } from './post-growth';
import type { PerformanceTrackerResult, TrackerAlert } from './result';
import { detectAnomalies, type DetectorOptions } from './seasonal-detector';
import { severityRank } from './severity';

export interface TrackerInput {
  now: Date;
  /** The organization's zone: which day "yesterday" is. */
  timeZone?: string;
  series: AccountSeries[];
  /** Posts' engagement over time: recent ones are judged, older ones are the reference. */
  posts: PostGrowth[];
  /** Posts published this many hours before `now` are judged (default 48: the hourly readings). */
  postWindowHours?: number;
  /** A post is told about when its first unusual reading came in this many hours (default 24: one sweep). */
  sweepHours?: number;
  /** Anomalies of the last this many days are listed per series (default 90). */
  lookbackDays?: number;
  detector?: Partial<DetectorOptions>;
  postGrowth?: Partial<PostGrowthOptions>;
}

const HOUR_MS = 3_600_000;

/**
 * The performance tracker's daily run: each account metric's anomalies (seasonal-detector.ts)
 * with yesterday's verdict and whether it is news (assess-now.ts), the forecast backtest of each
 * series, recent posts growing unlike the account's others (post-growth.ts), the alerts to
 * notify, and the summary of the last week. Pure: same input, same output.
 */
export function runPerformanceTracker(input: TrackerInput): PerformanceTrackerResult {
  const timeZone = input.timeZone ?? 'UTC';
  const judged = addDays(dayIn(input.now, timeZone), -1);
  const since = addDays(judged, -(input.lookbackDays ?? 90));
  const found: AccountAnomaly[] = [];
  const alerts: TrackerAlert[] = [];

  const series = input.series.map((s) => {
    const points = s.points.filter((p) => p.day <= judged);
    const options = detectorOptionsFor(s.metric, input.detector);
    const detection = detectAnomalies(points, options);
    const anomalies = anomalyRuns(detection.days, options.shiftDays)
      .filter((a) => a.end >= since)
      .reverse();
    for (const anomaly of anomalies) found.push({ socialAccountId: s.socialAccountId, metric: s.metric, anomaly });
    const now = assessAccountNow({ ...s, points }, input.now, { timeZone, detector: input.detector });
    if (now.alert && now.assessment && now.assessment.expected !== null)
      alerts.push({
        socialAccountId: s.socialAccountId,
        subject: s.metric,
        targetId: null,
        severity: now.alert.severity,
        direction: now.assessment.direction!,
        reason: now.alert.reason,
        at: now.day,
        observed: now.assessment.observed!,
        expected: now.assessment.expected,
        change: now.assessment.change,
      });
    const { socialAccountId: _id, metric: _metric, ...verdict } = now;
    return {
      socialAccountId: s.socialAccountId,
      metric: s.metric,
      now: verdict,
      anomalies,
      backtest: forecastBacktest(points, { detector: options }),
    };
  });

  const windowStart = input.now.getTime() - (input.postWindowHours ?? 48) * HOUR_MS;
  const toldSince = input.now.getTime() - (input.sweepHours ?? 24) * HOUR_MS;
  // Nothing read after `now` is used: the run is what a sweep at `now` could know.
  const known = input.posts.map((p) => ({ ...p, points: p.points.filter((point) => point.at <= input.now) }));
  const posts = known
    .filter((p) => p.publishedAt.getTime() >= windowStart && p.publishedAt <= input.now)
    .map((post) => {
      const assessment = assessPostGrowth(
        post,
        known.filter((p) => p.socialAccountId === post.socialAccountId),
        input.postGrowth,
      );
      const first = assessment.firstAlert;
      if (first && new Date(first.at).getTime() >= toldSince)
        alerts.push({
          socialAccountId: post.socialAccountId,
          subject: 'post',
          targetId: post.targetId,
          severity: first.severity!,
          direction: first.direction!,
          reason: 'new',
          at: first.at,
          observed: first.observed,
          expected: first.expected,
          change: first.expected > 0 ? first.observed / first.expected - 1 : null,
        });
      return {
        targetId: post.targetId,
        socialAccountId: post.socialAccountId,
        publishedAt: post.publishedAt.toISOString(),
        status: assessment.status,
        firstAlert: first,
        peak: assessment.peak,
      };
    });

  alerts.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return {
    asOf: input.now.toISOString(),
    series,
    posts,
    alerts,
    summary: periodSummary(input.series.map((s) => ({ ...s, points: s.points.filter((p) => p.day <= judged) })), found, judged),
  };
}

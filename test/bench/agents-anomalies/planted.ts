import { detectorOptionsFor } from '../../../functions/core/agents/anomalies/metric-presets';
import { naiveAnomalies } from '../../../functions/core/agents/anomalies/naive-detector';
import { assessPostGrowth, type PostGrowth } from '../../../functions/core/agents/anomalies/post-growth';
import { detectAnomalies } from '../../../functions/core/agents/anomalies/seasonal-detector';
import type { Anomaly } from '../../../functions/core/agents/anomalies/anomaly-runs';
import type { AccountMetric } from '../../../functions/core/agents/anomalies/daily-series';
import type { SeededOrganization } from './seed';

const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export interface PlantedDrop {
  seed: string;
  metric: AccountMetric;
  seasonal: { daysToAlert: number | null; severity: string | null; kind: string | null };
  naive: { daysToAlert: number | null };
  /** Anomalies each detector raised on that series in the 60 days before the drop (false alarms). */
  falseAlarmsBefore: { seasonal: number; naive: number };
}

/** The planted drop: the first drop anomaly on or after its day, in each of the dropped account's series. */
export function plantedDrop(org: SeededOrganization): PlantedDrop[] {
  const drop = org.truth.drop;
  if (!drop) return [];
  const day = drop.at.slice(0, 10);
  return org.series
    .filter((s) => s.socialAccountId === drop.socialAccountId)
    .map((s) => {
      const seasonal = detectAnomalies(s.points, detectorOptionsFor(s.metric)).anomalies;
      const naive = naiveAnomalies(s.points).anomalies;
      const found = (list: Anomaly[]) => list.find((a) => a.direction === 'drop' && a.end >= day && daysFrom(day, a.start) <= 14);
      const before = (list: Anomaly[]) => list.filter((a) => a.start < day && daysFrom(a.start, day) <= 60).length;
      const model = found(seasonal);
      const plain = found(naive);
      return {
        seed: org.seed,
        metric: s.metric,
        seasonal: {
          daysToAlert: model ? Math.max(0, daysFrom(day, model.start)) : null,
          severity: model?.severityAtStart ?? null,
          kind: model?.kind ?? null,
        },
        naive: { daysToAlert: plain ? Math.max(0, daysFrom(day, plain.start)) : null },
        falseAlarmsBefore: { seasonal: before(seasonal), naive: before(naive) },
      };
    });
}

export interface PlantedViral {
  seed: string;
  /** Hours from publication to the first alert on the post's growth (seasonal: against the account's posts at the same age). */
  growthHoursToAlert: number | null;
  growthSeverity: string | null;
  /** Naive: the running total passes mean + 3 sd of the earlier posts' final totals. */
  naiveHoursToAlert: number | null;
  /** Share of the account's other posts (with 8 earlier ones) each rule flags as a spike: false alarms. */
  falseAlarmRate: { growth: number; naive: number; posts: number };
  /** The engagement-per-post series: a spike on the publication day (known once the post's figures are final, a week later). */
  dailySeries: { seasonal: boolean; naive: boolean };
}

function naivePostAlert(post: PostGrowth, earlier: PostGrowth[]): number | null {
  const finals = earlier
    .slice(-30)
    .map((p) => p.points.at(-1)?.engagement)
    .filter((v): v is number => v !== undefined);
  if (finals.length < 8) return null;
  const mean = finals.reduce((a, b) => a + b, 0) / finals.length;
  const sd = Math.sqrt(finals.reduce((a, b) => a + (b - mean) ** 2, 0) / (finals.length - 1));
  const point = post.points.find((p) => p.engagement > mean + 3 * sd);
  return point ? (point.at.getTime() - post.publishedAt.getTime()) / 3_600_000 : null;
}

/** The planted viral post, by its growth (post-growth.ts) and in the daily engagement-per-post series. */
export function plantedViral(org: SeededOrganization): PlantedViral | null {
  const truth = org.truth.viralPost;
  if (!truth || !org.viralTargetId) return null;
  const accountPosts = org.posts
    .filter((p) => p.socialAccountId === truth.socialAccountId)
    .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  const viral = accountPosts.find((p) => p.targetId === org.viralTargetId)!;
  const growth = assessPostGrowth(viral, accountPosts);
  let flagged = { growth: 0, naive: 0, posts: 0 };
  accountPosts.forEach((post, i) => {
    if (post.targetId === viral.targetId || i < 8) return;
    const earlier = accountPosts.slice(0, i);
    const assessment = assessPostGrowth(post, accountPosts);
    flagged = {
      growth: flagged.growth + (assessment.readings.some((r) => r.direction === 'spike') ? 1 : 0),
      naive: flagged.naive + (naivePostAlert(post, earlier) !== null ? 1 : 0),
      posts: flagged.posts + 1,
    };
  });
  const day = truth.publishedAt.slice(0, 10);
  const series = org.series.find((s) => s.socialAccountId === truth.socialAccountId && s.metric === 'engagementPerPost');
  const covers = (list: Anomaly[]) => list.some((a) => a.direction === 'spike' && a.start <= day && a.end >= day);
  return {
    seed: org.seed,
    growthHoursToAlert: growth.firstAlert?.hoursAfterPublish ?? null,
    growthSeverity: growth.firstAlert?.severity ?? null,
    naiveHoursToAlert: naivePostAlert(viral, accountPosts.filter((p) => p.publishedAt < viral.publishedAt)),
    falseAlarmRate: {
      growth: flagged.posts ? flagged.growth / flagged.posts : 0,
      naive: flagged.posts ? flagged.naive / flagged.posts : 0,
      posts: flagged.posts,
    },
    dailySeries: {
      seasonal: series ? covers(detectAnomalies(series.points, detectorOptionsFor('engagementPerPost')).anomalies) : false,
      naive: series ? covers(naiveAnomalies(series.points).anomalies) : false,
    },
  };
}

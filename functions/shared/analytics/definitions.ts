import { type PostMetricFigures, type PostMetricName, type UnavailableMetrics } from './metrics';

/**
 * How Plume computes the figures it derives, in the words the API's descriptions and the
 * dashboard use. Pure and browser-safe; a figure that cannot be computed is null with a reason.
 */
export const DEFINITIONS = {
  engagement:
    'Engagement: likes + comments + shares + saves + clicks, counting those the network reports (the others are null with a reason and left out).',
  engagementRate:
    'Engagement rate by impressions: engagement / impressions x 100, in percent. Null where the network reports no impressions, or none yet.',
  total:
    'A total adds the figure over the posts that have it; null when none has it (the reason is the network’s).',
  publicEngagement:
    'Public engagement: likes + comments + shares, the counts every network shows on anyone’s posts (saves and clicks are the owner’s only), so the organization and its competitors are compared alike; null where the network reports none of them.',
  engagementRateByFollowers:
    'Engagement rate by followers: each post’s public engagement / the account’s followers x 100, averaged over the posts that have both, in percent; null without followers or engagement.',
  postsPerWeek: 'Posts per week (cadence): posts published in the range / its days x 7.',
  shareOfVoice:
    'Share of voice: a party’s part of everything the organization and its tracked competitors did in the range, in percent: its posts / all parties’ posts x 100 (share of posts), and its public engagement / all parties’ public engagement x 100 (share of engagement; null for a party whose network gives none, and such a party is left out of the total).',
  followersAtStart:
    'Followers at the start: the first follower count synced within the range (the last reading of its day); at the end: the last one. Days without a reading are null, never filled in.',
  netFollowerChange: 'Net follower change: followers at the end of the range - followers at its start.',
  followerGrowthRate:
    'Follower growth rate: (followers at the end - followers at the start) / followers at the start x 100, in percent, rounded to 2 decimals; null without both readings or when the start is 0.',
  followerTotals:
    'Totals of followers add up the accounts that have a reading at both ends of the range (an account without one would make a change out of nothing); a day of the total series adds the accounts with a reading that day, and says how many.',
  accountEngagementRateByFollowers:
    'Engagement rate by followers (an account over the range): the engagement of its posts published in the range (each by its latest metrics) / its followers at the end of the range x 100, in percent, rounded to 2 decimals; null without followers or engagement.',
} as const;

/** Follower growth rate (DEFINITIONS.followerGrowthRate), in percent rounded to 2 decimals. */
export function followerGrowthRateOf(start: number | null, end: number | null): number | null {
  if (start === null || end === null || start <= 0) return null;
  return Math.round(((end - start) / start) * 10_000) / 100;
}

/** Engagement rate by an account's followers over a range (DEFINITIONS.accountEngagementRateByFollowers). */
export function accountEngagementRateOf(engagement: number | null, followers: number | null): number | null {
  if (engagement === null || followers === null || followers <= 0) return null;
  return Math.round((engagement / followers) * 10_000) / 100;
}

/** The interactions counted as engagement. */
export const ENGAGEMENT_METRICS: readonly PostMetricName[] = [
  'likes',
  'comments',
  'shares',
  'saves',
  'clicks',
];

/** Engagement (DEFINITIONS.engagement): null only when the network reports none of its parts. */
export function engagementOf(figures: PostMetricFigures): number | null {
  let total: number | null = null;
  for (const metric of ENGAGEMENT_METRICS) {
    const value = figures[metric];
    if (value !== null) total = (total ?? 0) + value;
  }
  return total;
}

/** Engagement rate by impressions (DEFINITIONS.engagementRate), rounded to 2 decimals. */
export function engagementRateOf(figures: PostMetricFigures): number | null {
  const engagement = engagementOf(figures);
  const impressions = figures.impressions;
  if (engagement === null || impressions === null || impressions <= 0) return null;
  return Math.round((engagement / impressions) * 10_000) / 100;
}

/**
 * Totals over snapshots (DEFINITIONS.total), with the reason of a metric none of them has
 * (the first snapshot's reason: one account's snapshots share their network).
 */
export function totalsOf<const Names extends readonly PostMetricName[]>(
  snapshots: ReadonlyArray<{ figures: PostMetricFigures; unavailable: UnavailableMetrics }>,
  metrics: Names,
): { figures: Record<Names[number], number | null>; unavailable: UnavailableMetrics } {
  const figures = {} as Record<Names[number], number | null>;
  const unavailable: UnavailableMetrics = {};
  for (const metric of metrics as readonly Names[number][]) {
    let total: number | null = null;
    for (const snapshot of snapshots) {
      const value = snapshot.figures[metric];
      if (value !== null) total = (total ?? 0) + value;
    }
    figures[metric] = total;
    if (total === null) {
      const reason = snapshots.find((s) => s.unavailable[metric])?.unavailable[metric];
      if (reason) unavailable[metric] = reason;
    }
  }
  return { figures, unavailable };
}

/** Public engagement (DEFINITIONS.publicEngagement): null only when none of its parts is reported. */
export function publicEngagementOf(counts: {
  likes: number | null;
  comments: number | null;
  shares: number | null;
}): number | null {
  const parts = [counts.likes, counts.comments, counts.shares].filter((value) => value !== null);
  return parts.length === 0 ? null : parts.reduce((sum, value) => sum + value, 0);
}

/** Rounds a figure to 2 decimals, as every derived figure is answered. */
export const round2 = (value: number): number => Math.round(value * 100) / 100;

/**
 * Engagement rate by followers (DEFINITIONS.engagementRateByFollowers): the mean of each post's
 * engagement / followers x 100 over the posts that have both; null when none has.
 */
export function engagementRateByFollowersOf(
  posts: ReadonlyArray<{ engagement: number | null; followers: number | null }>,
): number | null {
  const rates = posts.flatMap(({ engagement, followers }) =>
    engagement !== null && followers !== null && followers > 0 ? [(engagement / followers) * 100] : [],
  );
  return rates.length === 0 ? null : round2(rates.reduce((sum, rate) => sum + rate, 0) / rates.length);
}

/** Posts per week (DEFINITIONS.postsPerWeek) over a span of `days` days. */
export function postsPerWeekOf(posts: number, days: number): number {
  return days > 0 ? round2((posts / days) * 7) : 0;
}

/** A part of a total in percent (DEFINITIONS.shareOfVoice); null without a part or a total. */
export function shareOf(part: number | null, total: number): number | null {
  return part === null || total <= 0 ? null : round2((part / total) * 100);
}

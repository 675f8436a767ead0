import { METRICS_SCHEDULE } from '../analytics/metrics-schedule';
import { snapshotColumns } from '../analytics/post-metric-figures';
import { SYNC_METRICS_WINDOW_DAYS } from '../social-accounts/sync-account';
import {
  ENGAGEMENT_MODEL,
  engagementProfile,
  sandboxEngagement,
  type EngagementProfile,
} from '../../platforms/sandbox/engagement-model';
import { DAY_MS, HOUR_MS } from '../../platforms/sandbox/history/calendar';
import type { PlannedPost } from '../../platforms/sandbox/history/posts';

/** Days after publication whose daily readings an old post keeps: the model stops moving at its horizon. */
const DAILY_KEPT_DAYS = Math.ceil(ENGAGEMENT_MODEL.horizonHours / 24) + 1;

/**
 * When the sync would have read a post, as retention keeps it. The automatic sync
 * (metrics-schedule.ts) reads an account hourly while it has a post of the last 48 hours and
 * once a day at the 06:00 UTC slot otherwise, and reads each post while it is younger than the
 * sync window (30 days). A post younger than `hourlyRetentionDays` keeps its raw hourly readings
 * of the first 48 hours; every post keeps one reading per day at the daily slot while its
 * figures still move (the model's 7-day horizon, +1) and the last reading before it left the
 * window (its final figures). Nothing after `now`.
 */
export function snapshotInstants(publishedAt: Date, now: Date, hourlyRetentionDays: number): Date[] {
  const published = publishedAt.getTime();
  const end = Math.min(now.getTime(), published + SYNC_METRICS_WINDOW_DAYS * DAY_MS);
  const instants: number[] = [];
  const recent = published >= now.getTime() - hourlyRetentionDays * DAY_MS;
  const firstHour = Math.ceil(published / HOUR_MS) * HOUR_MS;
  const hourlyUntil = published + METRICS_SCHEDULE.recentPostHours * HOUR_MS;
  if (recent) for (let at = firstHour; at <= Math.min(end, hourlyUntil); at += HOUR_MS) instants.push(at);
  const slot = METRICS_SCHEDULE.dailySlotUtcHour * HOUR_MS;
  let day = Math.floor((published - slot) / DAY_MS) * DAY_MS + slot;
  if (day <= published) day += DAY_MS;
  let lastDaily: number | undefined;
  for (; day <= end; day += DAY_MS) {
    lastDaily = day;
    // The hourly readings already cover the first two days of a recent post.
    if (recent && day <= hourlyUntil) continue;
    if (day - published <= DAILY_KEPT_DAYS * DAY_MS) instants.push(day);
  }
  if (lastDaily !== undefined && !instants.includes(lastDaily)) instants.push(lastDaily);
  return instants.sort((a, b) => a - b).map((at) => new Date(at));
}

/** The row the sync writes for one reading (sync-account.ts's snapshot columns, for the Sandbox). */
export interface SnapshotRow {
  organizationId: string;
  postId: string;
  postPlatformId: string;
  socialAccountId: string;
  likesCount: number | null;
  commentsCount: number | null;
  sharesCount: number | null;
  clicksCount: number | null;
  impressionsCount: number | null;
  reachCount: number | null;
  savesCount: number | null;
  videoViewsCount: number | null;
  engagementRate: number | null;
  unavailable: Record<string, string>;
  source: string;
  recordedAt: Date;
  dateBucket: string;
  hourBucket: number;
}

/** One post's readings, each the model's figures at its instant, stored as the sync stores a connector's answer. */
export function snapshotRows(
  post: PlannedPost,
  ids: { organizationId: string; socialAccountId: string },
  instants: Date[],
  profile: EngagementProfile = engagementProfile(post.sandbox),
): SnapshotRow[] {
  return instants.map((at) => {
    const metrics = {
      platformPostId: post.sandbox.id,
      ...sandboxEngagement(post.sandbox, at, profile),
      fetchedAt: at,
    };
    return {
      organizationId: ids.organizationId,
      postId: post.postId,
      postPlatformId: post.targetId,
      socialAccountId: ids.socialAccountId,
      ...snapshotColumns('sandbox', metrics),
      recordedAt: at,
      dateBucket: at.toISOString().slice(0, 10),
      hourBucket: at.getUTCHours(),
    };
  });
}

/**
 * Impressions the post gained on each UTC day (day number -> impressions), up to `now`: the
 * account's daily impressions are their sum over its posts.
 */
export function dailyImpressions(
  post: PlannedPost,
  now: Date,
  profile: EngagementProfile,
  into: Map<number, number>,
): void {
  const published = post.sandbox.publishedAt.getTime();
  const lastDay = Math.floor(
    Math.min(now.getTime(), published + ENGAGEMENT_MODEL.horizonHours * HOUR_MS) / DAY_MS,
  );
  let before = 0;
  for (let day = Math.floor(published / DAY_MS); day <= lastDay; day += 1) {
    const end = new Date(Math.min(now.getTime(), (day + 1) * DAY_MS));
    const total = sandboxEngagement(post.sandbox, end, profile).impressions;
    into.set(day, (into.get(day) ?? 0) + total - before);
    before = total;
  }
}

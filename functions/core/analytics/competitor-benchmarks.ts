import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import {
  accountMetrics,
  competitorPosts,
  competitors,
  competitorSnapshots,
  postPlatforms,
  posts,
  socialAccounts,
} from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import {
  engagementRateByFollowersOf,
  postsPerWeekOf,
  publicEngagementOf,
  round2,
  shareOf,
} from '../../shared/analytics/definitions';
import type { Platform } from '../../shared/platforms/catalog';
import { LATEST_SNAPSHOT, metric, publishedTargets } from './latest-snapshot';
import { periodAndPrevious, type Period } from './period';

export interface BenchmarkQuery {
  from: string;
  to: string;
  timeZone: string;
  accountIds?: string[];
  platforms?: Platform[];
}

/** One post of a party, own or a competitor's, with its public counts. */
interface PartyPost {
  publishedAt: Date;
  text: string;
  url: string | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  /** Followers of the account that posted it, at the end of the post's period. */
  followers: { current: number | null; previous: number | null };
}

export interface PeriodBenchmark {
  posts: number;
  postsPerWeek: number;
  engagement: number | null;
  engagementRateByFollowers: number | null;
  shareOfPosts: number | null;
  shareOfEngagement: number | null;
}

export interface TopPost {
  text: string;
  url: string | null;
  publishedAt: Date;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  engagement: number | null;
}

export interface PartyBenchmark {
  kind: 'organization' | 'competitor';
  competitorId: string | null;
  platform: Platform | null;
  handle: string | null;
  name: string | null;
  followers: number | null;
  current: PeriodBenchmark;
  previous: PeriodBenchmark;
  change: Record<
    'posts' | 'engagement' | 'engagementRateByFollowers' | 'shareOfPosts' | 'shareOfEngagement',
    number | null
  >;
  topPosts: TopPost[];
  unavailable: Record<string, string>;
  asOf: Date | null;
  source: string | null;
  lastCheckError: string | null;
}

interface Party {
  base: Omit<PartyBenchmark, 'current' | 'previous' | 'change' | 'topPosts' | 'unavailable' | 'followers'>;
  followers: { current: number | null; previous: number | null };
  posts: PartyPost[];
  /** Why the network gives no figure (a competitor's counts), by name. */
  unavailable: Record<string, string>;
}

const TOP_POSTS = 3;
const NO_FOLLOWERS_OWN = 'No follower count was synced for these accounts up to the end of the period.';
const NO_FOLLOWERS_COMPETITOR = 'No read of this competitor gave a follower count yet.';
const NO_POSTS = 'No post was published in this period.';

/** Days in a period (both ends included). */
function daysOf(period: Period): number {
  return Temporal.PlainDate.from(period.from).until(Temporal.PlainDate.from(period.to)).days + 1;
}

function percentChange(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return round2(((now - before) / before) * 100);
}

function pointChange(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : round2(now - before);
}

/** The organization's own published copies of both periods, with their latest public counts. */
async function ownParty(
  tx: Transaction,
  organizationId: string,
  query: BenchmarkQuery,
  current: Period,
  previous: Period,
): Promise<Party> {
  // Each account's newest daily follower count on or before a day (account_metrics). The outer
  // row is spelled out: drizzle would render it unqualified, binding to the subquery's own table.
  const followersUpTo = (day: string) => sql<number | null>`(
    select ${accountMetrics.followersCount} from ${accountMetrics}
    where ${accountMetrics.socialAccountId} = "social_accounts"."id" and ${accountMetrics.followersCount} is not null
      and ${accountMetrics.dateBucket} <= ${day}
    order by ${accountMetrics.dateBucket} desc limit 1)`;
  const accounts = await tx
    .select({
      id: socialAccounts.id,
      current: followersUpTo(current.to),
      previous: followersUpTo(previous.to),
    })
    .from(socialAccounts)
    .where(
      and(
        eq(socialAccounts.organizationId, organizationId),
        query.accountIds?.length ? inArray(socialAccounts.id, query.accountIds) : undefined,
        query.platforms?.length ? inArray(socialAccounts.platform, query.platforms) : undefined,
      ),
    );
  const followersOf = new Map(accounts.map((a) => [a.id, { current: a.current, previous: a.previous }]));
  const total = (which: 'current' | 'previous') => {
    const known = accounts.map((a) => a[which]).filter((value) => value !== null);
    return known.length === 0 ? null : known.reduce((sum, value) => sum + Number(value), 0);
  };
  const rows = await tx
    .select({
      accountId: postPlatforms.socialAccountId,
      publishedAt: postPlatforms.publishedAt,
      text: sql<string>`coalesce(${postPlatforms.content}, ${posts.content})`,
      url: postPlatforms.platformPostUrl,
      likes: sql<number | null>`${metric('likes')}`,
      comments: sql<number | null>`${metric('comments')}`,
      shares: sql<number | null>`${metric('shares')}`,
      asOf: sql<string | null>`${metric('recorded_at')}`,
      source: sql<string | null>`${metric('source')}`,
    })
    .from(postPlatforms)
    .innerJoin(posts, eq(posts.id, postPlatforms.postId))
    .innerJoin(socialAccounts, eq(socialAccounts.id, postPlatforms.socialAccountId))
    .leftJoin(LATEST_SNAPSHOT, sql`true`)
    .where(publishedTargets(organizationId, { start: previous.start, end: current.end }, query));
  const asOf = rows.reduce<Date | null>((latest, row) => {
    const at = row.asOf ? new Date(row.asOf) : null;
    return at && (!latest || at > latest) ? at : latest;
  }, null);
  const sources = [...new Set(rows.flatMap((row) => (row.source ? [row.source] : [])))].sort();
  return {
    base: {
      kind: 'organization',
      competitorId: null,
      platform: null,
      handle: null,
      name: null,
      asOf,
      source: sources.length > 0 ? sources.join('; ') : null,
      lastCheckError: null,
    },
    followers: { current: total('current'), previous: total('previous') },
    posts: rows.map((row) => ({
      publishedAt: row.publishedAt!,
      text: row.text,
      url: row.url,
      likes: row.likes === null ? null : Number(row.likes),
      comments: row.comments === null ? null : Number(row.comments),
      shares: row.shares === null ? null : Number(row.shares),
      followers: followersOf.get(row.accountId) ?? { current: null, previous: null },
    })),
    unavailable: {},
  };
}

/** Each tracked competitor with its posts of both periods and its followers near each period's end. */
async function competitorParties(
  tx: Transaction,
  organizationId: string,
  query: BenchmarkQuery,
  current: Period,
  previous: Period,
): Promise<Party[]> {
  // The snapshot nearest the end of a period (before it, or the first after when tracking began later).
  const followersNear = (end: Date) => sql<string | number | null>`(
    select ${competitorSnapshots.followersCount} from ${competitorSnapshots}
    where ${competitorSnapshots.competitorId} = "competitors"."id" and ${competitorSnapshots.followersCount} is not null
    order by abs(extract(epoch from ${competitorSnapshots.capturedAt} - ${end.toISOString()}::timestamptz))
    limit 1)`;
  const tracked = await tx
    .select({
      competitor: competitors,
      current: followersNear(current.end),
      previous: followersNear(previous.end),
      snapshot: sql<{ source?: string; unavailable?: Record<string, string> } | null>`(
        select ${competitorSnapshots.data} from ${competitorSnapshots}
        where ${competitorSnapshots.competitorId} = "competitors"."id"
        order by ${competitorSnapshots.capturedAt} desc limit 1)`,
    })
    .from(competitors)
    .where(
      and(
        eq(competitors.organizationId, organizationId),
        query.platforms?.length ? inArray(competitors.platform, query.platforms) : undefined,
      ),
    )
    .orderBy(asc(competitors.platform), asc(competitors.handle));
  if (tracked.length === 0) return [];
  const read = await tx
    .select()
    .from(competitorPosts)
    .where(
      and(
        eq(competitorPosts.organizationId, organizationId),
        inArray(
          competitorPosts.competitorId,
          tracked.map((t) => t.competitor.id),
        ),
        gte(competitorPosts.publishedAt, previous.start),
        lt(competitorPosts.publishedAt, current.end),
      ),
    );
  const number = (value: string | number | null) => (value === null ? null : Number(value));
  return tracked.map(({ competitor, current: now, previous: before, snapshot }) => {
    const followers = { current: number(now), previous: number(before) };
    const own = read.filter((post) => post.competitorId === competitor.id);
    const asOf = own.reduce<Date | null>(
      (latest, post) => (!latest || post.capturedAt > latest ? post.capturedAt : latest),
      competitor.lastCheckError ? null : competitor.lastCheckedAt,
    );
    return {
      base: {
        kind: 'competitor',
        competitorId: competitor.id,
        platform: competitor.platform,
        handle: competitor.handle,
        name: competitor.name,
        asOf,
        source: snapshot?.source ?? null,
        lastCheckError: competitor.lastCheckError,
      },
      followers,
      posts: own.map((post) => ({
        publishedAt: post.publishedAt,
        text: post.text,
        url: post.url,
        likes: post.likesCount,
        comments: post.commentsCount,
        shares: post.sharesCount,
        followers,
      })),
      unavailable: { ...(snapshot?.unavailable ?? {}) },
    };
  });
}

/**
 * The organization against its tracked competitors in the viewer's days and the same number of
 * days before: posts, cadence, public engagement, engagement rate by followers, share of voice
 * and top posts (definitions in shared/analytics/definitions.ts).
 */
export async function competitorBenchmarks(
  tx: Transaction,
  organizationId: string,
  query: BenchmarkQuery,
): Promise<{ current: Period; parties: PartyBenchmark[] }> {
  const { current, previous } = periodAndPrevious(query);
  const parties = [
    await ownParty(tx, organizationId, query, current, previous),
    ...(await competitorParties(tx, organizationId, query, current, previous)),
  ];
  const inPeriod = (party: Party, which: 'current' | 'previous') =>
    party.posts.filter((post) =>
      which === 'current' ? post.publishedAt >= current.start : post.publishedAt < current.start,
    );
  const figures = (which: 'current' | 'previous') => {
    const days = daysOf(which === 'current' ? current : previous);
    const each = parties.map((party) => {
      const period = inPeriod(party, which);
      const engaged = period.map((post) => ({ post, engagement: publicEngagementOf(post) }));
      const known = engaged.filter((e) => e.engagement !== null);
      return {
        posts: period.length,
        postsPerWeek: postsPerWeekOf(period.length, days),
        engagement: known.length === 0 ? null : known.reduce((sum, e) => sum + e.engagement!, 0),
        engagementRateByFollowers: engagementRateByFollowersOf(
          engaged.map((e) => ({ engagement: e.engagement, followers: e.post.followers[which] })),
        ),
      };
    });
    const totalPosts = each.reduce((sum, f) => sum + f.posts, 0);
    const totalEngagement = each.reduce((sum, f) => sum + (f.engagement ?? 0), 0);
    return each.map((f): PeriodBenchmark => ({
      ...f,
      shareOfPosts: shareOf(f.posts, totalPosts),
      shareOfEngagement: shareOf(f.engagement, totalEngagement),
    }));
  };
  const now = figures('current');
  const before = figures('previous');
  return {
    current,
    parties: parties.map((party, index) => {
      const a = now[index]!;
      const b = before[index]!;
      const unavailable: Record<string, string> = {};
      const followers = party.followers.current;
      if (followers === null) {
        unavailable.followers =
          party.base.kind === 'organization' ? NO_FOLLOWERS_OWN : NO_FOLLOWERS_COMPETITOR;
      }
      if (a.engagement === null) {
        unavailable.engagement =
          a.posts === 0
            ? NO_POSTS
            : (party.unavailable.likes ?? 'No likes, comments or shares were read for these posts yet.');
      }
      if (a.engagementRateByFollowers === null) {
        unavailable.engagementRateByFollowers =
          unavailable.engagement ?? unavailable.followers ?? NO_FOLLOWERS_OWN;
      }
      if (party.unavailable.impressions) unavailable.impressions = party.unavailable.impressions;
      const topPosts = inPeriod(party, 'current')
        .map((post) => ({ ...post, engagement: publicEngagementOf(post) }))
        .filter((post) => post.engagement !== null)
        .sort((x, y) => y.engagement! - x.engagement! || y.publishedAt.getTime() - x.publishedAt.getTime())
        .slice(0, TOP_POSTS)
        .map(({ text, url, publishedAt, likes, comments, shares, engagement }) => ({
          text,
          url,
          publishedAt,
          likes,
          comments,
          shares,
          engagement,
        }));
      return {
        ...party.base,
        followers,
        current: a,
        previous: b,
        change: {
          posts: percentChange(a.posts, b.posts),
          engagement: percentChange(a.engagement, b.engagement),
          engagementRateByFollowers: percentChange(a.engagementRateByFollowers, b.engagementRateByFollowers),
          shareOfPosts: pointChange(a.shareOfPosts, b.shareOfPosts),
          shareOfEngagement: pointChange(a.shareOfEngagement, b.shareOfEngagement),
        },
        topPosts,
        unavailable,
      };
    }),
  };
}

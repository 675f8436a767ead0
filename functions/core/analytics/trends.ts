import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import {
  competitorPosts,
  competitors,
  mentions,
  postPlatforms,
  posts,
  socialAccounts,
} from '../../db/schema';
import { rowsOf } from '../../db/rows';
import type { Transaction } from '../../db/tenant';
import { round2 } from '../../shared/analytics/definitions';
import type { Platform } from '../../shared/platforms/catalog';
import { publishedTargets } from './latest-snapshot';
import { periodAndPrevious, type Period } from './period';
import { normalizeHashtag, termsOf } from './text-terms';

export type TrendBucket = 'day' | 'week';
export const TREND_SOURCES = ['ownPosts', 'mentions', 'competitorPosts'] as const;
export type TrendSource = (typeof TREND_SOURCES)[number];

export interface TrendQuery {
  from: string;
  to: string;
  timeZone: string;
  accountIds?: string[];
  platforms?: Platform[];
  bucket: TrendBucket;
  limit: number;
}

export interface TrendTerm {
  term: string;
  kind: 'hashtag' | 'word';
  /** Texts of the period that use it (a text counts once however often it says it). */
  total: number;
  /** The same count in the previous period of the same length. */
  previous: number;
  /** Percent change from the previous period; null when it was not used then. */
  growth: number | null;
  /** Per bucket, in the order of `buckets`. */
  counts: number[];
  /** Of `total`, how many came from each source. */
  bySource: Record<TrendSource, number>;
}

export interface Trends {
  current: Period;
  buckets: string[];
  texts: Record<TrendSource, number>;
  terms: TrendTerm[];
  rising: TrendTerm[];
}

/** Texts read per round trip while counting words, so memory stays bounded by distinct terms. */
const PAGE = 2000;
/** A term must be used this often in the period to count as rising (one use is noise). */
const RISING_MIN_USES = 2;

/**
 * Every text of the span the trends read, with the bucket it falls in (in the viewer's zone;
 * null for the previous period) and where it came from: the organization's published copies,
 * its mentions, and its tracked competitors' posts, filtered by network (and own accounts).
 */
function textsOf(organizationId: string, query: TrendQuery, current: Period, previous: Period): SQL {
  const span = { start: previous.start, end: current.end };
  const bucketOf = (at: SQL) =>
    sql`case when ${at} >= ${current.start.toISOString()}::timestamptz
      then to_char(date_trunc(${query.bucket}, ${at} at time zone ${query.timeZone}), 'YYYY-MM-DD') end`;
  const own = sql`select ${postPlatforms.id}::text as key, coalesce(${postPlatforms.content}, ${posts.content}) as text,
      ${postPlatforms.publishedAt} as at, ${bucketOf(sql`${postPlatforms.publishedAt}`)} as bucket, 'ownPosts' as source
    from ${postPlatforms}
    join ${posts} on ${posts.id} = ${postPlatforms.postId}
    join ${socialAccounts} on ${socialAccounts.id} = ${postPlatforms.socialAccountId}
    where ${publishedTargets(organizationId, span, query)}`;
  const heard = sql`select ${mentions.id}::text, ${mentions.content}, ${mentions.mentionedAt},
      ${bucketOf(sql`${mentions.mentionedAt}`)}, 'mentions'
    from ${mentions}
    where ${and(
      eq(mentions.organizationId, organizationId),
      gte(mentions.mentionedAt, span.start),
      lt(mentions.mentionedAt, span.end),
      query.platforms?.length ? inArray(mentions.platform, query.platforms) : undefined,
    )}`;
  const theirs = sql`select ${competitorPosts.id}::text, ${competitorPosts.text}, ${competitorPosts.publishedAt},
      ${bucketOf(sql`${competitorPosts.publishedAt}`)}, 'competitorPosts'
    from ${competitorPosts}
    join ${competitors} on ${competitors.id} = ${competitorPosts.competitorId}
    where ${and(
      eq(competitorPosts.organizationId, organizationId),
      gte(competitorPosts.publishedAt, span.start),
      lt(competitorPosts.publishedAt, span.end),
      query.platforms?.length ? inArray(competitors.platform, query.platforms) : undefined,
    )}`;
  return sql`(${own}) union all (${heard}) union all (${theirs})`;
}

/** The bucket labels of a period: each day, or the Monday of each ISO week it touches. */
function bucketsOf(period: Period, bucket: TrendBucket): string[] {
  const labels: string[] = [];
  const last = Temporal.PlainDate.from(period.to);
  let day = Temporal.PlainDate.from(period.from);
  if (bucket === 'week') day = day.subtract({ days: day.dayOfWeek - 1 });
  while (Temporal.PlainDate.compare(day, last) <= 0) {
    labels.push(day.toString());
    day = day.add({ days: bucket === 'week' ? 7 : 1 });
  }
  return labels;
}

interface Tally {
  kind: 'hashtag' | 'word';
  previous: number;
  counts: Map<string, number>;
  bySource: Record<TrendSource, number>;
}

const emptySources = (): Record<TrendSource, number> => ({ ownPosts: 0, mentions: 0, competitorPosts: 0 });

/**
 * Terms and hashtags over time across the organization's published posts, its mentions and
 * its tracked competitors' posts, in the viewer's days or weeks, against the previous period
 * of the same length. Hashtags are found and counted in SQL (`regexp_matches`, grouped), so
 * only their counts leave the database; words are tokenized here (`text-terms.ts`) over pages
 * of texts, keeping one counter per distinct word and bucket.
 */
export async function trends(tx: Transaction, organizationId: string, query: TrendQuery): Promise<Trends> {
  const { current, previous } = periodAndPrevious(query);
  const texts = textsOf(organizationId, query, current, previous);
  const tallies = new Map<string, Tally>();
  const tally = (key: string, kind: Tally['kind']) => {
    let found = tallies.get(key);
    if (!found) {
      found = { kind, previous: 0, counts: new Map(), bySource: emptySources() };
      tallies.set(key, found);
    }
    return found;
  };
  const add = (entry: Tally, bucket: string | null, source: TrendSource, uses: number) => {
    if (bucket === null) entry.previous += uses;
    else {
      entry.counts.set(bucket, (entry.counts.get(bucket) ?? 0) + uses);
      entry.bySource[source] += uses;
    }
  };

  // Hashtags: a `#` not inside a word or a link, then letters, digits or underscores (one
  // letter at least, so "#1" is not a tag); each text counts once per tag.
  const tagRows = rowsOf<{ tag: string; bucket: string | null; source: TrendSource; uses: number | string }>(
    await tx.execute(sql`
      select lower(m[2]) as tag, t.bucket, t.source, count(distinct t.key) as uses
      from (${texts}) as t(key, text, at, bucket, source),
        regexp_matches(t.text, '(^|[^[:alnum:]_&/])#([[:alnum:]_]*[[:alpha:]][[:alnum:]_]*)', 'g') as m
      group by 1, 2, 3`),
  );
  for (const row of tagRows) {
    add(tally(`#${normalizeHashtag(row.tag)}`, 'hashtag'), row.bucket, row.source, Number(row.uses));
  }

  // Words, page by page in a stable order.
  const read = emptySources();
  let after: { at: string; key: string } | undefined;
  for (;;) {
    const page = rowsOf<{
      key: string;
      text: string;
      at: string;
      bucket: string | null;
      source: TrendSource;
    }>(
      await tx.execute(sql`
        select t.key, t.text, t.at::text as at, t.bucket, t.source
        from (${texts}) as t(key, text, at, bucket, source)
        ${after ? sql`where (t.at, t.key) > (${after.at}::timestamptz, ${after.key})` : sql``}
        order by t.at, t.key
        limit ${PAGE}`),
    );
    for (const row of page) {
      if (row.bucket !== null) read[row.source] += 1;
      for (const word of termsOf(row.text)) add(tally(word, 'word'), row.bucket, row.source, 1);
    }
    if (page.length < PAGE) break;
    const last = page.at(-1)!;
    after = { at: last.at, key: last.key };
  }

  const buckets = bucketsOf(current, query.bucket);
  const all: TrendTerm[] = [...tallies].flatMap(([key, entry]) => {
    const counts = buckets.map((bucket) => entry.counts.get(bucket) ?? 0);
    const total = counts.reduce((sum, n) => sum + n, 0);
    if (total === 0 && entry.previous === 0) return [];
    return [
      {
        term: key,
        kind: entry.kind,
        total,
        previous: entry.previous,
        growth: entry.previous === 0 ? null : round2(((total - entry.previous) / entry.previous) * 100),
        counts,
        bySource: entry.bySource,
      },
    ];
  });
  const growthRank = (t: TrendTerm) => t.growth ?? Number.MAX_VALUE;
  const byTerm = (a: TrendTerm, b: TrendTerm) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);
  const terms = all
    .filter((t) => t.total > 0)
    .sort((a, b) => b.total - a.total || byTerm(a, b))
    .slice(0, query.limit);
  // Rising: used at least twice now and more than before, by how many more uses, then by growth
  // (a term new this period, growth null, ranks above any that merely grew by the same count).
  const rising = all
    .filter((t) => t.total >= RISING_MIN_USES && t.total > t.previous)
    .sort(
      (a, b) =>
        b.total - b.previous - (a.total - a.previous) || growthRank(b) - growthRank(a) || byTerm(a, b),
    )
    .slice(0, query.limit);
  return { current, buckets, texts: read, terms, rising };
}

import { sql, type SQL } from 'drizzle-orm';
import { analytics, postPlatforms, posts, socialAccounts } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import { rowsOf } from '../../db/rows';
import type { ExportDataset } from '../../shared/analytics/export-columns';
import { POST_METRICS, type PostMetricName, type UnavailableMetrics } from '../../shared/analytics/metrics';
import type { Platform } from '../../shared/platforms/catalog';
import { ENGAGEMENT, ENGAGEMENT_RATE, LATEST_SNAPSHOT, metric, publishedTargets } from './latest-snapshot';
import { periodAndPrevious } from './period';

export interface ExportQuery {
  from: string;
  to: string;
  timeZone: string;
  accountIds?: string[];
  platforms?: Platform[];
  dataset: ExportDataset;
}

/** One exported row: a target (and, for `daily`, one of its days) with its figures. */
export interface ExportRow extends Record<PostMetricName, number | null> {
  /** The viewer-zone day of the figures (`daily` only). */
  day?: string;
  targetId: string;
  postId: string;
  platform: Platform;
  accountName: string | null;
  publishedAt: string;
  url: string | null;
  /** The text as published (`posts` only: a daily export would repeat it on every day). */
  text?: string;
  engagement: number | null;
  engagementRate: number | null;
  /** When the figures were synced (null before the first sync), and where they came from. */
  asOf: string | null;
  source: string | null;
  unavailable: UnavailableMetrics;
}

/** Rows fetched from the cursor per round trip: enough to amortise it, little to hold. */
export const EXPORT_BATCH_ROWS = 500;

const NOT_SYNCED: UnavailableMetrics = Object.fromEntries(
  POST_METRICS.map((name) => [name, 'No metrics were synced for this post yet.']),
);

/** An instant as ISO text in SQL: raw rows come back the same from postgres.js and PGlite. */
const iso = (value: SQL) => sql`to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The figures of `snapshot` (LATEST_SNAPSHOT or the daily lateral), as plain SQL columns. */
const FIGURE_COLUMNS = sql`${metric('impressions')} as impressions, ${metric('reach')} as reach,
  ${metric('likes')} as likes, ${metric('comments')} as comments, ${metric('shares')} as shares,
  ${metric('clicks')} as clicks, ${metric('saves')} as saves, ${metric('video_views')} as video_views,
  (${ENGAGEMENT})::float8 as engagement, (${ENGAGEMENT_RATE})::float8 as engagement_rate,
  ${iso(metric('recorded_at'))} as as_of, ${metric('source')} as source,
  ${metric('unavailable')}::text as unavailable`;

const TARGET_COLUMNS = sql`${postPlatforms.id} as target_id, ${posts.id} as post_id,
  ${socialAccounts.platform} as platform, ${socialAccounts.accountName} as account_name,
  ${iso(sql`${postPlatforms.publishedAt}`)} as published_at, ${postPlatforms.platformPostUrl} as url`;

const FROM_TARGETS = sql`from ${postPlatforms}
  join ${posts} on ${posts.id} = ${postPlatforms.postId}
  join ${socialAccounts} on ${socialAccounts.id} = ${postPlatforms.socialAccountId}`;

/**
 * Each snapshot day's last reading of the target (figures are running totals, so the day's
 * last one is where the day ended), days in the viewer's zone, within the range.
 */
function dailySnapshots(timeZone: string, start: Date, end: Date): SQL {
  return sql`lateral (
    select distinct on (day) (${analytics.recordedAt} at time zone ${timeZone})::date as day,
      ${analytics.impressionsCount} as impressions, ${analytics.reachCount} as reach,
      ${analytics.likesCount} as likes, ${analytics.commentsCount} as comments,
      ${analytics.sharesCount} as shares, ${analytics.clicksCount} as clicks,
      ${analytics.savesCount} as saves, ${analytics.videoViewsCount} as video_views,
      ${analytics.unavailable} as unavailable, ${analytics.recordedAt} as recorded_at,
      ${analytics.source} as source
    from ${analytics}
    where ${analytics.postPlatformId} = ${postPlatforms.id}
      and ${analytics.recordedAt} >= ${start.toISOString()} and ${analytics.recordedAt} < ${end.toISOString()}
    order by day, ${analytics.recordedAt} desc
  ) as snapshot`;
}

function exportQuery(organizationId: string, query: ExportQuery): SQL {
  const { current } = periodAndPrevious(query);
  const where = publishedTargets(organizationId, current, query);
  if (query.dataset === 'posts') {
    return sql`select ${TARGET_COLUMNS},
        coalesce(${postPlatforms.content}, ${posts.content}) as text, ${FIGURE_COLUMNS}
      ${FROM_TARGETS} left join ${LATEST_SNAPSHOT} on true
      where ${where}
      order by ${postPlatforms.publishedAt}, ${postPlatforms.id}`;
  }
  return sql`select to_char(snapshot.day, 'YYYY-MM-DD') as day, ${TARGET_COLUMNS}, ${FIGURE_COLUMNS}
    ${FROM_TARGETS} join ${dailySnapshots(query.timeZone, current.start, current.end)} on true
    where ${where}
    order by ${postPlatforms.publishedAt}, ${postPlatforms.id}, snapshot.day`;
}

/**
 * How many rows the export will have, counted up to `atMost + 1` and no further: enough to
 * tell a small export from a large one without paying for the large one twice. The same
 * joins as the export, without its figures or its order (a limit under an ORDER BY would sort
 * every row first).
 */
export async function countExportRows(
  tx: Transaction,
  organizationId: string,
  query: ExportQuery,
  atMost: number,
): Promise<number> {
  const { current } = periodAndPrevious(query);
  const where = publishedTargets(organizationId, current, query);
  const rows =
    query.dataset === 'posts'
      ? sql`select 1 ${FROM_TARGETS} where ${where}`
      : sql`select 1 ${FROM_TARGETS}
          join ${dailySnapshots(query.timeZone, current.start, current.end)} on true
          where ${where}`;
  const [counted] = rowsOf<{ rows: number | string }>(
    await tx.execute(sql`select count(*) as rows from (${rows} limit ${atMost + 1}) as bounded`),
  );
  return Number(counted?.rows ?? 0);
}

type RawRow = Record<string, unknown>;

const numberOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
const textOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

function toExportRow(raw: RawRow, dataset: ExportDataset): ExportRow {
  const asOf = textOrNull(raw.as_of);
  const row: ExportRow = {
    ...(dataset === 'daily' ? { day: String(raw.day) } : {}),
    targetId: String(raw.target_id),
    postId: String(raw.post_id),
    platform: raw.platform as Platform,
    accountName: textOrNull(raw.account_name),
    publishedAt: String(raw.published_at),
    url: textOrNull(raw.url),
    ...(dataset === 'posts' ? { text: String(raw.text ?? '') } : {}),
    impressions: numberOrNull(raw.impressions),
    reach: numberOrNull(raw.reach),
    likes: numberOrNull(raw.likes),
    comments: numberOrNull(raw.comments),
    shares: numberOrNull(raw.shares),
    clicks: numberOrNull(raw.clicks),
    saves: numberOrNull(raw.saves),
    videoViews: numberOrNull(raw.video_views),
    engagement: numberOrNull(raw.engagement),
    engagementRate: numberOrNull(raw.engagement_rate),
    asOf,
    source: textOrNull(raw.source),
    unavailable:
      asOf === null ? NOT_SYNCED : (JSON.parse(String(raw.unavailable ?? '{}')) as UnavailableMetrics),
  };
  return row;
}

/**
 * The organization's analytics rows for the viewer's days, read through a server-side cursor
 * (`DECLARE … CURSOR` / `FETCH`, the same SQL on PostgreSQL and PGlite) so that only one batch
 * is in memory however long the range: the caller writes each row out before the next batch is
 * fetched. Must be iterated inside the tenant transaction `tx` (a cursor lives as long as its
 * transaction); a range that runs backwards is refused before the cursor opens.
 */
export async function* exportRows(
  tx: Transaction,
  organizationId: string,
  query: ExportQuery,
  batchRows: number = EXPORT_BATCH_ROWS,
): AsyncGenerator<ExportRow> {
  const statement = exportQuery(organizationId, query);
  await tx.execute(sql`declare analytics_export no scroll cursor for ${statement}`);
  try {
    for (;;) {
      const batch = rowsOf<RawRow>(
        await tx.execute(sql`fetch forward ${sql.raw(String(batchRows))} from analytics_export`),
      );
      for (const raw of batch) yield toExportRow(raw, query.dataset);
      if (batch.length < batchRows) break;
    }
  } finally {
    // A reader that stops early (the client went away) leaves the transaction usable.
    await tx.execute(sql`close analytics_export`).catch(() => undefined);
  }
}

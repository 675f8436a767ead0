import { Temporal } from 'temporal-polyfill';
import { and, asc, eq, gte, isNull, lt, notInArray, sql } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared-query';
import { postPlatforms, posts, socialAccounts, type PostTargetStatus } from '../../db/schema';
import type { Platform } from '../../shared/platforms/catalog';
import type { Transaction } from '../../db/tenant';
import { InvalidInputError } from '../errors';
import { dayRange, localDay, wallTime } from '../publishing/schedule-time';

/** The longest range the calendar answers, in days. */
export const CALENDAR_MAX_DAYS = 62;

const when = sql<Date>`coalesce(${postPlatforms.publishedAt}, ${postPlatforms.scheduledAt})`;

/** The organization's live targets in [start, end), by when they go (or went) out; built once. */
const calendarEntries = preparedQuery('calendar_entries', (tx) =>
  tx
    .select({
      postId: posts.id,
      targetId: postPlatforms.id,
      status: postPlatforms.status,
      platform: socialAccounts.platform,
      accountName: socialAccounts.accountName,
      title: posts.title,
      content: posts.content,
      variant: postPlatforms.content,
      publishedAt: postPlatforms.publishedAt,
      scheduledAt: postPlatforms.scheduledAt,
    })
    .from(postPlatforms)
    .innerJoin(posts, eq(posts.id, postPlatforms.postId))
    .innerJoin(socialAccounts, eq(socialAccounts.id, postPlatforms.socialAccountId))
    .where(
      and(
        eq(postPlatforms.organizationId, sql.placeholder('organizationId')),
        isNull(posts.deletedAt),
        notInArray(postPlatforms.status, ['draft', 'cancelled']),
        gte(when, sql`${sql.placeholder('start')}::timestamptz`),
        lt(when, sql`${sql.placeholder('end')}::timestamptz`),
      ),
    )
    .orderBy(asc(when), asc(postPlatforms.id)),
);

export interface CalendarEntry {
  postId: string;
  targetId: string;
  status: PostTargetStatus;
  platform: Platform;
  accountName: string | null;
  title: string | null;
  excerpt: string;
  at: Date;
  /** The viewer's calendar day (YYYY-MM-DD) and wall-clock time (HH:MM) of `at`. */
  day: string;
  localTime: string;
}

/**
 * Targets scheduled or published in the viewer's days `from`..`to`, placed on the viewer's
 * calendar: the range and each entry's day and time are computed in the viewer's zone (a day
 * is 23 or 25 hours long across a DST change), never by adding fixed hours.
 */
export async function calendarOf(
  tx: Transaction,
  organizationId: string,
  range: { from: string; to: string; timeZone: string },
): Promise<CalendarEntry[]> {
  const { from, to, timeZone } = range;
  const days = Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;
  if (days < 0 || days > CALENDAR_MAX_DAYS) {
    throw new InvalidInputError(`The range must run forward and span at most ${CALENDAR_MAX_DAYS} days.`, [
      { field: 'query.to', message: `Between from and ${CALENDAR_MAX_DAYS} days after it` },
    ]);
  }
  const { start, end } = dayRange(from, to, timeZone);
  const rows = await calendarEntries(tx, {
    organizationId,
    start: start.toISOString(),
    end: end.toISOString(),
  });
  return rows.map((row) => {
    const at = (row.publishedAt ?? row.scheduledAt)!;
    return {
      postId: row.postId,
      targetId: row.targetId,
      status: row.status,
      platform: row.platform,
      accountName: row.accountName,
      title: row.title,
      excerpt: (row.variant ?? row.content).slice(0, 140),
      at,
      day: localDay(at, timeZone),
      localTime: wallTime(at, timeZone).slice(11, 16),
    };
  });
}

import { Temporal } from '@js-temporal/polyfill';
import { and, asc, eq, gte, isNull, lt, notInArray, sql } from 'drizzle-orm';
import { dayRange, localDay, wallTime } from '../../../core/publishing/schedule-time';
import { postPlatforms, posts, socialAccounts } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { HttpProblem } from '../../problem';

const MAX_DAYS = 62;

/**
 * Targets scheduled or published in the viewer's days `from`..`to`, placed on the viewer's
 * calendar: the range and each entry's day and time are computed in the viewer's zone (a day
 * is 23 or 25 hours long across a DST change), never by adding fixed hours.
 */
export const getCalendar: Operation<'getCalendar'> = async ({ query }, { container, auth }) => {
  const { from, to, timeZone } = query;
  const days = Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;
  if (days < 0 || days > MAX_DAYS) {
    throw new HttpProblem(
      400,
      'validation_failed',
      `The range must run forward and span at most ${MAX_DAYS} days.`,
      {
        errors: [{ field: 'query.to', message: `Between from and ${MAX_DAYS} days after it` }],
      },
    );
  }
  const { start, end } = dayRange(from, to, timeZone);
  const orgId = auth.organizationId;
  const when = sql<Date>`coalesce(${postPlatforms.publishedAt}, ${postPlatforms.scheduledAt})`;
  const rows = await withTenant(container.db, orgId, (tx) =>
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
          eq(postPlatforms.organizationId, orgId),
          isNull(posts.deletedAt),
          notInArray(postPlatforms.status, ['draft', 'cancelled']),
          gte(when, sql`${start.toISOString()}::timestamptz`),
          lt(when, sql`${end.toISOString()}::timestamptz`),
        ),
      )
      .orderBy(asc(when), asc(postPlatforms.id)),
  );
  return {
    body: {
      timeZone,
      entries: rows.map((row) => {
        const at = (row.publishedAt ?? row.scheduledAt)!;
        return {
          postId: row.postId,
          targetId: row.targetId,
          status: row.status,
          platform: row.platform,
          accountName: row.accountName,
          title: row.title,
          excerpt: (row.variant ?? row.content).slice(0, 140),
          at: at.toISOString(),
          day: localDay(at, timeZone),
          localTime: wallTime(at, timeZone).slice(11, 16),
        };
      }),
    },
  };
};

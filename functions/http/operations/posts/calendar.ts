import { calendarOf } from '../../../core/posts/calendar';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';

/** The viewer's calendar of a date range (core/posts/calendar.ts). */
export const getCalendar: Operation<'getCalendar'> = async ({ query }, { container, auth }) => {
  const entries = await withTenant(container.db, auth.organizationId, (tx) =>
    calendarOf(tx, auth.organizationId, query),
  );
  return {
    body: {
      timeZone: query.timeZone,
      entries: entries.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
    },
  };
};

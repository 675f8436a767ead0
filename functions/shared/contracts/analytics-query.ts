import * as z from 'zod';
import { PLATFORM_IDS } from '../platforms/catalog';
import { calendarDate, timeZone } from './common';

/** A comma-separated list in a query string (`a,b,c`), each item checked by `item`. */
export function listQuery<Item extends z.ZodType<unknown, string>>(item: Item, max: number) {
  return z
    .string()
    .max(max * 40)
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part.length > 0),
    )
    .pipe(z.array(item).min(1).max(max));
}

/** What every analytics read takes: a range of the viewer's days, accounts and networks. */
export const rangeQuery = z
  .object({
    from: calendarDate.describe('First day, in the viewer zone'),
    to: calendarDate.describe('Last day (inclusive), in the viewer zone; at most 730 days after `from`'),
    timeZone: timeZone.describe("The viewer's zone: days start and end at its midnight"),
    accountIds: listQuery(z.uuid(), 100).optional().describe('Only these accounts (comma-separated ids)'),
    platforms: listQuery(z.enum(PLATFORM_IDS), PLATFORM_IDS.length)
      .optional()
      .describe('Only these networks (comma-separated)'),
  })
  .strict();

/** A figure that is null, never 0, where the network gives nothing. */
export const figure = (what: string) =>
  z.number().nullable().describe(`${what}; null where it cannot be given (the reason is in \`unavailable\`)`);

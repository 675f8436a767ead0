import { Temporal } from 'temporal-polyfill';
import type { PostOutcome } from '../../../../functions/core/agents/post-outcomes';

export const ACCOUNT = '00000000-0000-4000-8000-00000000000a';
export const OTHER_ACCOUNT = '00000000-0000-4000-8000-00000000000b';

let counter = 0;

/** A measured post: published at a local wall time in a zone, figures read 10 days later. */
export function outcome(input: {
  local: string;
  timeZone: string;
  engagement: number | null;
  followers?: number | null;
  account?: string;
  asOfDays?: number | null;
}): PostOutcome {
  counter += 1;
  const publishedAt = new Date(
    Temporal.PlainDateTime.from(input.local).toZonedDateTime(input.timeZone).epochMilliseconds,
  );
  const asOfDays = input.asOfDays === undefined ? 10 : input.asOfDays;
  return {
    targetId: `t${counter}`,
    postId: `p${counter}`,
    socialAccountId: input.account ?? ACCOUNT,
    platform: 'sandbox',
    publishedAt,
    text: 'post',
    mediaCount: 0,
    engagement: input.engagement,
    impressions: null,
    followersAtPublish: input.followers === undefined ? 1000 : input.followers,
    asOf: asOfDays === null ? null : new Date(publishedAt.getTime() + asOfDays * 86_400_000),
  };
}

/** The local dates of `count` consecutive weeks' given ISO weekday (1 = Monday) from a start date. */
export function weekly(start: string, isoWeekday: number, count: number): string[] {
  let date = Temporal.PlainDate.from(start);
  while (date.dayOfWeek !== isoWeekday) date = date.add({ days: 1 });
  return Array.from({ length: count }, (_, i) => date.add({ weeks: i }).toString());
}

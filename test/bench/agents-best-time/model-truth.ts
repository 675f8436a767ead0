import { Temporal } from 'temporal-polyfill';
import { engagementProfile } from '../../../functions/platforms/sandbox/engagement-model';

const WEEKS = 4;

/**
 * What the Sandbox model expects of a post in each weekly slot of an account: the model's
 * `timing` factor (decay-weighted audience activity over the post's life, network curve plus
 * the account's rhythm and the season), for a post published at half past the hour, averaged
 * over the four weeks before `end`. Reach and so engagement are proportional to it with
 * everything else equal, so ratios of these are ratios of expected engagement.
 */
export function modelSlotTiming(handle: string, timeZone: string, end: Date): Float64Array {
  const values = new Float64Array(168);
  const last = Temporal.Instant.fromEpochMilliseconds(end.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
  for (let day = 1; day <= WEEKS * 7; day += 1) {
    const date = last.subtract({ days: day });
    for (let hour = 0; hour < 24; hour += 1) {
      const zoned = date
        .toPlainDateTime({ hour, minute: 30 })
        .toZonedDateTime(timeZone, { disambiguation: 'earlier' });
      const slot = (zoned.dayOfWeek % 7) * 24 + zoned.hour;
      const profile = engagementProfile({
        id: 'bench-best-time',
        kind: 'post',
        text: '',
        media: [],
        threadReplies: 0,
        publishedAt: new Date(zoned.epochMilliseconds),
        followers: 1000,
        timeZone,
        handle,
      });
      values[slot] = values[slot]! + profile.timing / WEEKS;
    }
  }
  return values;
}

/** 1 - expected engagement of the slot / that of the model's best slot: 0 is no loss. */
export function regretOf(timing: Float64Array, slot: number): number {
  return 1 - timing[slot]! / Math.max(...timing);
}

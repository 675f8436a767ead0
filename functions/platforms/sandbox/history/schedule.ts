import { localTimeWithOffset } from '../audience-activity';
import type { PlannedAccount } from './accounts';
import { DAY_MS, HOUR_MS, localDayNumber, postingFactor, utcOfLocal } from './calendar';
import { draws } from './random';

/**
 * When an account published: `count` of its weekly slot occurrences between `start` and `end`
 * (fewer only if there are not enough), each at a random minute of its hour, oldest first. In
 * the seasons it posts less in, each occurrence is first kept only with the season's posting
 * factor (calendar.ts), so the rate there really is that share of the usual one; then `count`
 * are drawn uniformly from what is left.
 */
export function postTimes(
  account: PlannedAccount,
  seed: string,
  window: { start: Date; end: Date },
  count: number,
): Date[] {
  const random = draws(seed, `times:${account.handle}`);
  const first = localDayNumber(window.start, account.timeZone);
  const last = localDayNumber(window.end, account.timeZone);
  const candidates: { at: Date; key: number }[] = [];
  for (let day = first; day <= last; day += 1) {
    const weekday = localTimeWithOffset(day * DAY_MS, 0).weekday;
    const weight = postingFactor(day);
    for (const slot of account.slots) {
      if (slot.weekday !== weekday) continue;
      const minute = random.int(0, 59);
      const kept = random.uniform() < weight;
      const key = random.uniform();
      if (!kept) continue;
      const at = utcOfLocal(day * DAY_MS + slot.hour * HOUR_MS + minute * 60_000, account.timeZone);
      if (at < window.start || at >= window.end) continue;
      candidates.push({ at, key });
    }
  }
  return candidates
    .sort((a, b) => b.key - a.key)
    .slice(0, count)
    .map((c) => c.at)
    .sort((a, b) => a.getTime() - b.getTime());
}

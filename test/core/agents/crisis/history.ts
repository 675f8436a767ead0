import type { SentimentLabel } from '../../../../functions/db/schema/listening';
import type { CrisisMention } from '../../../../functions/core/agents/crisis';

export const HOUR = 3_600_000;

/**
 * A made-up mention history with known counts: for each UTC hour in [from, from + days),
 * `perHour(hourOfDay, index)` mentions at 20 minutes past, labelled in turn from `labels`
 * (so the negative share is exact: one 'negative' in five labels is 20 %).
 */
export function regularHistory(options: {
  from: string;
  days: number;
  perHour: (hourOfDay: number, hourIndex: number) => number;
  labels?: readonly (SentimentLabel | null)[];
}): CrisisMention[] {
  const labels = options.labels ?? ['positive', 'neutral', 'neutral', 'positive', 'negative'];
  const start = new Date(options.from).getTime();
  const mentions: CrisisMention[] = [];
  for (let i = 0; i < options.days * 24; i += 1) {
    const at = start + i * HOUR;
    const count = options.perHour(new Date(at).getUTCHours(), i);
    for (let k = 0; k < count; k += 1)
      mentions.push({
        at: new Date(at + 20 * 60_000 + k * 1000),
        label: labels[mentions.length % labels.length]!,
      });
  }
  return mentions;
}

/** `count` mentions spread over the hours [from, from + hours), all with `label`. */
export function burst(
  from: string,
  hours: number,
  count: number,
  label: SentimentLabel | null,
): CrisisMention[] {
  const start = new Date(from).getTime();
  return Array.from({ length: count }, (_, i) => ({
    at: new Date(start + Math.floor((i * hours * HOUR) / count) + 60_000),
    label,
  }));
}

/** Daytime chatter: two mentions an hour from 08:00 to 19:59 UTC, none at night. */
export const daytime = (hourOfDay: number) => (hourOfDay >= 8 && hourOfDay < 20 ? 2 : 0);

import type { AlertLevel } from './alert-rules';

/** A span of hours with a raised alert. Hours since the epoch, `toHour` exclusive. */
export interface Episode {
  fromHour: number;
  toHour: number;
  /** The highest level reached, and the first hour it was reached. */
  peak: AlertLevel;
  peakHour: number;
}

/**
 * Runs of raised hours in an hourly series of levels (one per consecutive hour from
 * `firstHour`), merged when fewer than `mergeGap` calm hours separate them: how a person would
 * count alerts, and how the naive rules get the same hysteresis as the detector.
 */
export function episodesOf(levels: readonly AlertLevel[], firstHour: number, mergeGap = 1): Episode[] {
  const episodes: Episode[] = [];
  let open: Episode | null = null;
  let calm = 0;
  levels.forEach((level, i) => {
    const hour = firstHour + i;
    if (level === 'none') {
      calm += 1;
      if (open && calm >= mergeGap) {
        episodes.push(open);
        open = null;
      }
      return;
    }
    calm = 0;
    if (!open) open = { fromHour: hour, toHour: hour + 1, peak: level, peakHour: hour };
    open.toHour = hour + 1;
    if (level === 'crisis' && open.peak !== 'crisis') {
      open.peak = 'crisis';
      open.peakHour = hour;
    }
  });
  if (open) episodes.push(open);
  return episodes;
}

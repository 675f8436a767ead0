import type { AccountBestTimes, SlotBasis } from '../task-outputs';

/** Monday first, as the analytics heatmap; the agent numbers weekdays from Sunday (0). */
const WEEKDAYS: [number, string][] = [
  [1, 'Monday'],
  [2, 'Tuesday'],
  [3, 'Wednesday'],
  [4, 'Thursday'],
  [5, 'Friday'],
  [6, 'Saturday'],
  [0, 'Sunday'],
];
const CAPTION = (zone: string) =>
  `Expected engagement against the account’s usual (×1) by weekday and hour (${zone}). Outlined: the three best slots; hatched: no post of yours there, the prior alone.`;
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const BASIS: Record<SlotBasis, string> = {
  posts: 'from your posts',
  'posts and prior': 'your posts and the prior',
  prior: 'prior only',
};

/**
 * Expected engagement against the account's usual (×1 = usual) by weekday and hour in the
 * audience's zone. A table, so each cell's figures are read out; the shade repeats them, and
 * slots without posts of yours (prior only) are hatched.
 */
export function BestTimeHeatmap({ account }: { account: AccountBestTimes }) {
  const { multiplier, posts, basis } = account.grid;
  const values = multiplier.flat();
  const low = Math.min(...values);
  const high = Math.max(...values);
  const top = new Set(account.ranked.slice(0, 3).map((slot) => `${slot.weekday}-${slot.hour}`));
  return (
    <figure className="min-w-0" data-testid="best-time-heatmap">
      <figcaption aria-hidden="true" className="mb-2 text-xs text-slate-500">
        {CAPTION(account.timeZone)}
      </figcaption>
      <div className="relative overflow-x-auto">
        <table className="border-separate border-spacing-0.5 text-[11px]">
          <caption className="sr-only">{CAPTION(account.timeZone)}</caption>
          <thead>
            <tr>
              <td />
              {HOURS.map((hour) => (
                <th key={hour} scope="col" className="min-w-7 font-normal text-slate-500">
                  {hour}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map(([weekday, name]) => (
              <tr key={name}>
                <th scope="row" className="pr-2 text-left font-normal text-slate-600">
                  {name.slice(0, 3)}
                </th>
                {HOURS.map((hour) => {
                  const value = multiplier[weekday]?.[hour] ?? 1;
                  const share = high > low ? (value - low) / (high - low) : 0;
                  const cellBasis = basis[weekday]?.[hour] ?? 'prior';
                  const best = top.has(`${weekday}-${hour}`);
                  return (
                    <td
                      key={hour}
                      data-best={best || undefined}
                      className={`h-6 min-w-7 rounded-sm px-0.5 text-center whitespace-nowrap tabular-nums ${best ? 'ring-2 ring-amber-500' : ''}`}
                      style={{
                        backgroundColor: `rgba(79, 70, 229, ${0.06 + share * 0.8})`,
                        backgroundImage:
                          cellBasis === 'prior'
                            ? 'repeating-linear-gradient(45deg, rgba(255,255,255,0.45) 0 2px, transparent 2px 5px)'
                            : undefined,
                      }}
                      title={`${name} ${hour}:00 · ×${value.toFixed(2)} · ${posts[weekday]?.[hour] ?? 0} posts · ${BASIS[cellBasis]}`}
                    >
                      <span aria-hidden="true" className={share > 0.55 ? 'text-white' : 'text-slate-700'}>
                        {value.toFixed(1)}
                      </span>
                      <span className="sr-only">
                        {`${name} ${hour}:00: ×${value.toFixed(2)}, ${posts[weekday]?.[hour] ?? 0} posts, ${BASIS[cellBasis]}${best ? ', one of the best three' : ''}`}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

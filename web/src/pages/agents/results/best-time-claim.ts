import type { BestTimeBacktest } from '../task-outputs';

const PERCENT = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const pct = (fraction: number) => `${PERCENT.format(fraction * 100)} %`;

/**
 * The backtest in one sentence, next to the advice: "Over your last 12 weeks these slots beat
 * your usual times by 18 % (95 % interval 4 % to 31 %)", a loss said as a loss, or why the
 * history cannot tell.
 */
export function bestTimeClaim(backtest: BestTimeBacktest, asOf: string | null): string {
  if (!backtest.supported) return `No backtest: ${backtest.reason}`;
  const end = asOf ? new Date(asOf).getTime() : Date.now();
  const weeks = Math.max(1, Math.round((end - new Date(backtest.cut).getTime()) / (7 * 86_400_000)));
  const span = `Over your last ${weeks} ${weeks === 1 ? 'week' : 'weeks'}`;
  const interval = backtest.interval
    ? ` (95 % interval ${pct(backtest.interval.low)} to ${pct(backtest.interval.high)})`
    : '';
  const posts = ` on ${backtest.n.model} posts in these slots and ${backtest.n.baseline} at your usual times`;
  const verb = backtest.improvement >= 0 ? 'beat' : 'trailed';
  return `${span} these slots ${verb} your usual times by ${pct(Math.abs(backtest.improvement))}${interval}${posts}.`;
}

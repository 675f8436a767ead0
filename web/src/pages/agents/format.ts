/** Figures of the agents pages as people read them. */
const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 4 });
const USD_WHOLE = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const NUMBER = new Intl.NumberFormat();
const ONE = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const TWO = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const SIGNED = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/** Small task costs keep four decimals (a model call is often a fraction of a cent). */
export const formatCost = (usd: number | null | undefined) => (usd == null ? '—' : USD.format(usd));
export const formatBudget = (usd: number) => USD_WHOLE.format(usd);
export const formatCount = (value: number | null | undefined) => (value == null ? '—' : NUMBER.format(value));
export const formatOne = (value: number) => ONE.format(value);
export const formatTwo = (value: number) => TWO.format(value);
/** A fraction (0.12) as a signed percent ("+12 %"). */
export const formatGain = (fraction: number) => `${SIGNED.format(fraction * 100)} %`;
/** A percent already in percent (12) as a signed percent. */
export const formatPercent = (percent: number) => `${SIGNED.format(percent)} %`;
/** A multiplier (1.23) as "×1.23". */
export const formatTimes = (multiplier: number) => `×${TWO.format(multiplier)}`;

export function formatDuration(ms: number | null | undefined): string {
  if (ms == null) return '—';
  if (ms < 1000) return `${NUMBER.format(ms)} ms`;
  return `${ONE.format(ms / 1000)} s`;
}

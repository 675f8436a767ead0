import type { CounterTone } from './target-checks';

const TONE_CLASS: Record<CounterTone, string> = {
  ok: 'text-slate-500',
  near: 'text-amber-700',
  over: 'text-rose-700 font-semibold',
};

/** "123 / 500", amber near the limit and red past it; the colour is never the only signal. */
export function CharacterCounter({
  used,
  limit,
  tone,
  label,
}: {
  used: number;
  limit: number;
  tone: CounterTone;
  /** Whose counter this is, for screen readers ("Sandbox, @ada"). */
  label: string;
}) {
  const over = used - limit;
  return (
    <span
      data-testid="character-counter"
      data-tone={tone}
      className={`text-xs tabular-nums ${TONE_CLASS[tone]}`}
      aria-label={`${label}: ${used} of ${limit} characters${over > 0 ? `, ${over} too many` : ''}`}
    >
      {used.toLocaleString()} / {limit.toLocaleString()}
      {over > 0 ? ` (${over.toLocaleString()} over)` : null}
    </span>
  );
}

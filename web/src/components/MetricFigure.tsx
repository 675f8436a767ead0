const NUMBER = new Intl.NumberFormat();

/**
 * A metric as the API gives it: the number, or a dash that says why the network gave none
 * (hover, or read by a screen reader). Never shows a missing figure as 0.
 */
export function MetricFigure({ value, reason }: { value: number | null; reason: string | undefined }) {
  if (value !== null) return <>{NUMBER.format(value)}</>;
  const why = reason ?? 'Not available.';
  return (
    <span title={why} className="cursor-help text-slate-400">
      <span aria-hidden="true">—</span>
      <span className="sr-only">Not available: {why}</span>
    </span>
  );
}

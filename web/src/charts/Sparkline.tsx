import { Line, LineChart, type DotItemDotProps } from 'recharts';
import { formatCell } from './ChartTable';

/**
 * A post's engagement at each sync as a tiny line. Screen readers get the figures as text
 * instead of the drawing.
 */
export function Sparkline({
  values,
  label,
  width = 96,
  height = 28,
}: {
  values: readonly (number | null)[];
  /** What the values are ("Engagement at each sync"). */
  label: string;
  width?: number;
  height?: number;
}) {
  if (values.length === 0) return <span className="text-xs text-slate-400">No syncs yet</span>;
  // A value with a gap (or the end) on both sides has no segment to draw: a dot shows it instead
  // (one sync, or one day with posts in a period).
  const isolated = (index: number) =>
    values[index] !== null && (values[index - 1] ?? null) === null && (values[index + 1] ?? null) === null;
  const dot = ({ cx, cy, index }: DotItemDotProps) =>
    isolated(index) && cx !== undefined && cy !== undefined ? (
      <circle key={index} cx={cx} cy={cy} r={1.75} fill="#4f46e5" />
    ) : (
      <g key={index} />
    );
  return (
    <span className="inline-block align-middle" data-chart="sparkline" data-values={values.join(',')}>
      <span aria-hidden="true" className="block">
        <LineChart width={width} height={height} data={values.map((value, index) => ({ index, value }))}>
          <Line
            type="monotone"
            dataKey="value"
            stroke="#4f46e5"
            strokeWidth={1.5}
            dot={dot}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </span>
      <span className="sr-only">{`${label}: ${values.map(formatCell).join(', ')}`}</span>
    </span>
  );
}

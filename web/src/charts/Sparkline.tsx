import { Line, LineChart } from 'recharts';
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
  return (
    <span className="inline-block align-middle" data-chart="sparkline" data-values={values.join(',')}>
      <span aria-hidden="true" className="block">
        <LineChart width={width} height={height} data={values.map((value, index) => ({ index, value }))}>
          <Line
            type="monotone"
            dataKey="value"
            stroke="#4f46e5"
            strokeWidth={1.5}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </span>
      <span className="sr-only">{`${label}: ${values.map(formatCell).join(', ')}`}</span>
    </span>
  );
}

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartTable } from './ChartTable';
import { AXIS_TICK, colourAt } from './palette';

export interface TrendSeries {
  /** Key of the value in each point. */
  key: string;
  label: string;
  /** A comparison line (the period before) is dashed. */
  dashed?: boolean;
  colour?: string;
}

export type TrendPoint = { label: string } & Record<string, number | null | string>;

/**
 * Lines over days (or any ordered labels). A null is a gap in the line, not a drop to 0: the
 * network gave nothing for that day. The same figures are in a hidden table for screen readers.
 */
export function TrendChart({
  title,
  points,
  series,
  height = 240,
}: {
  /** Names the chart (its table's caption, the figure's label). */
  title: string;
  points: readonly TrendPoint[];
  series: readonly TrendSeries[];
  height?: number;
}) {
  return (
    <figure aria-label={title} className="relative" data-chart="trend">
      <div aria-hidden="true" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={[...points]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="label" tick={AXIS_TICK} tickLine={false} minTickGap={24} />
            <YAxis tick={AXIS_TICK} tickLine={false} axisLine={false} width={44} allowDecimals={false} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((line, index) => (
              <Line
                key={line.key}
                type="monotone"
                dataKey={line.key}
                name={line.label}
                stroke={line.colour ?? colourAt(index)}
                strokeWidth={2}
                strokeDasharray={line.dashed ? '4 3' : undefined}
                dot={points.length <= 31 ? { r: 2 } : false}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ChartTable
        caption={title}
        columns={['', ...series.map((line) => line.label)]}
        rows={points.map((point) => [
          point.label,
          ...series.map((line) => (point[line.key] as number | null | undefined) ?? null),
        ])}
      />
    </figure>
  );
}

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { ChartTable, formatCell } from './ChartTable';
import { AXIS_TICK, colourAt } from './palette';

export interface BarDatum {
  label: string;
  value: number | null;
}

/**
 * Horizontal bars with their values written at the end (an SVG text each, so the numbers are
 * read off the drawing too), and the same figures in a hidden table. A null has no bar and
 * says "no data".
 */
export function BarsChart({
  title,
  bars,
  unit = '',
  colourIndex = 0,
}: {
  title: string;
  bars: readonly BarDatum[];
  /** Written after each value ("%"). */
  unit?: string;
  colourIndex?: number;
}) {
  const height = Math.max(80, bars.length * 28 + 16);
  return (
    <figure aria-label={title} className="relative" data-chart="bars">
      <div aria-hidden="true" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={[...bars]} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 4 }}>
            <CartesianGrid stroke="#e2e8f0" horizontal={false} />
            <XAxis type="number" hide />
            <YAxis type="category" dataKey="label" tick={AXIS_TICK} tickLine={false} width={96} />
            <Bar dataKey="value" fill={colourAt(colourIndex)} isAnimationActive={false} radius={[0, 3, 3, 0]}>
              <LabelList
                dataKey="value"
                position="right"
                className="chart-value"
                style={{ fontSize: 11, fill: '#334155' }}
                formatter={(value: unknown) =>
                  typeof value === 'number' ? `${formatCell(value)}${unit}` : 'no data'
                }
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartTable
        caption={title}
        columns={['', unit ? `Value (${unit})` : 'Value']}
        rows={bars.map((bar) => [bar.label, bar.value])}
      />
    </figure>
  );
}

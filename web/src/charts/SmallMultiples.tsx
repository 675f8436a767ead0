import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';
import { ChartTable } from './ChartTable';
import { colourAt } from './palette';

export interface SmallMultiple {
  label: string;
  /** One value per bucket, in the order of `buckets`; null is a gap. */
  values: readonly (number | null)[];
  /** A short line under the label ("42 uses, +30 %"). */
  note?: string;
}

/**
 * One tiny line per series over the same buckets, side by side, each on its own scale (the shape
 * over time is what to compare; the numbers are written under each label and in the hidden
 * table). Each line fills its grid cell, so a phone gets one column instead of a wider page.
 */
export function SmallMultiples({
  title,
  buckets,
  items,
}: {
  /** Names the whole figure and its table alternative. */
  title: string;
  /** The buckets' labels, in order (the table's columns). */
  buckets: readonly string[];
  items: readonly SmallMultiple[];
}) {
  return (
    <figure aria-label={title} className="relative" data-chart="small-multiples">
      <ul aria-hidden="true" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {items.map((item, index) => (
          <li key={item.label} className="min-w-0 rounded-lg p-3 ring-1 ring-slate-200">
            <p className="truncate text-sm font-medium text-slate-900">{item.label}</p>
            {item.note ? <p className="truncate text-xs text-slate-500">{item.note}</p> : null}
            <div className="mt-2 h-10">
              <ResponsiveContainer width="100%" height="100%">
                <LineChart
                  data={item.values.map((value, bucket) => ({ bucket, value }))}
                  margin={{ top: 2, right: 2, bottom: 2, left: 2 }}
                >
                  <YAxis hide domain={[0, 'dataMax']} />
                  <Line
                    type="monotone"
                    dataKey="value"
                    stroke={colourAt(index)}
                    strokeWidth={1.5}
                    dot={false}
                    connectNulls={false}
                    isAnimationActive={false}
                  />
                </LineChart>
              </ResponsiveContainer>
            </div>
          </li>
        ))}
      </ul>
      <ChartTable
        caption={title}
        columns={['', ...buckets]}
        rows={items.map((item) => [item.label, ...item.values])}
      />
    </figure>
  );
}

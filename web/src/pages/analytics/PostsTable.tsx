import { Link } from 'react-router';
import { MetricFigure } from '../../components/MetricFigure';
import { formatDateTime } from '../../lib/dates';
import type { components } from '../../api/schema.gen';

type Row = components['schemas']['PostPerformance'];
export type PostSort =
  'publishedAt' | 'impressions' | 'engagement' | 'engagementRate' | 'likes' | 'comments' | 'shares';

const COLUMNS: ReadonlyArray<readonly [PostSort, string]> = [
  ['impressions', 'Impressions'],
  ['engagement', 'Engagement'],
  ['engagementRate', 'Rate %'],
  ['likes', 'Likes'],
  ['comments', 'Comments'],
  ['shares', 'Shares'],
];

/** The period's posts with their latest metrics; a column heading sorts by it. */
export function PostsTable({
  rows,
  sort,
  onSort,
  timeZone,
}: {
  rows: Row[];
  sort: PostSort;
  onSort: (sort: PostSort) => void;
  timeZone: string;
}) {
  if (rows.length === 0)
    return <p className="text-sm text-slate-600">No post was published in this period.</p>;
  const heading = (key: PostSort, label: string, align: string) => (
    <th
      key={key}
      scope="col"
      aria-sort={sort === key ? 'descending' : 'none'}
      className={`py-1.5 pr-4 font-medium ${align}`}
    >
      <button type="button" onClick={() => onSort(key)} className="hover:text-slate-900">
        {label}
        {sort === key ? ' ↓' : ''}
      </button>
    </th>
  );
  return (
    // `relative`: the screen-reader-only texts inside are absolutely positioned; without a
    // positioned scroll box they escape its clipping and widen the page on a phone.
    <div className="relative overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Posts of the period with their latest metrics</caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-1.5 pr-4 font-medium">
              Post
            </th>
            {heading('publishedAt', 'Published', '')}
            {COLUMNS.map(([key, label]) => heading(key, label, 'text-right'))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 text-slate-700">
          {rows.map((row) => (
            <tr key={row.targetId}>
              <td className="py-1.5 pr-4">
                <Link
                  to={`/posts/${row.postId}`}
                  className="line-clamp-2 max-w-xs text-brand-700 hover:underline"
                >
                  {row.title || row.text || 'Open post'}
                </Link>
                <span className="text-xs text-slate-500">
                  {row.platform}
                  {row.accountName ? ` · ${row.accountName}` : ''}
                </span>
              </td>
              <td className="py-1.5 pr-4 whitespace-nowrap">{formatDateTime(row.publishedAt, timeZone)}</td>
              {COLUMNS.map(([key]) => (
                <td key={key} className="py-1.5 pr-4 text-right tabular-nums">
                  <MetricFigure value={row[key] as number | null} reason={row.unavailable[key]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

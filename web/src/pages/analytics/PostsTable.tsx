import { Link } from 'react-router';
import { Sparkline } from '../../charts/Sparkline';
import { MetricFigure } from '../../components/MetricFigure';
import { formatDateTime } from '../../lib/dates';
import type { components } from '../../api/schema.gen';
import { PostThumbnail } from './PostThumbnail';

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

export type SortOrder = 'desc' | 'asc';

/**
 * The period's posts with their latest metrics, each with its text, first attachment and a
 * sparkline of its engagement at each sync; a column heading sorts by it (again: the other way).
 */
export function PostsTable({
  rows,
  sort,
  order = 'desc',
  onSort,
  timeZone,
}: {
  rows: Row[];
  sort: PostSort;
  order?: SortOrder;
  onSort: (sort: PostSort, order: SortOrder) => void;
  timeZone: string;
}) {
  if (rows.length === 0)
    return <p className="text-sm text-slate-600">No post was published in this period.</p>;
  const heading = (key: PostSort, label: string, align: string) => (
    <th
      key={key}
      scope="col"
      aria-sort={sort === key ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={`py-1.5 pr-4 font-medium ${align}`}
    >
      <button
        type="button"
        onClick={() => onSort(key, sort === key && order === 'desc' ? 'asc' : 'desc')}
        className="hover:text-slate-900"
      >
        {label}
        {sort === key ? (order === 'asc' ? ' ↑' : ' ↓') : ''}
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
            <th scope="col" className="py-1.5 pr-4 font-medium">
              Engagement over time
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 text-slate-700">
          {rows.map((row) => (
            <tr key={row.targetId}>
              <td className="py-1.5 pr-4">
                <div className="flex min-w-48 items-start gap-2">
                  <PostThumbnail mediaId={row.mediaId} />
                  <div className="min-w-0">
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
                  </div>
                </div>
              </td>
              <td className="py-1.5 pr-4 whitespace-nowrap">{formatDateTime(row.publishedAt, timeZone)}</td>
              {COLUMNS.map(([key]) => (
                <td key={key} className="py-1.5 pr-4 text-right tabular-nums">
                  <MetricFigure value={row[key] as number | null} reason={row.unavailable[key]} />
                </td>
              ))}
              <td className="py-1.5 pr-4">
                <Sparkline
                  values={row.sparkline.map((point) => point.engagement)}
                  label="Engagement at each sync"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { Card } from '../../components/Card';
import { QueryState } from '../../components/QueryState';
import { formatDateTime, formatRelative } from '../../lib/dates';
import { PlatformBadge } from '../../publishing/PlatformBadge';
import { calendarKey } from '../../publishing/query-keys';

const SHOWN = 5;

/** The next scheduled posts of the coming two weeks, from the calendar API. */
export function UpNextCard({ range }: { range: { from: string; to: string; timeZone: string } }) {
  const { api } = useServices();
  const calendar = useQuery({
    queryKey: calendarKey(range),
    queryFn: ({ signal }) => unwrap(api.GET('/posts/calendar', { params: { query: range }, signal })),
  });
  const now = Date.now();
  const next = (calendar.data?.entries ?? [])
    .filter((entry) => entry.status === 'scheduled' && Date.parse(entry.at) >= now)
    .sort((a, b) => a.at.localeCompare(b.at))
    .slice(0, SHOWN);
  return (
    <Card
      title="Up next"
      description="Scheduled posts of the next two weeks."
      aside={
        <Link to="/calendar" className="text-sm font-medium text-brand-700 hover:underline">
          Calendar
        </Link>
      }
    >
      <QueryState query={calendar} label="scheduled posts">
        {next.length === 0 ? (
          <p className="text-sm text-slate-600">
            Nothing is scheduled for the next two weeks.{' '}
            <Link to="/compose" className="font-medium text-brand-700 hover:underline">
              Compose a post
            </Link>
          </p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Next scheduled posts">
            {next.map((entry) => (
              <li key={entry.targetId} className="flex items-start gap-3 py-2.5 first:pt-0 last:pb-0">
                <PlatformBadge platform={entry.platform} />
                <div className="min-w-0 flex-1">
                  <Link
                    to={`/posts/${entry.postId}`}
                    className="line-clamp-2 text-sm text-slate-900 hover:underline"
                  >
                    {entry.title || entry.excerpt || 'Untitled post'}
                  </Link>
                  <p className="text-xs text-slate-500">
                    <time dateTime={entry.at}>{formatDateTime(entry.at, range.timeZone)}</time> (
                    {formatRelative(entry.at, now)}){entry.accountName ? ` · ${entry.accountName}` : ''}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Card>
  );
}

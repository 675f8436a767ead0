import { Link } from 'react-router';
import { Badge } from '../../components/Badge';
import { formatDateTime } from '../../lib/dates';
import { StatusBadge } from '../../publishing/StatusBadge';
import { STATUS_LOOK, type PostStatus } from '../../publishing/statuses';
import { usageLabel, type MediaUsage } from './usage-wording';

const isPostStatus = (status: string): status is PostStatus => status in STATUS_LOOK;

/** The posts that use a file, each linking to the post. */
export function UsageList({ usage, timeZone }: { usage: readonly MediaUsage[]; timeZone: string }) {
  if (usage.length === 0) return <p className="text-sm text-slate-500">No post uses this file yet.</p>;
  return (
    <ul aria-label="Posts using this file" className="space-y-2">
      {usage.map((use) => (
        <li key={use.postId} className="flex flex-wrap items-center gap-2 text-sm">
          <Link
            to={`/posts/${use.postId}`}
            className="min-w-0 truncate font-medium text-brand-700 hover:underline"
          >
            {usageLabel(use)}
          </Link>
          {isPostStatus(use.status) ? <StatusBadge status={use.status} /> : <Badge>{use.status}</Badge>}
          {use.scheduledAt ? (
            <span className="text-xs text-slate-500">{formatDateTime(use.scheduledAt, timeZone)}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

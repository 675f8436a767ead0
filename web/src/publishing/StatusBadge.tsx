import { Badge } from '../components/Badge';
import { STATUS_LOOK, type PostStatus } from './statuses';

export function StatusBadge({ status }: { status: PostStatus }) {
  const look = STATUS_LOOK[status];
  return (
    <span title={look.help} data-status={status}>
      <Badge tone={look.tone}>{look.label}</Badge>
    </span>
  );
}

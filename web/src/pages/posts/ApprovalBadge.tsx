import { Badge } from '../../components/Badge';
import { APPROVAL_LOOK, type ApprovalStatus } from './approval-look';

/** The approval status, or nothing for a post that needs none (most posts). */
export function ApprovalBadge({ status }: { status: ApprovalStatus }) {
  if (status === 'not_required') return null;
  return <Badge tone={APPROVAL_LOOK[status].tone}>{APPROVAL_LOOK[status].label}</Badge>;
}

/** Marks a post an agent wrote (it is always reviewed by a person). */
export function AiMark() {
  return (
    <span
      title="Written by an AI agent"
      className="inline-flex items-center rounded-md bg-violet-50 px-1.5 py-0.5 text-xs font-semibold text-violet-700 ring-1 ring-violet-200 ring-inset"
    >
      AI<span className="sr-only"> draft</span>
    </span>
  );
}

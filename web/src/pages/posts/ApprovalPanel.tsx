import { useId, useState } from 'react';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FormProblem } from '../../components/FormProblem';
import { INPUT_CLASS, inputRing } from '../../components/form/field-ids';
import { useSignedInUser } from '../../auth/use-session';
import { ApprovalBadge, AiMark } from './ApprovalBadge';
import { APPROVAL_LOOK, maySubmit } from './approval-look';
import { ReviewHistory } from './ReviewHistory';
import type { Post } from './types';
import { useMayApprove } from './use-approval-policy';
import { useReviewActions, type ReviewStep } from './use-review-actions';

/**
 * The post's approval: where it stands, the step each person may take (send for review;
 * approve or request changes for the roles the organization's policy names), and the thread.
 * One comment box serves every step: a request for changes needs it, the others take it.
 */
export function ApprovalPanel({
  post,
  timeZone,
  onAnnounce,
}: {
  post: Post;
  timeZone: string;
  onAnnounce: (message: string) => void;
}) {
  const id = useId();
  const { can } = useSignedInUser();
  const mayApprove = useMayApprove();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const review = useReviewActions(post.id, (message) => {
    setComment('');
    onAnnounce(message);
  });
  const status = post.approvalStatus;
  const writer = can('user');
  const take = (step: ReviewStep) => {
    const needsText = step === 'request-changes' || step === 'comments';
    setMissing(needsText && !comment.trim());
    if (needsText && !comment.trim()) return;
    review.run(step, comment);
  };

  return (
    <Card title="Approval" description={APPROVAL_LOOK[status].help}>
      <div className="flex flex-wrap items-center gap-2" data-testid="approval-status">
        <ApprovalBadge status={status} />
        {status === 'not_required' ? (
          <span className="text-sm text-slate-600">{APPROVAL_LOOK[status].label}</span>
        ) : null}
        {post.aiGenerated ? <AiMark /> : null}
      </div>
      <div className="mt-4">
        <ReviewHistory postId={post.id} timeZone={timeZone} />
      </div>
      {writer ? (
        <div className="mt-4 space-y-3">
          <FormProblem problem={review.problem} />
          <div>
            <label htmlFor={`${id}-comment`} className="block text-sm font-medium text-slate-700">
              Comment
            </label>
            <textarea
              id={`${id}-comment`}
              rows={3}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              aria-invalid={missing || undefined}
              aria-describedby={missing ? `${id}-missing` : undefined}
              className={`mt-1.5 ${INPUT_CLASS} ${inputRing(missing)} resize-y`}
            />
            {missing ? (
              <p id={`${id}-missing`} role="alert" className="mt-1 text-sm text-rose-700">
                Write what should change, or your comment.
              </p>
            ) : null}
          </div>
          <div className="flex flex-wrap gap-2">
            {status === 'in_review' && mayApprove ? (
              <>
                <Button busy={review.pending === 'approve'} onClick={() => take('approve')}>
                  Approve
                </Button>
                <Button
                  variant="secondary"
                  busy={review.pending === 'request-changes'}
                  onClick={() => take('request-changes')}
                >
                  Request changes
                </Button>
              </>
            ) : null}
            {maySubmit(status) && status !== 'not_required' ? (
              <Button busy={review.pending === 'submit'} onClick={() => take('submit')}>
                Send for review
              </Button>
            ) : null}
            <Button variant="secondary" busy={review.pending === 'comments'} onClick={() => take('comments')}>
              Comment
            </Button>
          </div>
        </div>
      ) : null}
    </Card>
  );
}

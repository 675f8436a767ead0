import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { FormProblem } from '../../components/FormProblem';
import { INPUT_CLASS, inputRing } from '../../components/form/field-ids';
import { formatRelative } from '../../lib/dates';
import { PlatformBadge } from '../../publishing/PlatformBadge';
import { AiMark } from '../posts/ApprovalBadge';
import { firstWords, postLabel } from '../posts/post-text';
import type { Post } from '../posts/types';
import { useReviewActions } from '../posts/use-review-actions';

/** One post awaiting review, with the quick decisions for those who may approve. */
export function QueueItem({
  post,
  author,
  mayApprove,
  onAnnounce,
}: {
  post: Post;
  author: string;
  mayApprove: boolean;
  onAnnounce: (message: string) => void;
}) {
  const id = useId();
  const label = postLabel(post);
  const [asking, setAsking] = useState(false);
  const [comment, setComment] = useState('');
  const review = useReviewActions(post.id, (message) => onAnnounce(`${label}: ${message}`));
  return (
    <li
      className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-xs"
      data-post-id={post.id}
      aria-label={label}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Link to={`/posts/${post.id}`} className="font-medium break-words text-slate-900 hover:underline">
          {label}
        </Link>
        {post.aiGenerated ? <AiMark /> : null}
      </div>
      <p className="mt-1 text-sm break-words text-slate-700">{firstWords(post.content, 200)}</p>
      <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
        <span>By {author}</span>
        <span>Written {formatRelative(post.createdAt)}</span>
        <span className="flex flex-wrap gap-1">
          {[...new Set(post.targets.map((t) => t.platform))].map((platform) => (
            <PlatformBadge key={platform} platform={platform} />
          ))}
        </span>
      </p>
      {mayApprove ? (
        <div className="mt-3 space-y-2">
          <FormProblem problem={review.problem} />
          <div className="flex flex-wrap gap-2">
            <Button size="sm" busy={review.pending === 'approve'} onClick={() => review.run('approve')}>
              Approve
            </Button>
            <Button
              size="sm"
              variant="secondary"
              aria-expanded={asking}
              onClick={() => setAsking((open) => !open)}
            >
              Request changes
            </Button>
          </div>
          {asking ? (
            <form
              className="space-y-2"
              aria-label={`Request changes to ${label}`}
              onSubmit={(event) => {
                event.preventDefault();
                if (comment.trim()) review.run('request-changes', comment);
              }}
            >
              <label htmlFor={`${id}-comment`} className="block text-sm font-medium text-slate-700">
                What should change
              </label>
              <textarea
                id={`${id}-comment`}
                rows={2}
                required
                value={comment}
                onChange={(event) => setComment(event.target.value)}
                className={`${INPUT_CLASS} ${inputRing(null)} resize-y`}
              />
              <Button
                type="submit"
                size="sm"
                variant="secondary"
                disabled={!comment.trim()}
                busy={review.pending === 'request-changes'}
              >
                Send the request
              </Button>
            </form>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

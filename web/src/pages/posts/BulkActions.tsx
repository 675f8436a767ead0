import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Notice } from '../../components/Notice';
import { POSTS_KEY } from '../../publishing/query-keys';
import { runBulk, summariseBulk, type BulkAction, type BulkSummary } from './bulk-results';

/**
 * Acts on the selected posts one request each, so one refusal (a post being published
 * right now answers 409) never hides the others' success.
 */
export function BulkActions({
  selection,
  onDone,
}: {
  selection: { postId: string; label: string }[];
  /** Called with the ids that succeeded, to drop them from the selection. */
  onDone: (succeeded: string[]) => void;
}) {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState<BulkAction | null>(null);
  const [summary, setSummary] = useState<BulkSummary | null>(null);

  const run = async (action: BulkAction) => {
    setRunning(action);
    setSummary(null);
    const outcomes = await runBulk(selection, (id) =>
      action === 'delete'
        ? unwrap(api.DELETE('/posts/{id}', { params: { path: { id } } }))
        : unwrap(api.POST('/posts/{id}/duplicate', { params: { path: { id } } })),
    );
    const result = summariseBulk(action, outcomes);
    setRunning(null);
    setConfirming(false);
    setSummary(result);
    onDone(result.succeeded);
    await queryClient.invalidateQueries({ queryKey: POSTS_KEY });
  };

  const count = selection.length;
  return (
    <div className="space-y-3">
      {count > 0 ? (
        <div
          role="region"
          aria-label="Selected posts"
          className="flex flex-wrap items-center gap-3 rounded-xl bg-brand-50 px-4 py-2.5 text-sm ring-1 ring-brand-100 ring-inset"
        >
          <p className="font-medium text-brand-900">
            {count} {count === 1 ? 'post' : 'posts'} selected
          </p>
          <div className="flex gap-2">
            <Button
              variant="secondary"
              size="sm"
              busy={running === 'duplicate'}
              disabled={running !== null}
              onClick={() => void run('duplicate')}
            >
              Duplicate
            </Button>
            <Button
              variant="danger"
              size="sm"
              disabled={running !== null}
              onClick={() => setConfirming(true)}
            >
              Delete
            </Button>
          </div>
          <Button
            variant="ghost"
            size="sm"
            className="ml-auto"
            onClick={() => onDone(selection.map((s) => s.postId))}
          >
            Clear selection
          </Button>
        </div>
      ) : null}
      {summary ? (
        <Notice
          tone={summary.tone}
          title={summary.headline}
          action={
            <Button variant="ghost" size="sm" onClick={() => setSummary(null)}>
              Dismiss
            </Button>
          }
        >
          {summary.failures.length > 0 ? (
            <ul className="mt-1 list-disc space-y-0.5 pl-4" aria-label="Posts that were refused">
              {summary.failures.map((failure) => (
                <li key={failure.postId}>
                  <span className="font-medium">{failure.label}</span>: {failure.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={`Delete ${count} ${count === 1 ? 'post' : 'posts'}?`}
        confirmLabel={`Delete ${count === 1 ? 'post' : 'posts'}`}
        busy={running === 'delete'}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void run('delete')}
      >
        Scheduled targets are cancelled and will not be published. Posts already live stay on their networks;
        Plume only forgets them.
      </ConfirmDialog>
    </div>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import { useServices } from '../../app/services';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormProblem } from '../../components/FormProblem';
import { POSTS_KEY } from '../../publishing/query-keys';
import { APPROVAL_LOOK, awaitsApproval } from './approval-look';
import { postAbilities } from './post-abilities';
import { SchedulePanel } from './SchedulePanel';
import type { Post } from './types';

const LINK_BUTTON =
  'inline-flex items-center justify-center gap-2 rounded-lg bg-white px-3.5 py-2 text-sm font-medium text-slate-700 shadow-xs ring-1 ring-slate-300 ring-inset hover:bg-slate-50';

/** What a user (not a viewer) may do with the post; each button only when the API allows it. */
export function PostActions({ post, onAnnounce }: { post: Post; onAnnounce: (message: string) => void }) {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirm, setConfirm] = useState<'publish' | 'delete' | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const abilities = postAbilities(post.targets);
  // The server refuses both with 409 approval_required; the buttons say so beforehand.
  const held = awaitsApproval(post.approvalStatus);
  const heldId = `post-${post.id}-held`;
  const path = { params: { path: { id: post.id } } };
  const refresh = () => queryClient.invalidateQueries({ queryKey: POSTS_KEY });

  const publish = useMutation({
    mutationFn: () => unwrap(api.POST('/posts/{id}/publish', path)),
    onSuccess: () => {
      setConfirm(null);
      onAnnounce('Publishing now.');
    },
    onSettled: refresh,
  });
  const duplicate = useMutation({
    mutationFn: () => unwrap(api.POST('/posts/{id}/duplicate', path)),
    onSuccess: async (copy) => {
      await refresh();
      await navigate(`/posts/${copy.id}`);
    },
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/posts/{id}', path)),
    onSuccess: async () => {
      setConfirm(null);
      // Leave first: refetching this page's post now would only answer 404.
      await navigate('/posts');
      await refresh();
    },
  });
  const problem = [publish.error, duplicate.error, remove.error].find(isApiProblem) ?? null;

  return (
    <div className="space-y-3">
      <FormProblem problem={problem} />
      <div className="flex flex-wrap gap-2">
        {abilities.canEdit ? (
          <Link to={`/compose?post=${post.id}`} className={LINK_BUTTON}>
            Edit
          </Link>
        ) : null}
        <Button variant="secondary" busy={duplicate.isPending} onClick={() => duplicate.mutate()}>
          Duplicate
        </Button>
        {abilities.canSchedule ? (
          <Button
            variant="secondary"
            aria-expanded={scheduling}
            disabled={held}
            aria-describedby={held ? heldId : undefined}
            onClick={() => setScheduling((open) => !open)}
          >
            {abilities.scheduleVerb}…
          </Button>
        ) : null}
        {abilities.canPublishNow ? (
          <Button
            disabled={held}
            aria-describedby={held ? heldId : undefined}
            onClick={() => setConfirm('publish')}
          >
            Publish now
          </Button>
        ) : null}
        {abilities.canDelete ? (
          <Button variant="dangerGhost" onClick={() => setConfirm('delete')}>
            Delete
          </Button>
        ) : null}
      </div>
      {held && (abilities.canSchedule || abilities.canPublishNow) ? (
        <p id={heldId} className="text-sm text-amber-800" data-testid="approval-hold">
          {APPROVAL_LOOK[post.approvalStatus].help}
        </p>
      ) : null}
      {scheduling && abilities.canSchedule && !held ? (
        <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs">
          <SchedulePanel
            postId={post.id}
            timeZone={post.timezone}
            verb={abilities.scheduleVerb}
            onDone={(message) => {
              setScheduling(false);
              onAnnounce(message);
            }}
          />
        </div>
      ) : null}
      <ConfirmDialog
        open={confirm === 'publish'}
        title="Publish this post now?"
        confirmLabel="Publish now"
        confirmVariant="primary"
        busy={publish.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() => publish.mutate()}
      >
        It is sent at once to every account that has not published it yet. This page shows each network’s
        answer as it arrives.
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'delete'}
        title="Delete this post?"
        confirmLabel="Delete post"
        busy={remove.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() => remove.mutate()}
      >
        Scheduled targets are cancelled. Copies already live stay on their networks.
      </ConfirmDialog>
    </div>
  );
}

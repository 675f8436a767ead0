import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import { useServices } from '../../app/services';
import { useSignedInUser } from '../../auth/use-session';
import { Button } from '../../components/Button';
import { FormProblem } from '../../components/FormProblem';
import { PLATFORM_LOOK } from '../../publishing/platforms';
import { POSTS_KEY } from '../../publishing/query-keys';
import { postLabel } from '../posts/post-text';
import type { GenerateContentOutput } from './task-outputs';
import { useSocialAccounts } from './use-account-names';

/**
 * Keeps one of a content task's drafts as a post awaiting a person's approval
 * (POST /ai-agents/tasks/{id}/drafts), on accounts of the draft's network, and links to it.
 */
export function KeepDrafts({ taskId, output }: { taskId: string; output: GenerateContentOutput }) {
  const id = useId();
  const { api } = useServices();
  const { can } = useSignedInUser();
  const queryClient = useQueryClient();
  const { accounts } = useSocialAccounts();
  const [index, setIndex] = useState(0);
  const [picked, setPicked] = useState<string[]>([]);
  const draft = output.drafts[index];
  const eligible = accounts.filter((account) => account.platform === draft?.platform);
  // Until one is picked, every account of the network is meant (most have one).
  const chosen = picked.filter((accountId) => eligible.some((a) => a.id === accountId));
  const accountIds = chosen.length > 0 ? chosen : eligible.map((account) => account.id);
  const keep = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/ai-agents/tasks/{id}/drafts', {
          params: { path: { id: taskId } },
          body: { drafts: [{ index, socialAccountIds: accountIds }] },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: POSTS_KEY }),
  });
  if (!can('user') || output.drafts.length === 0) return null;
  const name = (i: number) =>
    `${PLATFORM_LOOK[output.drafts[i]!.platform].name} draft ${output.drafts[i]!.variant}`;

  return (
    <form
      aria-label="Keep as drafts for review"
      className="space-y-3 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200"
      onSubmit={(event) => {
        event.preventDefault();
        keep.mutate();
      }}
    >
      <p className="text-sm font-medium text-slate-900">Keep as drafts for review</p>
      <p className="text-xs text-slate-600">
        The draft becomes a post in review: a person approves it before it can be scheduled.
      </p>
      <FormProblem problem={isApiProblem(keep.error) ? keep.error : null} />
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
        <div className="min-w-0">
          <label htmlFor={`${id}-draft`} className="block text-xs font-medium text-slate-600">
            Draft
          </label>
          <select
            id={`${id}-draft`}
            value={index}
            onChange={(event) => {
              setIndex(Number(event.target.value));
              setPicked([]);
            }}
            className="mt-1 block w-full rounded-lg border-0 py-1.5 text-sm ring-1 ring-slate-300 ring-inset"
          >
            {output.drafts.map((_, i) => (
              <option key={i} value={i}>
                {name(i)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="min-w-0">
          <legend className="text-xs font-medium text-slate-600">Accounts</legend>
          {eligible.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">
              No {draft ? PLATFORM_LOOK[draft.platform].name : ''} account is connected.
            </p>
          ) : (
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {eligible.map((account) => (
                <label key={account.id} className="flex items-center gap-1.5 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    checked={accountIds.includes(account.id)}
                    onChange={(event) =>
                      setPicked(
                        event.target.checked
                          ? [...accountIds, account.id]
                          : accountIds.filter((accountId) => accountId !== account.id),
                      )
                    }
                    className="size-4 accent-brand-600"
                  />
                  {account.name ?? account.profileName ?? account.handle ?? account.platformName}
                </label>
              ))}
            </div>
          )}
        </fieldset>
      </div>
      <Button type="submit" size="sm" busy={keep.isPending} disabled={accountIds.length === 0}>
        Keep for review
      </Button>
      {keep.data ? (
        <p role="status" className="text-sm text-emerald-800">
          Kept for review:{' '}
          {keep.data.posts.map((post, i) => (
            <span key={post.id}>
              {i > 0 ? ', ' : null}
              <Link to={`/posts/${post.id}`} className="font-medium break-words underline">
                {postLabel(post)}
              </Link>
            </span>
          ))}
          .
        </p>
      ) : null}
    </form>
  );
}

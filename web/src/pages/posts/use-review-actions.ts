import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { isApiProblem, type ApiProblem } from '../../api/problem';
import { useServices } from '../../app/services';
import { POSTS_KEY } from '../../publishing/query-keys';

export type ReviewStep = 'submit' | 'approve' | 'request-changes' | 'comments';

const DONE: Record<ReviewStep, string> = {
  submit: 'Sent for review.',
  approve: 'Approved.',
  'request-changes': 'Changes requested.',
  comments: 'Comment added.',
};

/**
 * The review steps on one post (POST /posts/{id}/submit, approve, request-changes, comments).
 * Each refreshes every post query: the post, its history and the approvals queue move together.
 */
export function useReviewActions(postId: string, onDone?: (message: string) => void) {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const step = useMutation({
    mutationFn: ({ action, comment }: { action: ReviewStep; comment: string }) => {
      const params = { path: { id: postId } };
      const text = comment.trim();
      if (action === 'request-changes' || action === 'comments') {
        return unwrap(api.POST(`/posts/{id}/${action}`, { params, body: { comment: text } }));
      }
      return unwrap(api.POST(`/posts/{id}/${action}`, { params, body: text ? { comment: text } : {} }));
    },
    onSuccess: (_data, { action }) => onDone?.(DONE[action]),
    onSettled: () => queryClient.invalidateQueries({ queryKey: POSTS_KEY }),
  });
  const problem: ApiProblem | null = isApiProblem(step.error) ? step.error : null;
  return {
    run: (action: ReviewStep, comment = '') => step.mutate({ action, comment }),
    runAsync: (action: ReviewStep, comment = '') => step.mutateAsync({ action, comment }),
    pending: step.isPending ? step.variables.action : null,
    problem,
    reset: step.reset,
  };
}

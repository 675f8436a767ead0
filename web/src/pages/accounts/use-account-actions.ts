import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { useServices } from '../../app/services';
import { SOCIAL_ACCOUNTS_KEY } from '../../publishing/query-keys';

type UpdateRequest = components['schemas']['UpdateSocialAccountRequest'];

/** Rename, (de)activate, sync and disconnect one account; each refreshes the list when done. */
export function useAccountActions(accountId: string) {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: SOCIAL_ACCOUNTS_KEY });
  const path = { params: { path: { id: accountId } } };

  const update = useMutation({
    mutationFn: (body: UpdateRequest) => unwrap(api.PUT('/social-accounts/{id}', { ...path, body })),
    onSettled: refresh,
  });
  // 202: the job runs in the background; `social-account.synced` refreshes the list when it is done.
  const sync = useMutation({
    mutationFn: () => unwrap(api.POST('/social-accounts/{id}/sync', path)),
  });
  const disconnect = useMutation({
    mutationFn: () => unwrap(api.DELETE('/social-accounts/{id}', path)),
    onSettled: refresh,
  });
  return { update, sync, disconnect };
}

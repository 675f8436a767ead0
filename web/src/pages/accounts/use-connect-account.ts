import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { SOCIAL_ACCOUNTS_KEY } from '../../publishing/query-keys';
import type { ConnectRequest } from './connect-request';
import type { SocialAccount } from './types';

export type ConnectOutcome = { kind: 'connected'; account: SocialAccount } | { kind: 'redirecting' };

/**
 * Connects an account. App-password and Sandbox networks answer with the account at once;
 * OAuth networks answer with the consent page, where the browser goes next (the callback
 * brings it back to /accounts with the result in the query string).
 */
export function useConnectAccount() {
  const { api } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: ConnectRequest): Promise<ConnectOutcome> => {
      const answer = await unwrap(api.POST('/social-accounts/connect', { body: request }));
      if (answer.authorizationUrl) {
        window.location.assign(answer.authorizationUrl);
        return { kind: 'redirecting' };
      }
      if (!answer.account) throw new Error('The API connected nothing and sent no authorization URL.');
      await queryClient.invalidateQueries({ queryKey: SOCIAL_ACCOUNTS_KEY });
      return { kind: 'connected', account: answer.account };
    },
  });
}

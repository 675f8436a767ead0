import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { displayName } from '../../auth/people';
import { SOCIAL_ACCOUNTS_KEY } from '../../publishing/query-keys';
import { MEMBERS_QUERY_KEY } from '../team/query-keys';

/** The organization's connected accounts (for the account filter). */
export function useSocialAccounts() {
  const { api } = useServices();
  return useQuery({
    queryKey: [...SOCIAL_ACCOUNTS_KEY, 'list'],
    queryFn: ({ signal }) => unwrap(api.GET('/social-accounts', { signal })),
  });
}

/** Author names by user id, from the team list (every role may read it). */
export function useAuthorNames(): Map<string, string> {
  const { api } = useServices();
  const members = useQuery({
    queryKey: MEMBERS_QUERY_KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/organizations/members', { signal })),
  });
  return new Map((members.data?.members ?? []).map((member) => [member.userId, displayName(member)]));
}

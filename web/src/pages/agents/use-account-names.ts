import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { SOCIAL_ACCOUNTS_KEY } from '../../publishing/query-keys';

/** The organization's accounts, and each one's name by id (results name accounts by id). */
export function useSocialAccounts() {
  const { api } = useServices();
  const query = useQuery({
    queryKey: SOCIAL_ACCOUNTS_KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/social-accounts', { signal })),
  });
  const accounts = query.data?.accounts ?? [];
  const names = Object.fromEntries(
    accounts.map((account) => [
      account.id,
      account.name ?? account.profileName ?? account.handle ?? account.platformName,
    ]),
  );
  return { query, accounts, names };
}
